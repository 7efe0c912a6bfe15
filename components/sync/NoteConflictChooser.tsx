/**
 * A note two browsers edited at the same time: every version side by side, and the
 * user keeps one. Sync never picks for them (see `utils/sync/sync-doc.ts`).
 */
import { useEffect, useState } from 'react';
import { storage } from 'wxt/utils/storage';
import type { NoteConflict } from '@/utils/db/schema';

interface Props {
  /** The version shown now. */
  current: string;
  conflicts: NoteConflict[];
  onKeep(text: string): void;
  /** Class names prefix: `pp` in the popup. */
  className?: string;
}

export function NoteConflictChooser({ current, conflicts, onKeep, className = 'pp' }: Props) {
  const device = useDeviceId();
  const where = (id: string) => (device === null ? '' : id === device ? ' in this browser' : ' in another browser');
  const versions = [
    { text: current, label: 'Shown now' },
    ...conflicts.map((c) => ({
      text: c.text,
      label: `Written ${new Date(c.at).toLocaleString()}${where(c.deviceId)}`,
    })),
  ];
  return (
    <div className={`${className}-conflict`} role="group" aria-label="Note edited in two browsers" data-note-conflict>
      <p className={`${className}-conflict-title`}>Changed in another browser at the same time. Keep which note?</p>
      <ul className={`${className}-conflict-list`}>
        {versions.map((v, i) => (
          <li
            // biome-ignore lint/suspicious/noArrayIndexKey: the versions are replaced whole, never reordered; a version has no id
            key={i}
            data-conflict-version={i === 0 ? 'current' : 'other'}
          >
            <p className={`${className}-conflict-text`} data-field="version-text">
              {v.text || <em>(empty)</em>}
            </p>
            <div className={`${className}-conflict-row`}>
              <span className={`${className}-hint`}>{v.label}</span>
              <button
                type="button"
                className={`${className}-button`}
                data-action="keep-version"
                onClick={() => onKeep(v.text)}
              >
                Keep this
              </button>
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** This browser's id (minted by the background's `database.ts`), to tell its own versions from the others'. */
function useDeviceId(): string | null {
  const [id, setId] = useState<string | null>(null);
  useEffect(() => {
    void storage.getItem<string>('local:deviceId').then((v) => setId(v ?? null));
  }, []);
  return id;
}
