/**
 * `node --max-old-space-size=8192 --import tsx bench/extract-ab.ts BASE_DIR [runs]`:
 * times this tree's `extractArticle` against another copy's (BASE_DIR holds
 * its `utils/`, e.g. `git archive <commit> utils | tar -x -C BASE_DIR`) and
 * bare Readability, on the benchmark pages, in one process: each page's three
 * calls alternate their order, so load on a shared machine falls on all three
 * alike. Prints each side's CPU time ÷ Readability's per run and the medians.
 * For speed work: two runs of `npm run bench:extract` minutes apart differ
 * more than most changes do.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Readability } from '@mozilla/readability';
import { decodeHtmlFile } from '../utils/extraction/decode-html.ts';
import { extractArticle } from '../utils/extraction/index.ts';
import { parseHtml, releaseDocument, type NodeDom } from '../utils/extraction/node-dom.ts';
import { BENCHMARK_DIR, nextTask } from './extract-corpora.ts';

type Extract = typeof extractArticle;
const [baseDir, runsArg] = process.argv.slice(2);
if (!baseDir) throw new Error('usage: extract-ab.ts BASE_DIR [runs]');
const base = (await import(resolve(baseDir, 'utils/extraction/index.ts'))) as { extractArticle: Extract };
const runs = Number(runsArg ?? 7);

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as (options?: { type: 'minor' | 'major' }) => void;
const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

const truth = JSON.parse(readFileSync(join(BENCHMARK_DIR, 'ground-truth.json'), 'utf8')) as Record<
  string,
  { url?: string }
>;
const sources = Object.keys(truth).map((id) => {
  const url = truth[id]!.url ?? 'https://example.com/';
  return { url, html: decodeHtmlFile(readFileSync(join(BENCHMARK_DIR, 'html', `${id}.html.gz`))).html };
});

/** CPU ms of `fn` on a fresh copy of the page, after a minor GC (as extract.ts times). */
function time(dom: NodeDom, fn: (doc: Document) => unknown): number {
  const doc = dom.document.cloneNode(true) as Document;
  collectGarbage({ type: 'minor' });
  const start = process.cpuUsage();
  try {
    fn(doc);
  } catch {
    // the benchmark reports failures
  }
  const used = process.cpuUsage(start);
  releaseDocument(doc);
  return (used.user + used.system) / 1000;
}

const sides = {
  readability: (_dom: NodeDom, _url: string) => (doc: Document) => new Readability(doc).parse(),
  base: (dom: NodeDom, url: string) => (doc: Document) => base.extractArticle(doc, { url, window: dom.window }),
  head: (dom: NodeDom, url: string) => (doc: Document) => extractArticle(doc, { url, window: dom.window }),
};
type Side = keyof typeof sides;
const ORDERS: Side[][] = [
  ['readability', 'base', 'head'],
  ['head', 'readability', 'base'],
  ['base', 'head', 'readability'],
  ['readability', 'head', 'base'],
  ['base', 'readability', 'head'],
  ['head', 'base', 'readability'],
];
const ratios = { base: [] as number[], head: [] as number[] };
// Each page's time per side over the runs: the sum of per-page medians drops the runs a burst of load hit.
const perPage: Record<Side, number[][]> = { readability: [], base: [], head: [] };
// Run 0 is the JIT's warm-up and is not counted.
for (let run = 0; run <= runs; run++) {
  const pages = sources.map(({ url, html }) => ({ url, dom: parseHtml(html, url) }));
  const totals: Record<Side, number> = { readability: 0, base: 0, head: 0 };
  for (const [i, { url, dom }] of pages.entries()) {
    for (const side of ORDERS[(i + run) % ORDERS.length]!) {
      const ms = time(dom, sides[side](dom, url));
      totals[side] += ms;
      if (run > 0) (perPage[side][i] ??= []).push(ms);
    }
    await nextTask();
  }
  for (const { dom } of pages) dom.close();
  if (run === 0) continue;
  ratios.base.push(totals.base / totals.readability);
  ratios.head.push(totals.head / totals.readability);
  console.error(
    `run ${run}: Readability ${totals.readability.toFixed(0)} ms, base ${totals.base.toFixed(0)} (${(totals.base / totals.readability).toFixed(3)}), head ${totals.head.toFixed(0)} (${(totals.head / totals.readability).toFixed(3)})`,
  );
}
const pageMedians = (side: Side) => perPage[side].reduce((sum, times) => sum + median(times), 0);
console.log(
  `sum of per-page medians: Readability ${pageMedians('readability').toFixed(0)} ms, base ${pageMedians('base').toFixed(0)} (${(pageMedians('base') / pageMedians('readability')).toFixed(3)}), head ${pageMedians('head').toFixed(0)} (${(pageMedians('head') / pageMedians('readability')).toFixed(3)})`,
);
const spread = (xs: number[]) => `${Math.min(...xs).toFixed(3)}–${Math.max(...xs).toFixed(3)}`;
console.log(
  `median of ${runs} runs: base ${median(ratios.base).toFixed(3)} (${spread(ratios.base)}), head ${median(ratios.head).toFixed(3)} (${spread(ratios.head)})`,
);
