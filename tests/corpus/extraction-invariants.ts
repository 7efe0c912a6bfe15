/**
 * Invariants over every shared corpus (Readability's test pages, the
 * article-extraction-benchmark, trafilatura's evaluation set): wherever bare
 * Readability.js finds more than 500 characters, Margin shows an article, and
 * never less than half of Readability's text. A clean-up rule that cuts an
 * article on some page shows up by name, with both lengths.
 *
 * Each page is parsed once, closed after use, and the event loop turns before
 * the next (`nextTask` in extract-corpora.ts: jsdom's WeakRefs otherwise keep
 * every page alive until the test ends). The 487 trafilatura pages are split
 * over several test files, which vitest runs in parallel processes. Needs `../shared`; a missing corpus is skipped with the reason in
 * the test's name.
 */
import { describe, expect, it } from 'vitest';
import {
  type CorpusName,
  type PageCheck,
  SHARED_DIR,
  checkPage,
  corpusIds,
  corpusPages,
  cutShort,
  nextTask,
  noArticle,
} from '../../bench/extract-corpora';

/** Generous: measured 0.35 s a page (88 pages in 31 s) to 1.2 s a page (161 in 195 s) on a shared, loaded 2-core machine. */
const TIMEOUT_PER_PAGE_MS = 3_000;

const describePage = (c: PageCheck): string =>
  `${c.corpus}/${c.id}: Margin ${c.marginChars ?? 'no article'} of Readability's ${c.readabilityChars} characters (${c.url})`;

/**
 * Defines the invariant test for one corpus, or for slice `part` of `parts` of it.
 * @param title - how the corpus is named in the test output
 */
export function invariantTests(corpus: CorpusName, title: string, part = 0, parts = 1): void {
  const all = corpusIds(corpus);
  const size = Math.ceil(all.length / parts);
  const ids = new Set(all.slice(part * size, (part + 1) * size));
  const name = parts > 1 ? `${title}, part ${part + 1} of ${parts}` : title;
  describe('Margin never loses what Readability finds', () => {
    it.skipIf(ids.size === 0)(
      `${name} (${ids.size > 0 ? `${ids.size} pages` : `skipped: no ${corpus} corpus under ${SHARED_DIR}`})`,
      async () => {
        const started = performance.now();
        const checks: PageCheck[] = [];
        const threw: string[] = [];
        for (const page of corpusPages(corpus, ids)) {
          try {
            checks.push(checkPage(page));
          } catch (error) {
            threw.push(`${corpus}/${page.id}: ${(error as Error).message}`);
          }
          page.dom.close();
          await nextTask();
        }
        console.log(`${name}: ${checks.length} pages in ${((performance.now() - started) / 1000).toFixed(1)} s`);
        expect(threw).toEqual([]);
        expect(noArticle(checks).map(describePage)).toEqual([]);
        expect(cutShort(checks).map(describePage)).toEqual([]);
      },
      Math.max(60_000, ids.size * TIMEOUT_PER_PAGE_MS),
    );
  });
}
