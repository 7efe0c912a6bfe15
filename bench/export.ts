/**
 * Export benchmark: a large library (10,000 highlights across 500 articles, in
 * memory) written to every export format, and the W3C file read back. Each format
 * is timed as the median of 5 runs after a warm-up run; sizes are UTF-8 bytes of
 * the output (the zip's own bytes for the zip). Target: Markdown < 300 ms.
 *
 * The library is generated from a fixed seed: article titles of 4–12 words,
 * bylines (people, pairs, organisations), quotes of 8–60 words with 32 characters
 * of context, notes on 60% of highlights (up to three lines), 0–3 tags from a
 * pool of 40, published dates and page notes on some articles.
 *
 * `node --import tsx bench/export.ts` prints the table.
 */
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import type { ArticleRecord, HighlightRecord, PageNoteRecord } from '../utils/db/schema';
import { HIGHLIGHT_COLOURS } from '../utils/db/schema';
import { bibtex } from '../utils/export/bibtex';
import { cslJson } from '../utils/export/csl-json';
import type { ExportData } from '../utils/export/export-data';
import { highlightsCsv } from '../utils/export/highlights-csv';
import { markdownFiles } from '../utils/export/markdown-export';
import { markdownZip } from '../utils/export/markdown-zip';
import { ris } from '../utils/export/ris';
import { w3cAnnotationsJson } from '../utils/export/w3c-annotations';
import { parseW3cAnnotations } from '../utils/import/w3c-annotations';
import { median } from './stats';
import { mulberry32 as random } from '../tests/support/prng.ts';
import { readingDefaults } from '../utils/db/reading-fields.ts';

export interface ExportBenchRow {
  format: string;
  /** Wall-clock time, median of the runs. */
  medianMs: number;
  /** CPU time of this process (user + system), median of the runs: steadier on a busy machine. */
  medianCpuMs: number;
  bytes: number;
}

export interface ExportBenchResult {
  articles: number;
  highlights: number;
  runs: number;
  rows: ExportBenchRow[];
}

const WORDS = (
  'the a of to and in that it is was for on with as by at from this be have not are or but had they which you one their all ' +
  'Kubernetes cluster community conversation hallway track conference talk speaker platform engineering GitOps service ' +
  'observability latency deployment reliability incident postmortem review design system interface reader article note ' +
  'learning practice team culture trust feedback meeting morning evening Paris Berlin London “quoted” it’s don’t ' +
  'performance memory index query cache network browser extension highlight margin annotation selector fragment'
).split(' ');
const PEOPLE = [
  'Steve Wade',
  'Ada Lovelace',
  'Grace Hopper',
  'Jane Doe and John Smith',
  'Ludwig van Beethoven',
  'María José García',
  'Medium Staff',
  'The Kubernetes Team',
  null,
];
const SITES = ['Medium', 'The Guardian', 'Ars Technica', 'dev.to', null];
const HOSTS = ['medium.com', 'www.theguardian.com', 'arstechnica.com', 'dev.to', 'blog.example.org'];
const TAGS = Array.from({ length: 40 }, (_, i) => (i % 4 === 0 ? `topic ${i}` : `tag-${i}`));

/** The benchmark's library, the same for a given seed. */
export function generateLibrary(articles = 500, highlightsPerArticle = 20, seed = 42): ExportData {
  const rnd = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const words = (min: number, max: number) =>
    Array.from({ length: min + Math.floor(rnd() * (max - min + 1)) }, () => pick(WORDS)).join(' ');
  const t0 = Date.UTC(2023, 0, 1);
  let n = 0;
  const id = () => `018e0000-0000-7000-8000-${String(++n).padStart(12, '0')}`;
  return {
    exportedAt: Date.UTC(2024, 4, 1),
    tags: [],
    articles: Array.from({ length: articles }, (_, a) => {
      const created = t0 + a * 3_600_000;
      const url = `https://${pick(HOSTS)}/posts/${a}-${words(2, 4)
        .replace(/[^a-z0-9]+/gi, '-')
        .toLowerCase()}`;
      const article: ArticleRecord = {
        id: id(),
        createdAt: created,
        updatedAt: created,
        deletedAt: null,
        url,
        ...readingDefaults(),
        urls: [url],
        pageUrl: `${url}?utm_source=newsletter`,
        canonicalUrl: url,
        title: words(4, 12).replace(/^./, (c) => c.toUpperCase()) + (rnd() < 0.3 ? `: ${words(2, 5)}` : ''),
        author: pick(PEOPLE),
        site: pick(SITES),
        host: new URL(url).hostname,
        published: rnd() < 0.8 ? new Date(created - 86_400_000 * Math.floor(rnd() * 30)).toISOString() : null,
        lang: 'en',
        savedAt: null,
        words: [],
      };
      let position = 0;
      const highlights: HighlightRecord[] = Array.from({ length: highlightsPerArticle }, () => {
        const quote = words(8, 60);
        position += 200 + Math.floor(rnd() * 800);
        const note =
          rnd() < 0.6 ? Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => words(5, 30)).join('\n') : '';
        return {
          id: id(),
          createdAt: created + position,
          updatedAt: created + position,
          deletedAt: null,
          articleId: article.id,
          selectors: [
            {
              type: 'TextQuoteSelector',
              exact: quote,
              prefix: words(6, 8).slice(-32),
              suffix: words(6, 8).slice(0, 32),
            },
            { type: 'TextPositionSelector', start: position, end: position + quote.length },
          ],
          quote,
          colour: pick(HIGHLIGHT_COLOURS),
          note,
          tags: [...new Set(Array.from({ length: Math.floor(rnd() * 4) }, () => pick(TAGS)))],
          position,
          anchor: 'anchored',
          words: [],
        };
      });
      const pageNote: PageNoteRecord | null =
        rnd() < 0.3
          ? {
              id: id(),
              createdAt: created,
              updatedAt: created,
              deletedAt: null,
              articleId: article.id,
              text: words(10, 40),
              words: [],
            }
          : null;
      return { article, body: null, highlights, pageNote };
    }),
  };
}

const utf8 = (text: string) => Buffer.byteLength(text, 'utf8');

function time(run: () => number, runs: number): Omit<ExportBenchRow, 'format'> {
  let bytes = run(); // warm-up: the first run compiles the code paths
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    bytes = run();
    wall.push(performance.now() - start);
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1000);
  }
  return { medianMs: median(wall), medianCpuMs: median(cpu), bytes };
}

/**
 * @param options.articles, options.highlightsPerArticle - the library's size (500 × 20 by default)
 */
export async function runExportBench(
  options: { articles?: number; highlightsPerArticle?: number; runs?: number } = {},
): Promise<ExportBenchResult> {
  const runs = options.runs ?? 5;
  const data = generateLibrary(options.articles ?? 500, options.highlightsPerArticle ?? 20);
  const w3c = w3cAnnotationsJson(data);
  const formats: [string, () => number][] = [
    ['Markdown (one file per article)', () => markdownFiles(data).reduce((sum, f) => sum + utf8(f.content), 0)],
    ['Markdown zip', () => markdownZip(data).byteLength],
    ['CSV', () => utf8(highlightsCsv(data))],
    ['W3C Web Annotation JSON-LD', () => utf8(w3cAnnotationsJson(data))],
    ['BibTeX', () => utf8(bibtex(data))],
    ['RIS', () => utf8(ris(data))],
    ['CSL-JSON', () => utf8(cslJson(data))],
    [
      'W3C import (read back)',
      () => {
        const result = parseW3cAnnotations(w3c, { now: data.exportedAt });
        if (!result.ok) throw new Error(result.errors.join('\n'));
        return utf8(w3c);
      },
    ],
  ];
  const rows = formats.map(([format, run]) => ({ format, ...time(run, runs) }));
  return {
    articles: data.articles.length,
    highlights: data.articles.reduce((sum, a) => sum + a.highlights.length, 0),
    runs,
    rows,
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = await runExportBench();
  console.log(
    `${result.highlights.toLocaleString('en')} highlights across ${result.articles} articles, median of ${result.runs}`,
  );
  for (const r of result.rows) {
    console.log(
      `${r.format.padEnd(34)} ${r.medianMs.toFixed(1).padStart(8)} ms  (CPU ${r.medianCpuMs.toFixed(1).padStart(7)} ms) ${r.bytes.toLocaleString('en').padStart(14)} B`,
    );
  }
}
