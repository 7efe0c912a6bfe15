/**
 * Invariants over every shared corpus (Readability's test pages, the
 * article-extraction-benchmark, trafilatura's evaluation set): wherever bare
 * Readability.js finds more than 500 characters, Margin shows an article, and
 * never less than half of Readability's text. A clean-up rule that cuts an
 * article on some page shows up here by name, with both lengths.
 *
 * Each page is parsed once and dropped after use (hundreds of parsed pages
 * held at once take gigabytes). Needs `../shared`; each corpus is skipped,
 * with the reason in its name, when it is missing.
 */
import { describe, expect, it } from 'vitest';
import {
  type CorpusName, type PageCheck, SHARED_DIR, checkPage, corpusIds, corpusPages, cutShort, noArticle,
} from '../../bench/extract-corpora';

/** Generous: about 1 s a page on a loaded 2-core machine; typically a tenth of that. */
const TIMEOUT_PER_PAGE_MS = 1_000;

const CORPORA: { name: CorpusName; title: string }[] = [
  { name: 'readability', title: "Readability's test pages" },
  { name: 'benchmark', title: 'article-extraction-benchmark' },
  { name: 'trafilatura', title: 'trafilatura evaluation set' },
];

const describePage = (c: PageCheck): string =>
  `${c.corpus}/${c.id}: Margin ${c.marginChars ?? 'no article'} of Readability's ${c.readabilityChars} characters (${c.url})`;

describe('Margin never loses what Readability finds', () => {
  for (const { name, title } of CORPORA) {
    const pages = corpusIds(name).length;
    it.skipIf(pages === 0)(`${title} (${pages > 0 ? `${pages} pages` : `skipped: no ${name} corpus under ${SHARED_DIR}`})`, () => {
      const started = performance.now();
      const checks: PageCheck[] = [];
      const threw: string[] = [];
      for (const page of corpusPages(name)) {
        try {
          checks.push(checkPage(page));
        } catch (error) {
          threw.push(`${name}/${page.id}: ${(error as Error).message}`);
        }
      }
      console.log(`${title}: ${checks.length} pages in ${((performance.now() - started) / 1000).toFixed(1)} s`);
      expect(threw).toEqual([]);
      expect(noArticle(checks).map(describePage)).toEqual([]);
      expect(cutShort(checks).map(describePage)).toEqual([]);
    }, Math.max(60_000, pages * TIMEOUT_PER_PAGE_MS));
  }
});
