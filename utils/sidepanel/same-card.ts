/**
 * Whether a highlight's card would show the same as before: every answer of the live
 * query is new objects, and re-rendering a long page's cards for each write to one of
 * them is the slow part of an update.
 */
import type { HighlightRecord } from '@/utils/db/schema';

type CardFields = Pick<
  HighlightRecord,
  'id' | 'updatedAt' | 'quote' | 'colour' | 'note' | 'tags' | 'anchor' | 'noteConflicts'
>;

/** @return true when `a` and `b` are the same highlight and nothing a card shows differs */
export function sameCard(a: CardFields, b: CardFields): boolean {
  if (a === b) return true;
  return (
    a.id === b.id &&
    a.updatedAt === b.updatedAt &&
    a.quote === b.quote &&
    a.colour === b.colour &&
    a.note === b.note &&
    a.anchor === b.anchor &&
    a.tags.length === b.tags.length &&
    a.tags.every((t, i) => t === b.tags[i]) &&
    sameConflicts(a.noteConflicts, b.noteConflicts)
  );
}

function sameConflicts(a: CardFields['noteConflicts'], b: CardFields['noteConflicts']): boolean {
  const x = a ?? [];
  const y = b ?? [];
  return (
    x.length === y.length &&
    x.every((c, i) => c.text === y[i]!.text && c.at === y[i]!.at && c.deviceId === y[i]!.deviceId)
  );
}
