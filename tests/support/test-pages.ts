/**
 * Test fixtures: small pages built around a few paragraphs of real-looking
 * prose, so Readability finds the article and each test only adds the markup
 * it is about. Used by the extraction tests; Node only (jsdom).
 */
import type { ExtractedArticle } from '@/utils/extraction/article';
import { extractArticle } from '@/utils/extraction/extract-article';
import { parseHtml } from '@/utils/extraction/node-dom';

export const TEST_URL = 'https://example.com/blog/2024/lighthouse-keepers.html';

/** Four paragraphs of prose, each well over Readability's scoring thresholds. */
export const PROSE = [
  'The lighthouse on the northern cape was automated in 1987, but the keepers who worked there still meet every summer to walk the cliff path together, trading stories about storms, supply boats and the long winter nights spent polishing the great lens.',
  'Most of them arrived young, drawn by an advertisement in a regional newspaper that promised solitude, a modest salary and a house with a view of the sea. Few expected to stay for decades, and fewer still expected the work to become a way of life for their families.',
  'Maintenance was relentless. Salt air corroded every hinge within a season, and the clockwork that rotated the lens had to be wound by hand every few hours, whatever the weather. A missed winding meant a dark sector of sea, and the keepers took that responsibility personally.',
  'When the automation crews finally arrived, they replaced the clockwork with an electric motor and the oil lamp with a halogen bulb. The keepers stayed on for a few months to train the technicians, then packed their belongings and watched the light continue without them.',
];

/** `<p>` elements for PROSE, optionally only the first `count`. */
export function proseHtml(count = PROSE.length): string {
  return PROSE.slice(0, count)
    .map((p) => `<p>${p}</p>`)
    .join('\n');
}

/**
 * A page with site chrome around an `<article>`.
 * @param article - the article's inner HTML (defaults to PROSE).
 * @param head - extra `<head>` markup (metadata tests).
 */
export function page({
  article = proseHtml(),
  head = '',
  title = 'The last lighthouse keepers',
}: {
  article?: string;
  head?: string;
  title?: string;
} = {}): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title} | Coastal Notes</title>${head}</head>
<body>
  <header class="site-header"><nav><a href="/">Home</a> <a href="/archive">Archive</a> <a href="/about">About</a></nav></header>
  <main><article><h1>${title}</h1>
${article}
  </article></main>
  <footer class="site-footer"><p>Coastal Notes is an independent magazine. <a href="/privacy">Privacy</a></p></footer>
</body></html>`;
}

/** Runs the real extraction on `html` in a fresh jsdom document. */
export function extract(html: string, url = TEST_URL): ExtractedArticle | null {
  const dom = parseHtml(html, url);
  try {
    return extractArticle(dom.document, { url, window: dom.window });
  } finally {
    dom.close();
  }
}

/** Parses sanitized output HTML so tests can query it. */
export function fragment(html: string): DocumentFragment {
  const dom = parseHtml('<template></template>', TEST_URL);
  const template = dom.document.querySelector('template')!;
  template.innerHTML = html;
  return template.content;
}
