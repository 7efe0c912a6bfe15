/**
 * Plain text made safe to drop into Markdown, for CommonMark and for what Obsidian
 * and Logseq add to it (`#tags`, `==highlights==`, `%%comments%%`, `$math$`, `[[links]]`).
 * A highlight or note is the user's plain text (see `HighlightRecord.note`), so
 * whatever would turn into formatting is escaped; ordinary prose (apostrophes,
 * quotes, commas, `snake_case`) is left readable.
 */

// Characters that can start formatting; which of them really would is decided by
// looking at their neighbours (a regular expression with lookbehinds at every
// position was the slowest part of exporting ten thousand highlights).
const CANDIDATE = /[\\`*[\]<$_#~=%&]/g;
const WORD_CHAR = /[\p{L}\p{N}]/u;
const SPACE = /\s/;
const CHARACTER_REFERENCE = /^&#?[A-Za-z0-9]{1,32};/;

function escapeInline(ch: string, i: number, text: string): string {
  switch (ch) {
    // `_` opens or closes emphasis unless it sits between letters or digits (`snake_case`).
    case '_':
      return WORD_CHAR.test(text[i - 1] ?? '') && WORD_CHAR.test(text[i + 1] ?? '') ? ch : '\\_';
    // `#` directly before a word: an Obsidian tag, or a heading at a line's start.
    case '#':
      return (i === 0 || SPACE.test(text[i - 1]!)) && i + 1 < text.length && !SPACE.test(text[i + 1]!) ? '\\#' : ch;
    // Doubled: strikethrough, Obsidian's highlight and comment.
    case '~':
    case '=':
    case '%':
      return text[i + 1] === ch ? `${ch}\\` : ch;
    // `&copy;`, `&#123;` would be decoded.
    case '&':
      return CHARACTER_REFERENCE.test(text.slice(i, i + 40)) ? '\\&' : ch;
    // Emphasis, code, links, raw HTML, math, and the escape character itself.
    default:
      return `\\${ch}`;
  }
}

// What makes a line a heading, quote, list item, thematic break or setext underline
// (a lone `=`; runs of `=` were already broken up as Obsidian highlights).
const BLOCK_START = /^( {0,3})([#>+-]|\d{1,9}(?=[.)])|=(?=\s*$))/;

/** One line (or more) of plain text as Markdown that renders as exactly that text. */
export function escapeMarkdown(text: string): string {
  const escaped = text.replace(CANDIDATE, escapeInline);
  if (!/[\r\n]/.test(escaped)) return escapeLineStart(escaped);
  return escaped.replace(/\r\n?/g, '\n').split('\n').map(escapeLineStart).join('\n');
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
