/**
 * Service-import benchmark (#15): a generated Pocket export zip of 10,000 articles
 * (`part_000000.csv`) with 20,000 highlights (`annotations/part_000000.json`), read,
 * previewed (`previewImportFile`: unzip, detect, parse, validate, plan) and applied
 * into an empty database (fake-indexeddb, so the times are Node's), then imported
 * again (nothing to write). Target: under 10 s, memory flat across runs.
 *
 * The CPU time of the process is printed beside the wall-clock time: on a loaded
 * machine the latter mostly measures the wait for a core.
 *
 * Heap: after a full GC before the first run and after each run (flat = nothing kept
 * between imports), and the peak sampled every 10 ms while an import runs.
 *
 * `npm run bench:import-services [runs]` prints it; `runImportServicesBench()` for `npm run bench`.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { zipSync } from 'fflate';
import Papa from 'papaparse';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { createMarginDb } from '../utils/db/margin-db.ts';
import { applyImport } from '../utils/import/apply-import.ts';
import { previewImportFile } from '../utils/import/preview-import-file.ts';
import { median } from './stats.ts';

export interface ImportServicesBenchResult {
  articles: number;
  highlights: number;
  zipBytes: number;
  runs: number;
  /** Median ms: bytes → preview (unzip, detect, parse, validate, plan). */
  previewMs: number;
  /** Median ms: applying the preview into an empty database. */
  applyMs: number;
  /** Median ms: preview + apply, the whole import. */
  totalMs: number;
  /** Median ms: the same file again (preview + apply, nothing written). */
  reimportMs: number;
  /** Median CPU ms of this process (user + system) for preview + apply: the time without the machine's other load. */
  totalCpuMs: number;
  heapMb: { before: number; afterEachRun: number[]; peakSampled: number };
}

const WORDS = 'the of street city people walk bike tram square park river bridge market night light rain'.split(' ');

/** A deterministic Pocket export: `articles` rows, `highlightsPerArticle` quotes on each. */
export function pocketExportZip(articles = 10_000, highlightsPerArticle = 2): Uint8Array {
  let seed = 7;
  const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
  const words = (n: number) => Array.from({ length: n }, () => WORDS[Math.floor(random() * WORDS.length)]).join(' ');
  const rows: string[][] = [];
  const pages: { url: string; title: string; highlights: { quote: string; created_at: number }[] }[] = [];
  for (let a = 0; a < articles; a++) {
    const url = `https://news.example.com/${a}/${words(3).replaceAll(' ', '-')}`;
    const title = `${words(6)}, ${a}`;
    const t = 1_600_000_000 + a * 60;
    rows.push([title, url, String(t), a % 3 === 0 ? `topic${a % 20}|city` : '', a % 4 === 0 ? 'archive' : 'unread']);
    pages.push({
      url,
      title,
      highlights: Array.from({ length: highlightsPerArticle }, (_, h) => ({
        quote: `${words(14)} ${a}.${h}`,
        created_at: t + h + 1,
      })),
    });
  }
  const csv = Papa.unparse({ fields: ['title', 'url', 'time_added', 'tags', 'status'], data: rows });
  const encode = (s: string) => new TextEncoder().encode(s);
  return zipSync({ 'part_000000.csv': encode(csv), 'annotations/part_000000.json': encode(JSON.stringify(pages)) });
}

function collector(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

const mb = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;

export async function runImportServicesBench(runs = 3): Promise<ImportServicesBenchResult> {
  const gc = collector();
  const zip = pocketExportZip();
  gc();
  const before = mb(process.memoryUsage().heapUsed);
  const previewTimes: number[] = [];
  const applyTimes: number[] = [];
  const totalTimes: number[] = [];
  const reimportTimes: number[] = [];
  const cpuTimes: number[] = [];
  const afterEachRun: number[] = [];
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 10);
  let articles = 0;
  let highlights = 0;
  try {
    for (let run = 0; run < runs; run++) {
      const db = createMarginDb(`bench-services-${run}`, { indexedDB: new IDBFactory(), IDBKeyRange });
      await db.open();
      const cpu0 = process.cpuUsage();
      const t0 = performance.now();
      const preview = await previewImportFile(db, zip);
      if (!preview.ok) throw new Error(`bench export refused: ${preview.message} ${preview.problems.join('; ')}`);
      const t1 = performance.now();
      await applyImport(db, preview.plan);
      const t2 = performance.now();
      const cpu = process.cpuUsage(cpu0);
      cpuTimes.push((cpu.user + cpu.system) / 1000);
      previewTimes.push(t1 - t0);
      applyTimes.push(t2 - t1);
      totalTimes.push(t2 - t0);
      articles = await db.articles.count();
      highlights = await db.highlights.count();

      const t3 = performance.now();
      const again = await previewImportFile(db, zip);
      if (!again.ok) throw new Error(again.message);
      await applyImport(db, again.plan);
      reimportTimes.push(performance.now() - t3);
      if (again.plan.totals.new + again.plan.totals.updated !== 0) throw new Error('re-import was not idempotent');
      db.close();
      gc();
      afterEachRun.push(mb(process.memoryUsage().heapUsed));
    }
  } finally {
    clearInterval(sampler);
  }
  return {
    articles,
    highlights,
    zipBytes: zip.length,
    runs,
    previewMs: median(previewTimes),
    applyMs: median(applyTimes),
    totalMs: median(totalTimes),
    reimportMs: median(reimportTimes),
    totalCpuMs: median(cpuTimes),
    heapMb: { before, afterEachRun, peakSampled: mb(peak) },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await runImportServicesBench(Number(process.argv[2] ?? 3));
  console.log(
    `Pocket export: ${r.articles.toLocaleString('en')} articles, ${r.highlights.toLocaleString('en')} highlights, zip ${r.zipBytes.toLocaleString('en')} bytes`,
  );
  console.log(
    `preview ${r.previewMs.toFixed(0)} ms + apply ${r.applyMs.toFixed(0)} ms = ${r.totalMs.toFixed(0)} ms (target < 10,000; CPU ${r.totalCpuMs.toFixed(0)} ms) | re-import ${r.reimportMs.toFixed(0)} ms — medians of ${r.runs}, fake-indexeddb`,
  );
  console.log(
    `heap MB: ${r.heapMb.before} before; after each run ${r.heapMb.afterEachRun.join(', ')}; peak sampled ${r.heapMb.peakSampled}`,
  );
}
