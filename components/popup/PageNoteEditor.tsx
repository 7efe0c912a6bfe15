/** The note about the page as a whole; saved when the field loses focus. */
import { useEffect, useState } from 'react';

export function PageNoteEditor({ text, onSave }: { text: string; onSave(text: string): void }) {
  const [value, setValue] = useState(text);
  useEffect(() => setValue(text), [text]);
  return (
    <section className="pp-page-note">
      <label className="pp-h2" htmlFor="pp-page-note">
        Page note
      </label>
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
