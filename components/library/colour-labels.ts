/** Names of the highlight colours as the UI says them (a swatch alone says nothing to a screen reader). */
import type { HighlightColour } from '@/utils/db/schema';

export const COLOUR_LABELS: Readonly<Record<HighlightColour, string>> = Object.freeze({
  yellow: 'Yellow',
  green: 'Green',
  blue: 'Blue',
  pink: 'Pink',
  purple: 'Purple',
});
