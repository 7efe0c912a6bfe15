/** The note about the page as a whole; saved when the field loses focus. */
import { useEffect, useState } from 'react';
import { NoteConflictChooser } from '@/components/sync/NoteConflictChooser';
import type { NoteConflict } from '@/utils/db/schema';

interface Props {
  text: string;
  onSave(text: string): void;
  /** Versions another browser wrote at the same time, if any. */
  conflicts?: NoteConflict[];
  onResolve(text: string): void;
}

export function PageNoteEditor({ text, onSave, conflicts, onResolve }: Props) {
  const [value, setValue] = useState(text);
  useEffect(() => setValue(text), [text]);
  return (
    <section className="pp-page-note" data-page-note-section>
      <label className="pp-h2" htmlFor="pp-page-note">
        Page note
      </label>
      {conflicts && conflicts.length > 0 && (
        <NoteConflictChooser current={text} conflicts={conflicts} onKeep={onResolve} />
      )}
      <textarea
        id="pp-page-note"
        className="pp-note"
        data-page-note
        placeholder="Your thoughts on the whole article…"
        value={value}
        onChange={(e) => setValue(e.target.value)}
        onBlur={() => value.trim() !== text.trim() && onSave(value)}
      />
    </section>
  );
}
