/**
 * Import benchmark: a backup of 10,000 highlights across 500 articles (100 with a
 * saved copy), validated, imported into an empty database (fake-indexeddb, so the
 * times are Node's, not a browser's) and imported again (nothing to write). Medians
 * of 5, plus the heap after each step to show memory stays bounded: reads and
 * writes go in chunks of 1,000 records and nothing is kept between imports.
 *
 * `node --import tsx bench/import.ts` prints it; `npm run bench` can call `runImportBench()`.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { BACKUP_FORMAT, BACKUP_VERSION, type BackupRecords, type MarginBackup } from '../utils/backup/backup-format.ts';
import { serializeBackup } from '../utils/backup/serialize-backup.ts';
import { createMarginDb, type MarginDb } from '../utils/db/margin-db.ts';
import { newRecordId } from '../utils/db/record-id.ts';
import type { HighlightColour } from '../utils/db/schema.ts';
import { applyImport } from '../utils/import/apply-import.ts';
import { planImport } from '../utils/import/plan-import.ts';
import { countWrites } from '../tests/support/test-records.ts';
import { validateBackup } from '../utils/import/validate-backup.ts';
import { median } from './stats.ts';
import { readingDefaults } from '../utils/db/reading-fields.ts';

export interface ImportBenchResult {
  articles: number;
  highlights: number;
  savedCopies: number;
  fileBytes: number;
  runs: number;
  /** Median ms: text → validated backup. */
  validateMs: number;
  /** Median ms: preview (plan) and apply into an empty database. */
  importMs: number;
  /** Median ms: the same import again: plan and apply, nothing written. */
  reimportMs: number;
  /** Records written by the second import (0 when idempotent). */
  reimportWrites: number;
  /** Heap used (MB, after a full GC) before the first run and after each import run. */
  heapMb: { before: number; afterEachImport: number[]; afterEachReimport: number[] };
}

const WORDS =
  'the of closure scope borrow lifetime ownership thread memory safe async future trait generic macro value'.split(' ');
const COLOURS: HighlightColour[] = ['yellow', 'green', 'blue', 'pink', 'purple'];

/** A deterministic library: `highlightsPerArticle` on each article, a saved copy on every `copyEvery`th. */
export function benchBackup(articles = 500, highlightsPerArticle = 20, copyEvery = 5): MarginBackup {
  let seed = 1;
  const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
  const words = (n: number) => Array.from({ length: n }, () => WORDS[Math.floor(random() * WORDS.length)]).join(' ');
  const t0 = Date.UTC(2024, 0, 1);
  const records: BackupRecords = { articles: [], articleBodies: [], highlights: [], pageNotes: [], tags: [] };
  const sync = (t: number) => ({ id: newRecordId(t), createdAt: t, updatedAt: t, deletedAt: null, deviceId: 'bench' });

  for (let a = 0; a < articles; a++) {
    const t = t0 + a * 60_000;
    const url = `https://blog.example.com/${a}/${words(3).replaceAll(' ', '-')}`;
    const article = {
      ...sync(t),
      url,
      urls: [url],
      pageUrl: url,
      canonicalUrl: null,
      title: words(6),
      author: 'A. Writer',
      site: 'Example',
      published: null,
      lang: 'en',
      savedAt: null as number | null,
      ...readingDefaults(),
    };
    records.articles.push(article);
    if (a % copyEvery === 0) {
      const text = words(3000); // ~20 KB, a long-read
      records.articleBodies.push({
        ...sync(t),
        id: article.id,
        html: `<article><p>${text.replaceAll('. ', '.</p><p>')}</p></article>`,
        text,
      });
      article.savedAt = t;
    }
    for (let h = 0; h < highlightsPerArticle; h++) {
      const quote = words(12);
      const position = h * 500;
      records.highlights.push({
        ...sync(t + h + 1),
        articleId: article.id,
        selectors: [
          { type: 'TextQuoteSelector', exact: quote, prefix: words(5), suffix: words(5) },
          { type: 'TextPositionSelector', start: position, end: position + quote.length },
        ],
        quote,
        colour: COLOURS[h % COLOURS.length]!,
        note: h % 3 === 0 ? words(20) : '',
        tags: h % 4 === 0 ? [`topic ${h % 10}`] : [],
        position,
        anchor: 'anchored',
        deletedAt: h === 19 ? t + 100 : null, // some deletions travel too
      });
    }
    if (a % 4 === 0) records.pageNotes.push({ ...sync(t + 50), articleId: article.id, text: words(40) });
  }
  for (let n = 0; n < 10; n++) records.tags.push({ ...sync(t0), name: `topic ${n}`, colour: null });
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: t0 + 1e9,
    device: 'bench',
    records,
    settings: {},
  };
}

/** A full collection, so heap figures are what is still reachable. */
function collector(): () => void {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  return gc;
}

function heapMb(gc: () => void): number {
  gc();
  return Math.round((process.memoryUsage().heapUsed / 2 ** 20) * 10) / 10;
}

function freshDb(name: string): { db: MarginDb; writes: () => number } {
  const db = createMarginDb(name, { indexedDB: new IDBFactory(), IDBKeyRange });
  return { db, writes: countWrites(db) };
}

async function timed<T>(work: () => Promise<T> | T): Promise<[T, number]> {
  const start = performance.now();
  const result = await work();
  return [result, performance.now() - start];
}

export async function runImportBench(runs = 5): Promise<ImportBenchResult> {
  const gc = collector();
  const backup = benchBackup();
  const text = serializeBackup(backup);
  const before = heapMb(gc);
  const validateTimes: number[] = [];
  const importTimes: number[] = [];
  const reimportTimes: number[] = [];
  const afterEachImport: number[] = [];
  const afterEachReimport: number[] = [];
  let reimportWrites = 0;

  for (let run = 0; run < runs; run++) {
    const [result, validateMs] = await timed(() => validateBackup(text));
    if (!result.ok) throw new Error(`bench backup refused: ${result.message} ${result.problems.join('; ')}`);
    validateTimes.push(validateMs);

    const { db, writes } = freshDb(`bench-${run}`);
    await db.open();
    const [, importMs] = await timed(async () => applyImport(db, await planImport(db, result.backup.records)));
    importTimes.push(importMs);
    afterEachImport.push(heapMb(gc));

    const written = writes();
    const [again, reimportMs] = await timed(async () => applyImport(db, await planImport(db, result.backup.records)));
    reimportTimes.push(reimportMs);
    reimportWrites = Math.max(reimportWrites, writes() - written);
    if (again.totals.new + again.totals.updated + again.totals.deleted !== 0)
      throw new Error('re-import was not idempotent');
    afterEachReimport.push(heapMb(gc));
    db.close();
  }

  return {
    articles: backup.records.articles.length,
    highlights: backup.records.highlights.length,
    savedCopies: backup.records.articleBodies.length,
    fileBytes: Buffer.byteLength(text),
    runs,
    validateMs: median(validateTimes),
    importMs: median(importTimes),
    reimportMs: median(reimportTimes),
    reimportWrites,
    heapMb: { before, afterEachImport, afterEachReimport },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await runImportBench(Number(process.argv[2] ?? 5));
  console.log(
    `backup: ${r.articles} articles, ${r.highlights.toLocaleString('en')} highlights, ${r.savedCopies} saved copies, ${r.fileBytes.toLocaleString('en')} bytes`,
  );
  console.log(
    `validate ${r.validateMs.toFixed(0)} ms | import into empty db ${r.importMs.toFixed(0)} ms | re-import ${r.reimportMs.toFixed(0)} ms (${r.reimportWrites} records written) — medians of ${r.runs}, fake-indexeddb`,
  );
  console.log(
    `heap MB: ${r.heapMb.before} before; after each import ${r.heapMb.afterEachImport.join(', ')}; after each re-import ${r.heapMb.afterEachReimport.join(', ')}`,
  );
}
