/**
 * The text normalization every selector is written and matched in: what a
 * reader sees, not how the markup happens to be indented. Pure string code;
 * `text-index.ts` applies the same rules to DOM text nodes.
 *
 * - Every run of whitespace (including no-break and other Unicode spaces)
 *   becomes one U+0020; leading and trailing whitespace is dropped.
 * - Soft hyphens, zero-width spaces and byte-order marks are dropped: they are
 *   invisible, and reader views and CMSes add or strip them freely.
 */

/** True for characters that render as (collapsible) whitespace. */
export function isSpaceCode(code: number): boolean {
  if (code <= 0x20) return true; // ASCII whitespace and stray control characters
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000
  );
}

/** True for invisible characters that normalization removes. */
export function isIgnorableCode(code: number): boolean {
  return code === 0xad || code === 0x200b || code === 0xfeff;
}

/**
 * Normalizes a string the way the document text is normalized, so that a
 * quote typed or stored elsewhere compares equal to the page's text.
 */
export function normalizeText(text: string): string {
  let out = '';
  let pendingSpace = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isSpaceCode(code)) {
      pendingSpace = out.length > 0;
    } else if (!isIgnorableCode(code)) {
      if (pendingSpace) out += ' ';
      pendingSpace = false;
      out += text[i];
    }
  }
  return out;
}
