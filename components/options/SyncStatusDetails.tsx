/** Settings page: what sync did last and what it is doing now. */
import { describeProgress, describeSyncStatus, pendingText, timeAgo, type SyncStatus } from '@/utils/sync/sync-status';

export function SyncStatusDetails({ status: s, now }: { status: SyncStatus; now: number }) {
  return (
    <div
      className="options-sync-status"
      data-sync-status
      data-state={s.state}
      data-last-sync-at={s.lastSyncAt ?? undefined}
      data-pending={s.pending ?? undefined}
    >
      <p role="status" data-sync-line>
        {describeSyncStatus(s, now)}
      </p>
      {s.state === 'syncing' && s.progress && (
        <progress
          max={s.progress.total || undefined}
          value={s.progress.total ? s.progress.done : undefined}
          aria-label={describeProgress(s.progress)}
        />
      )}
      <dl className="options-figures">
        <dt>Last sync</dt>
        <dd>{s.lastSyncAt ? `${timeAgo(s.lastSyncAt, now)} (${new Date(s.lastSyncAt).toLocaleString()})` : 'Never'}</dd>
        <dt>Changes waiting to be sent</dt>
        <dd data-sync-pending>{s.pending === null ? '…' : (pendingText(s.pending) ?? 'None')}</dd>
        {s.last && (
          <>
            <dt>Last sync did</dt>
            <dd>
              received {s.last.received}, sent {s.last.sent}, changed {s.last.changed} here
              {s.last.conflicts > 0 &&
                `, ${s.last.conflicts} note${s.last.conflicts === 1 ? '' : 's'} edited in two browsers (choose in the popup)`}
            </dd>
          </>
        )}
        <dt>Last error</dt>
        <dd data-sync-error className={s.lastError ? 'options-error' : undefined}>
          {s.lastError ?? 'None'}
        </dd>
      </dl>
      {s.warnings.length > 0 && (
        <details>
          <summary>
            {s.warnings.length} file{s.warnings.length === 1 ? '' : 's'} in the sync folder could not be read
          </summary>
          <ul>
            {s.warnings.map((w, i) => (
              <li
                // biome-ignore lint/suspicious/noArrayIndexKey: the list is replaced whole, never reordered; a warning has no id
                key={i}
              >
                {w}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
