/** The five highlight colours as a radio group; picking one recolours the highlight. */
import { HIGHLIGHT_COLOURS, type HighlightColour } from '@/utils/db/schema';

export function ColourPicker({ value, onPick }: { value: HighlightColour; onPick(colour: HighlightColour): void }) {
  return (
    <div className="pp-swatches" role="radiogroup" aria-label="Colour">
      {HIGHLIGHT_COLOURS.map((c) => (
        <button
          key={c}
          type="button"
          role="radio"
          aria-checked={c === value}
          aria-label={c}
          className={`pp-swatch pp-${c}`}
          data-colour-choice={c}
          onClick={() => c !== value && onPick(c)}
        />
      ))}
    </div>
  );
}
