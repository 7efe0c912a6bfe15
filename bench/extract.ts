/**
 * Extraction benchmark: Margin's `extractArticle` against bare Readability.js
 * and Defuddle on the article-extraction-benchmark pages (word 4-gram F1
 * against human ground truth), on Readability's own Medium test pages
 * (against their expected output), and on trafilatura's evaluation set
 * (snippet score, `extract-snippets.ts`), plus the time each takes relative
 * to Readability on the same parsed documents. `extract.bench.ts` is the CLI;
 * `run-all.ts` calls `runExtractionBench` directly.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Readability } from '@mozilla/readability';
import { blockText } from '../utils/extraction/block-text.ts';
import { decodeHtmlFile } from '../utils/extraction/decode-html.ts';
import { extractArticle } from '../utils/extraction/index.ts';
import { parseHtml, releaseDocument, type NodeDom } from '../utils/extraction/node-dom.ts';
import {
  BENCHMARK_DIR,
  MIN_SHARE_OF_READABILITY,
  READABILITY_DIR,
  READABILITY_PROSE_CHARS,
  READABILITY_TEST_URL,
  SHARED_DIR,
  htmlText,
  nextTask,
  runDefuddle,
  textChars,
} from './extract-corpora.ts';
import { type SnippetBenchResult, runSnippetBench } from './extract-snippets.ts';

export { SHARED_DIR };
const SCORER = join(SHARED_DIR, 'tools/extraction-score.mjs');
const MEDIUM_PAGES = ['medium-1', 'medium-2', 'medium-3', 'keep-images', 'lazy-image-1'];

type Truth = Record<string, { articleBody: string; url?: string }>;
type Predictions = Record<string, { articleBody: string }>;
interface ScoreResult {
  pages: number;
  f1: number;
  precision: number;
  recall: number;
  perPage: { id: string; precision: number; recall: number }[];
}
interface Scorer {
  score(truth: Truth, predictions: Predictions): ScoreResult;
  pageScore(truth: string, prediction: string): [number, number, number];
}

export interface Prf {
  f1: number;
  precision: number;
  recall: number;
}

export interface ExtractionBenchResult {
  pages: number;
  /** Margin's `text` against the ground truth. */
  ours: Prf;
  /** Bare Readability.js (`textContent` of `parse()`) against the ground truth. */
  bare: Prf;
  /** Defuddle (Obsidian Web Clipper's extractor) on the same documents, its HTML as block text. */
  defuddle: Prf;
  /** Pages where Margin's text is under half of bare Readability's (Readability > 500 characters). */
  cutShort: string[];
  /** Pages where Margin shows no article and bare Readability finds > 500 characters. */
  noArticle: string[];
  /** Pages where Margin returned null or threw. */
  failures: string[];
  /** Margin's ten lowest-F1 pages, for finding what to fix next. */
  worst: { id: string; url: string; f1: number; precision: number; recall: number; bareF1: number }[];
  /** Median over runs of (Margin's total CPU time ÷ Readability's total CPU time) in that run. */
  timeRatio: number;
  /** The same for Defuddle ÷ Readability. */
  defuddleTimeRatio: number;
  timing: {
    runs: number;
    /** Each run's ratio, in run order. */
    runRatios: number[];
    /** Median per-page CPU time, ms. */
    oursPageMedianMs: number;
    barePageMedianMs: number;
    defuddlePageMedianMs: number;
  };
  /** Readability's Medium test pages: F1 against their expected output. */
  medium: { page: string; ours: number; bare: number; oursPrf: Prf; barePrf: Prf }[];
  /** trafilatura's evaluation set (snippet score), null when it is missing or `snippets: false`. */
  snippets: SnippetBenchResult | null;
}

/**
 * A young-generation GC before each timed call, so neither side pays for the
 * other's garbage. `gc` is exposed at run time because the npm script runs
 * plain `node`.
 */
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as (options?: { type: 'minor' | 'major' }) => void;

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
const f1Of = (precision: number, recall: number): number =>
  precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
const prfFromCounts = ([tp, fp, fn]: [number, number, number]): Prf => {
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  return { f1: f1Of(precision, recall), precision, recall };
};

function runMargin(dom: NodeDom, doc: Document, url: string): string | null {
  return extractArticle(doc, { url, window: dom.window })?.text ?? null;
}
function runReadability(doc: Document): string {
  return new Readability(doc).parse()?.textContent ?? '';
}
const clone = (dom: NodeDom): Document => dom.document.cloneNode(true) as Document;
/** Runs `fn` on a fresh copy of the page, then releases the copy (jsdom keeps unreleased ones: node-dom.ts). */
function onCopy<T>(dom: NodeDom, fn: (doc: Document) => T): T {
  const doc = clone(dom);
  try {
    return fn(doc);
  } finally {
    releaseDocument(doc);
  }
}
function runDefuddleHtml(dom: NodeDom, doc: Document, url: string): string {
  return runDefuddle({ corpus: 'benchmark', id: '', url, dom }, doc);
}

/**
 * Runs the whole benchmark.
 * @param options.runs - timing runs (median reported), default 5.
 * @param options.snippets - also run the trafilatura set (487 pages, a few minutes), default true.
 * @param options.onlyRatio - time Margin against Readability only: no scoring, no Defuddle, no
 *   Medium or trafilatura pages (about a minute; quality fields are then zero and empty).
 * @param options.log - progress output, default none.
 * @return null when the corpus or scorer is missing (see SHARED_DIR).
 */
export async function runExtractionBench(
  options: { runs?: number; snippets?: boolean; onlyRatio?: boolean; log?: (line: string) => void } = {},
): Promise<ExtractionBenchResult | null> {
  const runs = options.runs ?? 5;
  const log = options.log ?? (() => {});
  if (!existsSync(BENCHMARK_DIR) || !existsSync(SCORER)) return null;
  const scorer = (await import(SCORER)) as Scorer;
  const truth = JSON.parse(readFileSync(join(BENCHMARK_DIR, 'ground-truth.json'), 'utf8')) as Truth;
  const ids = Object.keys(truth);

  const sources = ids.map((id) => {
    const url = truth[id]!.url ?? 'https://example.com/';
    const html = decodeHtmlFile(readFileSync(join(BENCHMARK_DIR, 'html', `${id}.html.gz`))).html;
    return { id, url, html };
  });
  // Pages are parsed afresh for each pass and released after it: jsdom keeps every copy an
  // extractor queried for as long as its window lives (node-dom.ts), and a pass's windows
  // die with its pages. Parsing is not timed.
  const parsePages = () => sources.map(({ id, url, html }) => ({ id, url, dom: parseHtml(html, url) }));
  const releasePages = (pages: { dom: NodeDom }[]) => {
    for (const { dom } of pages) dom.close();
    pages.length = 0;
  };

  // Quality: one pass each.
  const oursPredictions: Predictions = {};
  const barePredictions: Predictions = {};
  const defuddlePredictions: Predictions = {};
  const failures: string[] = [];
  const cutShort: string[] = [];
  const noArticle: string[] = [];
  for (const { id, url, html } of options.onlyRatio ? [] : sources) {
    const dom = parseHtml(html, url);
    let text: string | null = null;
    try {
      text = onCopy(dom, (doc) => runMargin(dom, doc, url));
    } catch (error) {
      log(`  ${id}: ${(error as Error).message}`);
    }
    if (text === null) failures.push(id);
    oursPredictions[id] = { articleBody: text ?? '' };
    const bareText = onCopy(dom, runReadability);
    barePredictions[id] = { articleBody: bareText };
    let defuddleText = '';
    try {
      defuddleText = htmlText(
        onCopy(dom, (doc) => runDefuddleHtml(dom, doc, url)),
        url,
      );
    } catch (error) {
      log(`  ${id}: Defuddle threw ${(error as Error).message}`);
    }
    defuddlePredictions[id] = { articleBody: defuddleText };
    const bareChars = textChars(bareText);
    if (bareChars > READABILITY_PROSE_CHARS && text === null) noArticle.push(id);
    if (bareChars > READABILITY_PROSE_CHARS && text !== null && textChars(text) < MIN_SHARE_OF_READABILITY * bareChars)
      cutShort.push(id);
    dom.close();
    await nextTask();
  }
  const unscored: ScoreResult = { pages: 0, f1: 0, precision: 0, recall: 0, perPage: [] };
  const ours = options.onlyRatio ? unscored : scorer.score(truth, oursPredictions);
  const bare = options.onlyRatio ? unscored : scorer.score(truth, barePredictions);
  const defuddle = options.onlyRatio ? unscored : scorer.score(truth, defuddlePredictions);
  const bareById = new Map(bare.perPage.map((p) => [p.id, p]));
  const worst = ours.perPage
    .map((p) => {
      const b = bareById.get(p.id)!;
      return {
        id: p.id,
        url: truth[p.id]!.url ?? '',
        f1: f1Of(p.precision, p.recall),
        precision: p.precision,
        recall: p.recall,
        bareF1: f1Of(b.precision, b.recall),
      };
    })
    .sort((a, b) => a.f1 - b.f1)
    .slice(0, 10);

  // Speed: same parsed documents, a fresh clone per call (not timed), order alternating per page.
  if (options.onlyRatio) {
    // The quality pass above is also the JIT's warm-up; without it, one untimed pass of each.
    const pages = parsePages();
    for (const { url, dom } of pages) {
      try {
        onCopy(dom, (doc) => runMargin(dom, doc, url));
      } catch {
        // reported by the full bench
      }
      onCopy(dom, runReadability);
      await nextTask();
    }
    releasePages(pages);
  }
  log(`timing ${runs} runs…`);
  const runRatios: number[] = [];
  const defuddleRatios: number[] = [];
  const oursPage = new Map<string, number[]>();
  const barePage = new Map<string, number[]>();
  const defuddlePage = new Map<string, number[]>();
  // CPU time, not wall time: the machine is shared (builds, browsers, other benchmarks),
  // and waiting for a core is not extraction cost.
  const time = (dom: NodeDom, fn: (doc: Document) => unknown): number => {
    const doc = clone(dom);
    collectGarbage({ type: 'minor' });
    const start = process.cpuUsage();
    try {
      fn(doc);
    } catch {
      // failures were reported above
    }
    const used = process.cpuUsage(start);
    releaseDocument(doc);
    return (used.user + used.system) / 1000;
  };
  for (let run = 0; run < runs; run++) {
    const pages = parsePages();
    let oursTotal = 0;
    let bareTotal = 0;
    let defuddleTotal = 0;
    for (const [i, { id, url, dom }] of pages.entries()) {
      const timeOurs = (): number => time(dom, (doc) => runMargin(dom, doc, url));
      const timeBare = (): number => time(dom, runReadability);
      let ours: number;
      let bare: number;
      if ((i + run) % 2 === 0) {
        ours = timeOurs();
        bare = timeBare();
      } else {
        bare = timeBare();
        ours = timeOurs();
      }
      // Defuddle last: it is a baseline, and the Margin/Readability pair keeps its alternation.
      const defuddleMs = options.onlyRatio ? 0 : time(dom, (doc) => runDefuddleHtml(dom, doc, url));
      oursTotal += ours;
      bareTotal += bare;
      defuddleTotal += defuddleMs;
      oursPage.set(id, [...(oursPage.get(id) ?? []), ours]);
      barePage.set(id, [...(barePage.get(id) ?? []), bare]);
      defuddlePage.set(id, [...(defuddlePage.get(id) ?? []), defuddleMs]);
      await nextTask();
    }
    releasePages(pages);
    runRatios.push(oursTotal / bareTotal);
    defuddleRatios.push(defuddleTotal / bareTotal);
    log(
      `  run ${run + 1}: Margin ${oursTotal.toFixed(0)} ms, Readability ${bareTotal.toFixed(0)} ms, Defuddle ${defuddleTotal.toFixed(0)} ms CPU, ratio ${(oursTotal / bareTotal).toFixed(3)}`,
    );
  }

  // Medium pages of Readability's test suite, scored against their expected output.
  const medium: ExtractionBenchResult['medium'] = [];
  for (const page of options.onlyRatio ? [] : MEDIUM_PAGES) {
    const dir = join(READABILITY_DIR, page);
    if (!existsSync(join(dir, 'source.html'))) continue;
    const source = readFileSync(join(dir, 'source.html'), 'utf8');
    // All three texts come from HTML through the same block-aware text function, so the scores
    // compare content: textContent glues "…media</p><p>A…" into one word, which would skew them.
    const expectedDom = parseHtml(readFileSync(join(dir, 'expected.html'), 'utf8'), READABILITY_TEST_URL);
    const expected = blockText(expectedDom.document.body);
    expectedDom.close();
    const dom = parseHtml(source, READABILITY_TEST_URL);
    const ourText = onCopy(dom, (doc) => runMargin(dom, doc, READABILITY_TEST_URL)) ?? '';
    const bareHtml = onCopy(dom, (doc) => new Readability(doc).parse()?.content ?? '');
    dom.close();
    const bareDom = parseHtml(`<body>${bareHtml}</body>`, READABILITY_TEST_URL);
    const bareText = blockText(bareDom.document.body);
    bareDom.close();
    const oursPrf = prfFromCounts(scorer.pageScore(expected, ourText));
    const barePrf = prfFromCounts(scorer.pageScore(expected, bareText));
    medium.push({ page, ours: oursPrf.f1, bare: barePrf.f1, oursPrf, barePrf });
  }

  const snippets = options.snippets === false || options.onlyRatio ? null : await runSnippetBench({ log });

  return {
    pages: ids.length,
    ours: { f1: ours.f1, precision: ours.precision, recall: ours.recall },
    bare: { f1: bare.f1, precision: bare.precision, recall: bare.recall },
    defuddle: { f1: defuddle.f1, precision: defuddle.precision, recall: defuddle.recall },
    cutShort,
    noArticle,
    failures,
    worst,
    timeRatio: median(runRatios),
    defuddleTimeRatio: median(defuddleRatios),
    timing: {
      runs,
      runRatios,
      oursPageMedianMs: median([...oursPage.values()].map(median)),
      barePageMedianMs: median([...barePage.values()].map(median)),
      defuddlePageMedianMs: median([...defuddlePage.values()].map(median)),
    },
    medium,
    snippets,
  };
}
