/**
 * Says, next to a highlight, when it is not simply where it was: the passage moved
 * or changed (weak), could not be found at the last visit (orphaned), or the user
 * chose to keep it as a note. Nothing is shown for a highlight that anchored.
 */
import type { AnchorStatus } from '@/utils/db/schema';

const BADGES: Record<Exclude<AnchorStatus, 'anchored'>, { text: string; explain: string }> = {
  weak: {
    text: 'Low confidence',
    explain: 'The text around this passage changed at the last visit: check it is still the passage you meant.',
  },
  orphaned: {
    text: 'Not found on the page',
    explain: 'This passage was not on the page at the last visit. The quote and note are kept here.',
  },
  detached: {
    text: 'Kept as note',
    explain: 'No longer looked for on the page: kept with its quote and note.',
  },
  unplaced: {
    text: 'Imported, not yet placed',
    explain: 'Imported from another service with its quote only: Margin looks for it the next time the page is opened.',
  },
};

export function AnchorBadge({ status }: { status: AnchorStatus }) {
  if (status === 'anchored') return null;
  const badge = BADGES[status];
  return (
    <span className="lib-badge" data-anchor-badge={status} title={badge.explain}>
      {badge.text}
      <span className="lib-visually-hidden">: {badge.explain}</span>
    </span>
  );
}
