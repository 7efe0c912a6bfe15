/**
 * Plain text of rendered HTML: like `innerText` (which Node DOMs lack and which
 * needs layout), blocks start on new lines, paragraphs are separated by a blank
 * line, table cells by tabs, and `<pre>` keeps its whitespace. `textContent`
 * would glue the last word of one paragraph to the first of the next.
 */
import { BLOCK_TAGS, isElement, isText } from './dom-helpers';

/** Blocks followed by a blank line rather than a single newline. */
const PARAGRAPH_TAGS = new Set([
  'P',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'BLOCKQUOTE',
  'PRE',
  'FIGURE',
  'TABLE',
  'UL',
  'OL',
  'DL',
  'HR',
]);
/**
 * Not part of the text: code, and ruby annotations (`<rt>` readings over the
 * base text, `<rp>` fallback parentheses), which a reader sees above the line,
 * not in it: "子ども" with its reading is still "子ども", not "子こども".
 */
const SKIPPED_TAGS = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'RT', 'RP']);

/**
 * Text of `root` with block elements separated by newlines.
 * @return trimmed text; at most one blank line between blocks outside `<pre>`.
 */
export function blockText(root: Node): string {
  // Appending to an array and trimming only its tail keeps this linear on long articles.
  const parts: string[] = [];
  const trimTail = (): void => {
    while (parts.length > 0) {
      const last = parts[parts.length - 1]!;
      const trimmed = last.replace(/[ \t]+$/, '');
      if (trimmed) {
        parts[parts.length - 1] = trimmed;
        return;
      }
      parts.pop();
    }
  };
  const trailingNewlines = (): number => {
    let count = 0;
    for (let i = parts.length - 1; i >= 0; i--) {
      const run = /\n*$/.exec(parts[i]!)![0].length;
      count += run;
      if (run < parts[i]!.length) break;
    }
    return count;
  };
  const endsInSpace = (): boolean => parts.length === 0 || /[\s]$/.test(parts[parts.length - 1]!);
  const pushBreak = (newlines: number): void => {
    trimTail();
    if (parts.length === 0) return;
    const have = trailingNewlines();
    if (have < newlines) parts.push('\n'.repeat(newlines - have));
  };
  const walk = (node: Node, inPre: boolean): void => {
    if (isText(node)) {
      if (inPre) parts.push(node.data);
      else {
        const collapsed = node.data.replace(/\s+/g, ' ');
        const text = endsInSpace() ? collapsed.replace(/^ /, '') : collapsed;
        if (text) parts.push(text);
      }
      return;
    }
    if (!isElement(node) || SKIPPED_TAGS.has(node.tagName)) return;
    const tag = node.tagName;
    if (tag === 'BR') {
      trimTail();
      parts.push('\n');
      return;
    }
    if ((tag === 'TD' || tag === 'TH') && node.previousElementSibling) {
      trimTail();
      parts.push('\t');
    }
    const block = BLOCK_TAGS.has(tag) && tag !== 'TD' && tag !== 'TH';
    const newlines = PARAGRAPH_TAGS.has(tag) ? 2 : 1;
    if (block) pushBreak(newlines);
    const pre = inPre || tag === 'PRE';
    for (let child = node.firstChild; child; child = child.nextSibling) walk(child, pre);
    if (block) pushBreak(newlines);
  };
  walk(root, false);
  return parts.join('').trim();
}
