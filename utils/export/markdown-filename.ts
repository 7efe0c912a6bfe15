/**
 * File names for exported notes, from article titles: valid on Windows, macOS and
 * Linux and inside a zip, usable as an Obsidian note name (which `[[links]]` can
 * reach), and unique within one export even where the file system ignores case
 * or Unicode normalization.
 */

/** Characters kept out of names: path separators, Windows' reserved ones, and Obsidian's link syntax. */
const FORBIDDEN = /[\\/:*?"<>|#^[\]]/g;
// Device names Windows refuses as a file name, whatever the extension.
const WINDOWS_RESERVED = /^(?:con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;
/** Long enough for any real title; far from the 255-byte limit of file systems, even in UTF-8 CJK. */
const MAX_LENGTH = 80;

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * A file name (with `.md`) for a title. `KubeCon EU 2024: Day Two` becomes
 * `KubeCon EU 2024 - Day Two.md`.
 */
export function markdownFilename(title: string): string {
  let base = title
    .normalize('NFC')
    // Controls, invisible marks and bidi overrides (which can disguise `.exe`); joiners stay, emoji need them.
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this removes
    .replace(/[\u0000-\u001f\u007f-\u009f\u200b\u200e\u200f\u2028-\u202e\u2066-\u2069\ufeff]/g, ' ')
    .replace(/\s*:\s*/g, ' - ')
    .replace(FORBIDDEN, (ch) => (ch === '/' || ch === '\\' || ch === '|' ? '-' : ch === '"' ? "'" : ''))
    .replace(/\s+/g, ' ')
    .trim();
  base = truncate(base, MAX_LENGTH)
    .replace(/^[.\s-]+/, '') // no hidden files, no option-looking names
    .replace(/[.\s]+$/, ''); // Windows drops trailing dots and spaces
  if (base === '') base = 'Untitled';
  // `CON.txt` is the console too: Windows looks at the name before the first dot.
  if (WINDOWS_RESERVED.test(base.split('.')[0]!.trim())) base = base.replace(/^[^.]*/, (stem) => `${stem.trimEnd()}_`);
  return `${base}.md`;
}

/** Cuts at a grapheme boundary, on a word boundary when one is near. */
function truncate(text: string, max: number): string {
  if (text.length <= max) return text; // never more graphemes than UTF-16 units: no need to segment
  const graphemes = Array.from(segmenter.segment(text), (s) => s.segment);
  if (graphemes.length <= max) return text;
  const cut = graphemes.slice(0, max).join('');
  const space = cut.lastIndexOf(' ');
  return space > max * 0.6 ? cut.slice(0, space) : cut;
}

/**
 * File names for many titles, in the same order: a repeated name gets ` (2)`,
 * ` (3)`, …; names equal but for case or Unicode normalization count as repeats.
 */
export function uniqueMarkdownFilenames(titles: readonly string[]): string[] {
  const taken = new Set<string>();
  const key = (name: string) => name.normalize('NFC').toLowerCase();
  return titles.map((title) => {
    const name = markdownFilename(title);
    const base = name.slice(0, -'.md'.length);
    let candidate = name;
    for (let n = 2; taken.has(key(candidate)); n++) candidate = `${base} (${n}).md`;
    taken.add(key(candidate));
    return candidate;
  });
}
