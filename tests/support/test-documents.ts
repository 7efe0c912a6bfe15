/**
 * Test support only (imported by `*.test.ts`, never by extension code): the
 * same HTML as a document of each DOM implementation the anchoring code must
 * run on in Node, and markup variants that keep the visible text the same.
 */
import { JSDOM, VirtualConsole } from 'jsdom';
import { Window } from 'happy-dom';

export type DomMaker = (html: string) => Document;

/** jsdom and happy-dom, each parsing a full HTML document (scripts never run). */
export const DOMS: [name: string, make: DomMaker][] = [
  ['jsdom', (html) => new JSDOM(html, { virtualConsole: new VirtualConsole() }).window.document],
  [
    'happy-dom',
    (html) => {
      const window = new Window({
        settings: {
          disableJavaScriptEvaluation: true,
          disableJavaScriptFileLoading: true,
          disableCSSFileLoading: true,
        },
      });
      window.document.write(html);
      return window.document as unknown as Document;
    },
  ],
];

/**
 * The same text in different markup, as pages and reader views differ:
 * - `as written`;
 * - `split text nodes`: every text node cut into pieces of three characters;
 * - `re-indented`: newlines and indentation around and inside blocks;
 * - `inline markup`: every other word wrapped in `<span>`, `<b>` or `<a>`.
 */
export const MARKUP_VARIANTS: [name: string, apply: (root: Element) => void][] = [
  ['as written', () => {}],
  ['split text nodes', splitTextNodes],
  ['re-indented', reindent],
  ['inline markup', wrapWords],
];

function textNodes(root: Element): Text[] {
  const walker = root.ownerDocument.createTreeWalker(root, 4 /* SHOW_TEXT */);
  const out: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) out.push(n as Text);
  return out;
}

function splitTextNodes(root: Element): void {
  for (const node of textNodes(root)) {
    let rest = node;
    while (rest.length > 3) rest = rest.splitText(3);
  }
}

function reindent(root: Element): void {
  const doc = root.ownerDocument;
  for (const el of [...root.querySelectorAll('p, li, h1, h2, h3, blockquote, div, section, article')]) {
    el.parentNode!.insertBefore(doc.createTextNode('\n\t\t'), el);
    el.insertBefore(doc.createTextNode('\n      '), el.firstChild);
    el.appendChild(doc.createTextNode('\n    '));
  }
  for (const node of textNodes(root))
    node.data = node.data.replace(/ /g, (_, i: number) => (i % 2 ? '\n   ' : ' \u00a0'));
}

function wrapWords(root: Element): void {
  const doc = root.ownerDocument;
  const tags = ['span', 'b', 'a'];
  let k = 0;
  for (const node of textNodes(root)) {
    if (node.parentElement?.closest('script, style, noscript, template')) continue;
    const parts = node.data.split(/(\s+)/);
    if (parts.length < 3) continue;
    const frag = doc.createDocumentFragment();
    parts.forEach((part, i) => {
      if (i % 4 === 2 && part) {
        const el = doc.createElement(tags[k++ % tags.length]!);
        el.textContent = part;
        frag.appendChild(el);
      } else if (part) frag.appendChild(doc.createTextNode(part));
    });
    node.replaceWith(frag);
  }
}

/**
 * The Range covering the `occurrence`-th (0-based) appearance of `quote` in
 * the element's visible text, found by walking text nodes (independently of
 * the code under test); whitespace in `quote` matches any whitespace run or
 * block boundary.
 */
export function rangeOfText(root: Element, quote: string, occurrence = 0): Range {
  const nodes = textNodes(root).filter((n) => !n.parentElement?.closest('script, style, noscript, template'));
  let flat = '';
  const owner: [Text, number][] = [];
  for (const n of nodes) {
    for (let i = 0; i < n.length; i++) {
      flat += n.data[i];
      owner.push([n, i]);
    }
    flat += '\u0000'; // node boundary: may stand for whitespace, never for a letter
    owner.push([n, n.length]);
  }
  const pattern = new RegExp(
    quote
      .split(/\s+/)
      .map((w) => [...w].map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\u0000*'))
      .join('[\\s\\u0000\\u00a0]+'),
    'g',
  );
  const matches = [...flat.matchAll(pattern)];
  const m = matches[occurrence];
  if (!m) throw new Error(`"${quote}" occurs ${matches.length} times, not ${occurrence + 1}`);
  const range = root.ownerDocument.createRange();
  const [startNode, startOffset] = owner[m.index!]!;
  const [endNode, endOffset] = owner[m.index! + m[0].length - 1]!;
  range.setStart(startNode, startOffset);
  range.setEnd(endNode, endOffset + 1);
  return range;
}

/** Visible text of a range with whitespace collapsed: what the user sees highlighted. */
export function visibleText(range: Range | null | undefined): string | null {
  return range ? range.toString().replace(/\s+/g, ' ').trim() : null;
}
