/**
 * Plain text made safe to drop into Markdown, for CommonMark and for what Obsidian
 * and Logseq add to it (`#tags`, `==highlights==`, `%%comments%%`, `$math$`, `[[links]]`).
 * A highlight or note is the user's plain text (see `HighlightRecord.note`), so
 * whatever would turn into formatting is escaped; ordinary prose (apostrophes,
 * quotes, commas, `snake_case`) is left readable.
 */

// Inline characters that start emphasis, code, links, raw HTML or math.
const INLINE = /[\\`*[\]<$]/g;
// `_` only where it can open or close emphasis: not between two letters or digits.
const LONE_UNDERSCORE = /(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu;
// Obsidian's tags and headings: `#` directly before a word.
const HASH_WORD = /(^|\s)#(?=[^\s])/g;
// Doubled markers: strikethrough, Obsidian highlight and comment.
const DOUBLED = /(~|=|%)(?=\1)/g;
// `&copy;`, `&#123;`: character references would be decoded.
const ENTITY = /&(?=#?[A-Za-z0-9]+;)/g;
// What makes a line a heading, quote, list item, thematic break or setext underline
// (a lone `=`; runs of `=` were already broken up as Obsidian highlights).
const BLOCK_START = /^( {0,3})([#>+-]|\d{1,9}(?=[.)])|=(?=\s*$))/;

/** One line (or more) of plain text as Markdown that renders as exactly that text. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(INLINE, '\\$&')
    .replace(LONE_UNDERSCORE, '\\_')
    .replace(HASH_WORD, '$1\\#')
    .replace(DOUBLED, '$1\\')
    .replace(ENTITY, '\\&')
    .split('\n')
    .map(escapeLineStart)
    .join('\n');
}

function escapeLineStart(line: string): string {
  const m = BLOCK_START.exec(line);
  if (!m) return line;
  const [, indent = '', marker = ''] = m;
  // `1.` → `1\.`; `- ` → `\- `.
  if (/^\d/.test(marker)) return `${indent}${marker}\\${line.slice(indent.length + marker.length)}`;
  return `${indent}\\${line.slice(indent.length)}`;
}

/** Plain text as a Markdown block quote: every line, blank ones too, stays inside the quote. */
export function blockquote(text: string): string {
  return escapeMarkdown(text)
    .split('\n')
    .map((line) => (line === '' ? '>' : `> ${line}`))
    .join('\n');
}

/**
 * A URL as a Markdown link destination: parentheses and whitespace would end it
 * early, so they are percent-encoded (the same URL to any server and to a text
 * fragment, whose terms are percent-decoded).
 */
export function markdownUrl(url: string): string {
  return url.replace(/[()<>\s]/g, (ch) => (ch === '(' ? '%28' : ch === ')' ? '%29' : encodeURIComponent(ch)));
}
