/** A highlight colour as a dot, for sighted readers; the colour's name is said in text beside it. */
import type { HighlightColour } from '@/utils/db/schema';
import { HIGHLIGHT_BACKGROUNDS } from '@/utils/highlighting/highlight-colours';

export function Swatch({ colour }: { colour: HighlightColour }) {
  return (
    <span
      className="margin-swatch"
      data-swatch={colour}
      style={{ background: HIGHLIGHT_BACKGROUNDS[colour] }}
      aria-hidden="true"
    />
  );
}
