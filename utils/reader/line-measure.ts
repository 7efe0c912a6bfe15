/**
 * Turns the reader's width setting, a number of characters a body line should hold,
 * into a CSS length. The setting used to be applied as `ch` (the width of the digit
 * "0"), which is wider than the average character of running text: 68ch held 75–90
 * characters in a serif font. Here the reader measures how wide its font sets ordinary
 * prose and multiplies, so 68 means about 68 characters whatever font the system has.
 */

/**
 * Ordinary English prose (letters, spaces and punctuation in the proportions of running
 * text): its average advance is what a line of an article spends per character.
 */
export const MEASURE_SAMPLE =
  'Reading on a screen is easier when each line is short enough for the eye to find the start of the next one. ' +
  'Typographers have long suggested between forty-five and seventy-five characters, spaces and punctuation included, ' +
  'with about sixty-six as the ideal for a single column of body text.';

/**
 * Average character advance of running text in em, used until a measurement exists
 * (tests in Node, a first render outside the document). Serif and sans text fonts set
 * English at 0.47–0.54 em a character.
 */
export const FALLBACK_CHARACTER_EM = 0.5;

/**
 * The CSS `max-width` for lines of `characters` characters.
 * @param sampleWidthPx - how wide the reader's body font sets {@link MEASURE_SAMPLE}, in px;
 *   null or not positive when it could not be measured (then an em estimate is used)
 * @return a length such as `"734px"` or `"34em"`
 */
export function lineMeasureCss(characters: number, sampleWidthPx: number | null): string {
  if (sampleWidthPx === null || !Number.isFinite(sampleWidthPx) || sampleWidthPx <= 0) {
    return `${Math.round(characters * FALLBACK_CHARACTER_EM * 100) / 100}em`;
  }
  return `${Math.round((characters * sampleWidthPx) / MEASURE_SAMPLE.length)}px`;
}
