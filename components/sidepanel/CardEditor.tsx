/**
 * A card open for editing: colour, note, tags, delete. The note and tags are saved
 * when a field loses focus and when editing ends (Esc, "Done", another card), so
 * nothing typed is lost by leaving.
 */
import { useEffect, useRef, useState } from 'react';
import type { HighlightPatch } from '@/utils/db';
import type { HighlightRecord } from '@/utils/db/schema';
import { formatTagInput, parseTagInput, sameTags } from '@/utils/sidepanel/tag-input';
import { ColourPicker } from './ColourPicker';

interface Props {
  highlight: HighlightRecord;
  onChange(patch: HighlightPatch): void;
  onDone(): void;
  onDelete(): void;
}

export function CardEditor({ highlight, onChange, onDone, onDelete }: Props) {
  const [note, setNote] = useState(highlight.note);
  const [tags, setTags] = useState(formatTagInput(highlight.tags));
  const noteField = useRef<HTMLTextAreaElement>(null);
  // What was last saved or received, so a field left unchanged writes nothing.
  const saved = useRef({ note: highlight.note, tags: highlight.tags });
  const draft = useRef({ note, tags });
  draft.current = { note, tags };

  const commit = () => {
    const patch: HighlightPatch = {};
    const nextNote = draft.current.note.trim();
    const nextTags = parseTagInput(draft.current.tags);
    if (nextNote !== saved.current.note) patch.note = nextNote;
    if (!sameTags(nextTags, saved.current.tags)) patch.tags = nextTags;
    if (Object.keys(patch).length === 0) return;
    saved.current = { note: nextNote, tags: nextTags };
    onChange(patch);
  };
  const commitRef = useRef(commit);
  commitRef.current = commit;

  useEffect(() => noteField.current?.focus(), []);
  // Leaving editing unmounts the fields before they lose focus: save then.
  useEffect(() => () => commitRef.current(), []);

  return (
    <div className="sp-editor" data-card-editor>
      <ColourPicker value={highlight.colour} onPick={(colour) => onChange({ colour })} />
      <textarea
        ref={noteField}
        className="pp-note"
        data-field="note-input"
        aria-label="Note"
        placeholder="Add a note…"
        value={note}
        onChange={(e) => setNote(e.target.value)}
        onBlur={commit}
      />
      <input
        className="pp-tags"
        data-field="tags-input"
        aria-label="Tags, separated by commas"
        placeholder="tags, separated by commas"
        value={tags}
        onChange={(e) => setTags(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => e.key === 'Enter' && commit()}
      />
      <div className="pp-row">
        <button type="button" className="pp-button" data-action="done" onClick={onDone}>
          Done
        </button>
        <button type="button" className="pp-link sp-delete" data-action="delete" onClick={onDelete}>
          Delete
        </button>
      </div>
    </div>
  );
}
