/**
 * Reading what the reading list shows and stores, for the end-to-end tests: the
 * library's rows as a user sees them, an article's stored reading fields (read from the
 * extension's IndexedDB in one of its own pages, as the library reads them), and which
 * passage is at the top of a view.
 */
import type { Page } from 'playwright-core';
import type { ChromiumSession } from '../../scripts/lib/chromium';
import { inShadow } from './highlight-driver';

export interface ReadingRow {
  title: string;
  status: string;
  favourite: boolean;
}

/** The library's reading-list rows, in the order shown. */
export async function readingRows(page: Page): Promise<ReadingRow[]> {
  return page.locator('[data-reading-row]').evaluateAll((rows) =>
    rows.map((row) => ({
      title: row.querySelector('[data-open-article]')?.textContent ?? '',
      status: row.getAttribute('data-reading-status') ?? '',
      favourite: row.querySelector('[data-action="favourite"]')?.getAttribute('aria-pressed') === 'true',
    })),
  );
}

/** An article's reading fields as stored. */
export interface StoredReading {
  id: string;
  readingStatus: string | null;
  progress: number;
  resumeQuote: string | null;
  favourite: boolean;
}

/**
 * The live article last read at `pageUrl`, from the extension's database (`margin`),
 * read in its options page; null when there is none.
 */
export async function storedArticle(session: ChromiumSession, pageUrl: string): Promise<StoredReading | null> {
  return session.controlPage.evaluate(async (pageUrl) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('margin');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    try {
      const all = await new Promise<Array<Record<string, unknown>>>((resolve, reject) => {
        const get = db.transaction('articles').objectStore('articles').getAll();
        get.onsuccess = () => resolve(get.result);
        get.onerror = () => reject(get.error);
      });
      const a = all.find((x) => x.pageUrl === pageUrl && x.deletedAt === null);
      if (!a) return null;
      return {
        id: a.id as string,
        readingStatus: (a.readingStatus as string | null) ?? null,
        progress: a.progress as number,
        resumeQuote: (a.resumeQuote as string | null) ?? null,
        favourite: Boolean(a.favourite),
      };
    } finally {
      db.close();
    }
  }, pageUrl);
}

/** The reader view's scroll and the text of the first line below its toolbar. */
export async function topOfReader(page: Page): Promise<{ scrollTop: number; text: string }> {
  const found = await inShadow(page, 'margin-reader', '.mr-root', function () {
    const top = this.querySelector('.mr-toolbar')!.getBoundingClientRect().bottom;
    const body = this.querySelector('[data-field="body"]')!;
    const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const range = document.createRange();
      range.selectNodeContents(n);
      for (const rect of range.getClientRects()) {
        if (rect.bottom > top + 1) {
          // The line's text: from the first character whose box is below the top.
          const data = (n as Text).data;
          for (let i = 0; i < data.length; i++) {
            range.setStart(n, i);
            range.setEnd(n, i + 1);
            const box = range.getBoundingClientRect();
            if (box.height && box.bottom > top + 1) {
              // The text from there on, across inline elements, as the reader reads it.
              let text = data.slice(i);
              for (let next = walker.nextNode(); next && text.length < 120; next = walker.nextNode())
                text += (next as Text).data;
              return { scrollTop: this.scrollTop, text: text.replace(/\s+/g, ' ').trimStart() };
            }
          }
        }
      }
    }
    return { scrollTop: this.scrollTop, text: '' };
  });
  if (!found) throw new Error('the reader view is not open');
  return found;
}

/**
 * How far below the top of what is seen the first characters of `quote` are, in pixels,
 * on a page Playwright can read (a web page, the offline copy's extension page).
 * @param under - a sticky bar whose bottom is the top of what is seen
 * @return Infinity when the quote's start is not in the document
 */
export async function topOfView(page: Page, quote: string, under?: string): Promise<number> {
  return page.evaluate(
    ({ quote, under }) => {
      const top = under ? (document.querySelector(under)?.getBoundingClientRect().bottom ?? 0) : 0;
      // The page's text nodes joined, the quote's spaces matching any (or no) whitespace:
      // the quote was taken from normalized text, where a block's edge is a space.
      const nodes: Text[] = [];
      const starts: number[] = [];
      let joined = '';
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        nodes.push(n as Text);
        starts.push(joined.length);
        joined += (n as Text).data;
      }
      const words = quote.slice(0, 40).trim().split(/\s+/).slice(0, -1);
      const pattern = words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s*');
      const at = joined.search(new RegExp(pattern));
      if (at < 0) return Number.POSITIVE_INFINITY;
      let i = starts.length - 1;
      while (starts[i]! > at) i--;
      const range = document.createRange();
      range.setStart(nodes[i]!, at - starts[i]!);
      range.setEnd(nodes[i]!, at - starts[i]! + 1);
      return Math.abs(range.getBoundingClientRect().top - top);
    },
    { quote, under },
  );
}
