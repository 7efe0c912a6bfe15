/**
 * Real-page regression: every page of Readability's own test corpus extracts
 * without throwing, and what comes out is sanitized. Needs `../shared`; the
 * suite is skipped, with the reason in its name, when it is not there.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../utils/extraction/index';
import { parseHtml } from '../../utils/extraction/node-dom';
import { findUnsafeMarkup } from '../../utils/sanitize/find-unsafe-markup';

const CORPUS = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../shared/corpus/readability');
const pages = existsSync(CORPUS)
  ? readdirSync(CORPUS)
      .filter((name) => existsSync(join(CORPUS, name, 'source.html')))
      .sort()
  : [];
/** The URL Readability's own tests parse these pages at. */
const PAGE_URL = 'http://fakehost/test/page.html';

describe.skipIf(pages.length === 0)(
  `Readability test corpus (${pages.length > 0 ? `${pages.length} pages` : `skipped: ${CORPUS} missing`})`,
  () => {
    it.each(pages)('%s', (name) => {
      const dom = parseHtml(readFileSync(join(CORPUS, name, 'source.html'), 'utf8'), PAGE_URL);
      try {
        const article = extractArticle(dom.document, { url: PAGE_URL, window: dom.window });
        if (article === null) {
          // Only the corpus's non-article fixtures may come back empty.
          const expected = JSON.parse(readFileSync(join(CORPUS, name, 'expected-metadata.json'), 'utf8')) as {
            readerable?: boolean;
          };
          expect(expected.readerable).toBe(false);
          return;
        }
        expect(findUnsafeMarkup(article.html, dom.document)).toEqual([]);
        expect(article.text.length).toBeGreaterThan(0);
        expect(article.readingMinutes).toBeGreaterThanOrEqual(1);
      } finally {
        dom.close();
      }
    });
  },
);
