/**
 * One quiet line when the browser left a Margin command without a key (another extension
 * holds the suggested one): what has none, and a button to the page where keys are set.
 * If the browser will not open that page, the line says how to get there.
 */
import { useState } from 'react';
import {
  unassignedSummary,
  type MarginCommand,
  type ShortcutSettingsPlace,
} from '@/utils/shortcuts/unassigned-shortcuts';

interface Props {
  unassigned: readonly MarginCommand[];
  place: ShortcutSettingsPlace;
  /** Opens the browser's shortcut page; resolves false when it could not. */
  onOpen: () => Promise<boolean>;
  className?: string;
}

export function UnassignedShortcutNotice({ unassigned, place, onOpen, className = 'pp-hint' }: Props) {
  const [failed, setFailed] = useState(false);
  const summary = unassignedSummary(unassigned);
  if (!summary) return null;
  return (
    <p className={className} data-shortcut-notice={unassigned.map((c) => c.name).join(' ')}>
      {summary}{' '}
      {failed ? (
        <span data-shortcut-steps>Set one in {place.steps}.</span>
      ) : (
        <button
          type="button"
          className="pp-link"
          title={`Keyboard shortcuts: ${place.steps}`}
          onClick={() => void onOpen().then((ok) => setFailed(!ok))}
        >
          Set one…
        </button>
      )}
    </p>
  );
}
