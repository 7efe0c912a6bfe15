/** Probes shared by the reader typography tests in Chromium and Firefox. */

/**
 * Runs in the page on the reader's body: the number of characters on each full line of
 * its paragraphs (each paragraph's last, usually short, line left out), found by asking
 * the layout engine where every character is.
 */
export function charactersPerLine(this: Element): number[] {
  const full: number[] = [];
  const range = document.createRange();
  for (const p of this.querySelectorAll('p')) {
    const lines: number[] = [];
    let lastTop = Number.NEGATIVE_INFINITY;
    const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.nodeValue ?? '';
      for (let i = 0; i < text.length; i++) {
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const rect = range.getClientRects()[0];
        if (!rect || rect.width === 0) continue; // a space collapsed at a line break
        // Links and emphasis sit a pixel or two off the line's top: a new line starts lower down.
        if (rect.top > lastTop + rect.height / 2) {
          lines.push(0);
          lastTop = rect.top;
        }
        lines[lines.length - 1]! += 1;
      }
    }
    full.push(...lines.slice(0, -1));
  }
  return full;
}

/** The middle value: the typical line, unmoved by a short one before a link or a long one of short words. */
export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** A page in `lang` with a blockquote (`#probe-quote`), an `em` and an `i` (`#probe-em`, `#probe-i`) long enough to be an article. */
export const CJK_PAGE = (lang: string, quote: string, emphasis: string) => `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><title>${quote.slice(0, 8)}</title></head>
<body><article><h1>${quote.slice(0, 12)}</h1>
${`<p>${quote}${quote}${quote}</p>`.repeat(4)}
<blockquote><p id="probe-quote">${quote}</p></blockquote>
<p>${quote}<em id="probe-em">${emphasis}</em><i id="probe-i">${emphasis}</i>${quote}</p>
${`<p>${quote}${quote}</p>`.repeat(3)}
</article></body></html>`;

/** A quote and a word to emphasise in each CJK language. */
export const CJK_CASES: Array<[lang: string, quote: string, emphasis: string]> = [
  ['zh', '他说：“读书不是为了记住，而是为了理解。”这句话我一直记得。', '非常重要'],
  ['ja', '彼は「本を読むのは覚えるためではなく、理解するためだ」と言った。', 'とても大切'],
  ['ko', '그는 “책을 읽는 것은 기억하기 위해서가 아니라 이해하기 위해서”라고 말했다.', '매우 중요한'],
];
