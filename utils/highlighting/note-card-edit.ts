/**
 * What the note card saves: the fields the user changed, from what the form holds.
 * An unchanged field is left out, so saving a card opened only to read it writes
 * nothing, and a note edited meanwhile in another browser is not overwritten by
 * a tag change here.
 */
import type { HighlightColour, HighlightRecord } from '@/utils/db/schema';
import { parseTags } from './parse-tags';

/** The card's form: the note as typed, tags as typed (comma-separated), the chosen colour. */
export interface NoteCardForm {
  note: string;
  tags: string;
  colour: HighlightColour;
}

export type NoteCardPatch = Partial<Pick<HighlightRecord, 'note' | 'tags' | 'colour'>>;

/** The form as the card first shows it for `highlight`. */
export function formFor(highlight: Pick<HighlightRecord, 'note' | 'tags' | 'colour'>): NoteCardForm {
  return { note: highlight.note, tags: highlight.tags.join(', '), colour: highlight.colour };
}

/**
 * @return the changed fields (note trimmed, tags parsed); empty when nothing changed
 */
export function notePatch(
  highlight: Pick<HighlightRecord, 'note' | 'tags' | 'colour'>,
  form: NoteCardForm,
): NoteCardPatch {
  const patch: NoteCardPatch = {};
  const note = form.note.trim();
  if (note !== highlight.note) patch.note = note;
  const tags = parseTags(form.tags);
  if (tags.join('\n') !== highlight.tags.join('\n')) patch.tags = tags;
  if (form.colour !== highlight.colour) patch.colour = form.colour;
  return patch;
}
