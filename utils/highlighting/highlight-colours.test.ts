/**
 * A highlight must never be mistaken for selected text. Each colour is compared, as painted
 * over each reader background, with the selection colours browsers paint by default.
 */
import { describe, expect, test } from 'vitest';
import { HIGHLIGHT_COLOURS, type HighlightColour } from '@/utils/db/schema';
import { paintedDifference } from './colour-difference';
import { HIGHLIGHT_BACKGROUNDS, highlightCss } from './highlight-colours';

/** Default selection backgrounds (opaque), where users meet them. */
const SELECTION_COLOURS: Record<string, string> = {
  // Measured: Debian's Chromium, a screenshot of selected text (Blink's default is #1967d2).
  'Chromium on Linux': '#3367d1',
  'Blink default': '#1967d2',
  // Chrome's light selection blue (Windows, ChromeOS), and macOS's selection highlight (Safari, Chrome, Firefox).
  'Chrome light': '#accef7',
  macOS: '#b3d7ff',
  // Measured: firefox-esr on Linux, `Highlight` and a screenshot of selected text.
  'Firefox on Linux': '#3399ff',
  'Windows Highlight (Firefox, Edge)': '#0078d7',
  'GNOME Adwaita': '#3584e4',
};

/** The reader's light, sepia and dark page colours. */
const BACKGROUNDS = { light: '#fdfdfc', sepia: '#f6efe1', dark: '#16181c', white: '#ffffff' };

/** CIEDE2000 ΔE past which two paints read as different colours at a glance, not shades of one. */
const CLEARLY_APART = 15;

describe.each(Object.entries(BACKGROUNDS))('over the %s background', (_name, background) => {
  test.each(HIGHLIGHT_COLOURS.map((c) => [c]))('%s is clearly not a selection colour', (colour) => {
    for (const [where, selection] of Object.entries(SELECTION_COLOURS)) {
      const difference = paintedDifference(HIGHLIGHT_BACKGROUNDS[colour], selection, background);
      expect(difference, `${colour} vs the selection in ${where}`).toBeGreaterThan(CLEARLY_APART);
    }
  });

  test('the colours stay apart from each other', () => {
    for (const [i, one] of HIGHLIGHT_COLOURS.entries()) {
      for (const other of HIGHLIGHT_COLOURS.slice(i + 1)) {
        const difference = paintedDifference(HIGHLIGHT_BACKGROUNDS[one], HIGHLIGHT_BACKGROUNDS[other], background);
        expect(difference, `${one} vs ${other}`).toBeGreaterThan(10);
      }
    }
  });
});

test('every stored colour name still has a paint and a CSS rule', () => {
  const css = highlightCss();
  for (const colour of HIGHLIGHT_COLOURS as readonly HighlightColour[]) {
    expect(HIGHLIGHT_BACKGROUNDS[colour]).toMatch(/^rgba\(/);
    expect(css).toContain(`::highlight(margin-${colour})`);
    expect(css).toContain(`mark[data-margin-colour="${colour}"]`);
  }
});
