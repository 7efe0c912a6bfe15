/** Sync in one line (popup): when it last ran, what waits, what went wrong; "Sync now". */
import { syncMessenger } from '@/utils/messaging/sync-protocol';
import { describeSyncStatus } from '@/utils/sync/sync-status';
import { useNow, useSyncEnabled, useSyncStatus } from './use-sync-status';

export function SyncStatusLine() {
  const enabled = useSyncEnabled();
  const status = useSyncStatus();
  const now = useNow();
  if (!enabled || !status) return null;
  const syncing = status.state === 'syncing';
  return (
    <p
      className="pp-sync"
      role="status"
      data-sync-status
      data-state={status.state}
      data-pending={status.pending ?? undefined}
    >
      <span className="pp-sync-text" data-sync-line>
        {describeSyncStatus(status, now)}
      </span>{' '}
      {status.state === 'needs-confirmation' ? (
        <button
          type="button"
          className="pp-link"
          data-action="sync-review"
          onClick={() => void browser.runtime.openOptionsPage()}
        >
          Review
        </button>
      ) : (
        <button
          type="button"
          className="pp-link"
          data-action="sync-now"
          disabled={syncing}
          onClick={() => void syncMessenger.sendMessage('sync:now', {}).catch(() => undefined)}
        >
          Sync now
        </button>
      )}
    </p>
  );
}
