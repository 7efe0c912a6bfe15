/**
 * One highlight in the popup: its colour (changeable), its quote (click to scroll
 * the page to it), its note and tags (editable), copy as Markdown, and delete; and
 * when two browsers edited its note at once, the versions to choose from.
 */
import { useEffect, useState } from 'react';
import { NoteConflictChooser } from '@/components/sync/NoteConflictChooser';
import { HIGHLIGHT_COLOURS, type HighlightColour, type HighlightRecord } from '@/utils/db/schema';
import { parseTags } from '@/components/highlighter/highlight-toolbar';

interface Props {
  highlight: HighlightRecord;
  onReveal(): void;
  onChange(patch: { colour?: HighlightColour; note?: string; tags?: string[] }): void;
  onDelete(): void;
  /** Copies the highlight as Markdown (quote, source with a link to the passage, note, tags). */
  onCopy(): void;
  /** Keeps this version of a note edited in two browsers at once. */
  onResolve(note: string): void;
}

export function HighlightItem({ highlight, onReveal, onChange, onDelete, onCopy, onResolve }: Props) {
  const [note, setNote] = useState(highlight.note);
  const [tags, setTags] = useState(highlight.tags.join(', '));
  // A change made elsewhere (the page's toolbar) shows up unless the user is typing here.
  useEffect(() => setNote(highlight.note), [highlight.note]);
  useEffect(() => setTags(highlight.tags.join(', ')), [highlight.tags.join(',')]);

  const saveNote = () => note.trim() !== highlight.note && onChange({ note: note.trim() });
  const saveTags = () => {
    const next = parseTags(tags);
    if (next.join(',') !== highlight.tags.join(',')) onChange({ tags: next });
  };

  return (
    <li className="pp-item" data-highlight-id={highlight.id} data-anchor={highlight.anchor} data-colour={highlight.colour}>
      <div className="pp-swatches" role="radiogroup" aria-label="Colour">
        {HIGHLIGHT_COLOURS.map((c) => (
          <button
            key={c}
            type="button"
            role="radio"
            aria-checked={c === highlight.colour}
            aria-label={c}
            className={`pp-swatch pp-${c}`}
            data-colour-choice={c}
            onClick={() => c !== highlight.colour && onChange({ colour: c })}
          />
        ))}
        {highlight.anchor === 'weak' && (
          <span className="pp-flag" data-flag="weak" title="The text around this passage changed since you highlighted it">
            low confidence
          </span>
        )}
      </div>
      <button type="button" className={`pp-quote pp-bar-${highlight.colour}`} data-action="reveal" onClick={onReveal} title="Show on the page">
        {highlight.quote}
      </button>
      {highlight.noteConflicts && highlight.noteConflicts.length > 0 && (
        <NoteConflictChooser current={highlight.note} conflicts={highlight.noteConflicts} onKeep={onResolve} />
      )}
      <textarea
        className="pp-note"
        data-field="note"
        aria-label="Note"
        placeholder="Add a note…"
        value={note}
        onChange={(e) => setNote(e.target.value)}
        onBlur={saveNote}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) saveNote();
        }}
      />
      <div className="pp-row">
        <input
          className="pp-tags"
          data-field="tags"
          aria-label="Tags, separated by commas"
          placeholder="tags"
          value={tags}
          onChange={(e) => setTags(e.target.value)}
          onBlur={saveTags}
          onKeyDown={(e) => e.key === 'Enter' && saveTags()}
        />
        <button type="button" className="pp-link" data-action="copy-highlight-markdown" onClick={onCopy} title="Copy as Markdown">
          Copy
        </button>
        <button type="button" className="pp-link" data-action="delete" onClick={onDelete}>
          Delete
        </button>
      </div>
    </li>
  );
}
