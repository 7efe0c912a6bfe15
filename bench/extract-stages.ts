/**
 * `node --import tsx bench/extract-stages.ts [runs]`: CPU time of each step
 * of `extractArticle` over the benchmark pages, in the benchmark's units (a
 * minor GC before each page, fresh copies, collections during a step counted
 * in it), next to bare Readability's. The steps are called here in
 * extract-article.ts's order (its clean-up path only, no fallback); keep the
 * two in step. For deciding what to speed up: a CPU profile attributes
 * garbage collection to no function, and its overhead differs per function.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Readability } from '@mozilla/readability';
import type { WindowLike } from 'dompurify';
import { sanitizeArticleElement } from '../utils/sanitize/sanitize-html.ts';
import { isArticle, measureArticle } from '../utils/extraction/article-gate.ts';
import { removeAuthorAvatars } from '../utils/extraction/author-avatars.ts';
import { blockText } from '../utils/extraction/block-text.ts';
import { removeArticleChrome } from '../utils/extraction/chrome-removal.ts';
import { prepareCodeBlocks } from '../utils/extraction/code-blocks.ts';
import { decodeHtmlFile } from '../utils/extraction/decode-html.ts';
import { byTag, isElement, normalizedText } from '../utils/extraction/dom-helpers.ts';
import { EMBED_URL_PATTERN, embedsToLinks, prepareEmbeds } from '../utils/extraction/embeds.ts';
import { normalizeFigures, removeEmptyFigures } from '../utils/extraction/figures.ts';
import { tidyImageWrappers } from '../utils/extraction/image-wrappers.ts';
import { fixLazyImages } from '../utils/extraction/lazy-images.ts';
import { mergeMetadata, readArticleMetadata } from '../utils/extraction/metadata.ts';
import { parseHtml, releaseDocument } from '../utils/extraction/node-dom.ts';
import { revealNoscriptProse } from '../utils/extraction/noscript-prose.ts';
import { removeOrphanHeadings } from '../utils/extraction/orphan-headings.ts';
import { prunePage } from '../utils/extraction/prune-page.ts';
import { readingMinutes } from '../utils/extraction/reading-time.ts';
import { documentBaseUrl, resolveUrls } from '../utils/extraction/resolve-urls.ts';
import { BENCHMARK_DIR } from './extract-corpora.ts';

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as (options?: { type: 'minor' | 'major' }) => void;
const runs = Number(process.argv[2] ?? 3);
const truth = JSON.parse(readFileSync(join(BENCHMARK_DIR, 'ground-truth.json'), 'utf8')) as Record<
  string,
  { url?: string }
>;
const pages = Object.keys(truth).map((id) => {
  const url = truth[id]!.url ?? 'https://example.com/';
  return { url, dom: parseHtml(decodeHtmlFile(readFileSync(join(BENCHMARK_DIR, 'html', `${id}.html.gz`))).html, url) };
});
const totals = new Map<string, number>();
let clock = process.cpuUsage();
/** Charges the CPU time since the last call to `stage`. */
const lap = (stage: string): void => {
  const used = process.cpuUsage(clock);
  totals.set(stage, (totals.get(stage) ?? 0) + (used.user + used.system) / 1000);
  clock = process.cpuUsage();
};
for (let run = 0; run <= runs; run++) {
  if (run === 1) totals.clear();
  for (const { url, dom } of pages) {
    let doc = dom.document.cloneNode(true) as Document;
    collectGarbage({ type: 'minor' });
    clock = process.cpuUsage();
    new Readability(doc).parse();
    lap('bare Readability');
    releaseDocument(doc);
    doc = dom.document.cloneNode(true) as Document;
    collectGarbage({ type: 'minor' });
    clock = process.cpuUsage();
    const baseUrl = documentBaseUrl(doc, url);
    lap('documentBaseUrl');
    const page = readArticleMetadata(doc, baseUrl);
    const documentTitle = doc.title;
    lap('readArticleMetadata');
    revealNoscriptProse(doc);
    lap('revealNoscriptProse');
    prepareEmbeds(doc, baseUrl);
    lap('prepareEmbeds');
    prunePage(doc);
    lap('prunePage');
    prepareCodeBlocks(doc);
    lap('prepareCodeBlocks');
    fixLazyImages(doc);
    lap('fixLazyImages');
    const result = new Readability<Node>(doc, {
      keepClasses: true,
      serializer: (node) => node,
      allowedVideoRegex: EMBED_URL_PATTERN,
    }).parse();
    lap('Readability');
    const article = result?.content;
    if (result && isElement(article)) {
      for (const wrapper of byTag(article, 'div'))
        if (/^readability-page-\d+$/.test(wrapper.id)) wrapper.removeAttribute('id');
      const metadata = mergeMetadata(result, page, documentTitle);
      normalizedText(article);
      const markup = article.outerHTML;
      lap('merge, measure, outerHTML');
      removeArticleChrome(article, { byline: metadata.byline, title: metadata.title, pageUrl: url });
      lap('removeArticleChrome');
      removeAuthorAvatars(article, metadata.byline);
      removeOrphanHeadings(article);
      lap('avatars, orphan headings');
      tidyImageWrappers(article);
      embedsToLinks(article, baseUrl);
      normalizeFigures(article);
      removeEmptyFigures(article);
      resolveUrls(article, baseUrl, url);
      lap('figures, embeds, URLs');
      const { body } = sanitizeArticleElement(article, dom.window as unknown as WindowLike);
      lap('sanitize');
      const text = blockText(body);
      lap('blockText');
      isArticle(measureArticle(body));
      readingMinutes(text);
      lap('gate, reading time');
      void markup;
    }
    releaseDocument(doc);
  }
}
const bare = totals.get('bare Readability')!;
let margin = 0;
for (const [stage, ms] of totals) if (stage !== 'bare Readability') margin += ms;
console.log(
  `per run (${runs} runs): bare Readability ${(bare / runs).toFixed(0)} ms, Margin ${(margin / runs).toFixed(0)} ms (${(margin / bare).toFixed(3)})`,
);
for (const [stage, ms] of totals)
  if (stage !== 'bare Readability') console.log(`  ${(ms / runs).toFixed(0).padStart(6)} ms  ${stage}`);
