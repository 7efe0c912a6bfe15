/** Says a note was edited in two browsers at once; the user picks a version in the page's popup. */
import type { NoteConflict } from '@/utils/db/schema';

export function ConflictBadge({ conflicts }: { conflicts: NoteConflict[] | undefined }) {
  if (!conflicts?.length) return null;
  const explain =
    'This note was changed in another browser at the same time. Open the page and choose a version in Margin’s popup.';
  return (
    <span className="lib-badge lib-conflict" data-note-conflict title={explain}>
      Edited in two browsers
      <span className="lib-visually-hidden">: {explain}</span>
    </span>
  );
}
