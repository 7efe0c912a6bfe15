/**
 * Rule ablation for the chrome-removal step: runs Margin's extraction with each
 * chrome rule turned off in turn and prints, per rule, how often it fires and
 * what turning it off changes, on three sets of pages:
 * - `tune`: half of `corpus/trafilatura-eval/` (chosen by a hash of the page id),
 *   the half rules may be fitted on;
 * - `held`: the other half, held out: a rule is worth keeping only if it helps here too;
 * - `bench88`: the 88 pages of `corpus/article-extraction-benchmark/`, which
 *   the rules were originally tuned on.
 * Trafilatura pages are scored with `tools/snippet-score.mjs`'s counting
 * (with/without snippets, micro-averaged, F1), the 88 pages with
 * `tools/extraction-score.mjs` (word 4-gram F1).
 *
 * A rule is turned off through `onChromeRemoved` returning false (see
 * chrome-removal.ts), so this measures the shipped pipeline, not a copy.
 * Turning off a rule that did not fire on a page leaves that page unchanged,
 * so each page is parsed once and re-extracted only for the rules that fired
 * on it.
 *
 *   node --import tsx bench/extract-ablation.ts [--rules=a,b] [--json=out.json] [--texts=out.json]
 *
 * `--rules` limits the ablation to rules whose name starts with one of the
 * prefixes (`class:` is every class word); `--texts` writes the baseline
 * texts per page (for diffing two versions); `--baseline` only scores; `--bare` adds bare Readability.js's scores.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { Readability } from '@mozilla/readability';
import { extractArticle } from '../utils/extraction/index.ts';
import { parseHtml } from '../utils/extraction/node-dom.ts';
import { SHARED_DIR } from './extract.ts';

const require = createRequire(import.meta.url);
// jsdom's own decoding of byte input: BOM, then <meta charset> in the first 1024 bytes, then windows-1252.
const sniffEncoding = require('html-encoding-sniffer') as (bytes: Uint8Array) => string;
const { legacyHookDecode } = require('@exodus/bytes/encoding.js') as {
  legacyHookDecode: (bytes: Uint8Array, encoding: string) => string;
};

const BENCHMARK_DIR = join(SHARED_DIR, 'corpus/article-extraction-benchmark');
const TRAFILATURA_DIR = join(SHARED_DIR, 'corpus/trafilatura-eval');
const SCORER = join(SHARED_DIR, 'tools/extraction-score.mjs');

type SetName = 'tune' | 'held' | 'bench88';
const SETS: SetName[] = ['tune', 'held', 'bench88'];

interface Annotation {
  url: string;
  with: string[];
  without: string[];
}
interface Page {
  id: string;
  set: SetName;
  url: string;
  html: string;
}
interface Scorer {
  score(
    truth: Record<string, { articleBody: string }>,
    predictions: Record<string, { articleBody: string }>,
  ): { f1: number };
}

/** FNV-1a of the id: a stable split that does not depend on how ids were made. */
function hashId(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/** The half a trafilatura page belongs to. */
export const halfOf = (id: string): 'tune' | 'held' => (hashId(id) % 2 === 0 ? 'tune' : 'held');

/** HTML bytes decoded the way jsdom (and, without HTTP headers, a browser) decodes them. */
export function decodeHtml(bytes: Uint8Array): string {
  return legacyHookDecode(bytes, sniffEncoding(bytes));
}

const normSpace = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** Snippet counts for one page, exactly as snippet-score.mjs counts them. */
function snippetCounts(item: Annotation, text: string): [tp: number, fp: number, fn: number, tn: number] {
  const t = normSpace(text);
  const found = item.with.filter((w) => t.includes(normSpace(w))).length;
  const leaked = item.without.filter((w) => t.includes(normSpace(w))).length;
  return [found, leaked, item.with.length - found, item.without.length - leaked];
}

function loadPages(): {
  pages: Page[];
  annotations: Record<string, Annotation>;
  truth: Record<string, { articleBody: string; url?: string }>;
} {
  const annotations = JSON.parse(readFileSync(join(TRAFILATURA_DIR, 'annotations.json'), 'utf8')) as Record<
    string,
    Annotation
  >;
  const truth = JSON.parse(readFileSync(join(BENCHMARK_DIR, 'ground-truth.json'), 'utf8')) as Record<
    string,
    { articleBody: string; url?: string }
  >;
  const pages: Page[] = [];
  for (const [id, item] of Object.entries(annotations)) {
    const bytes = gunzipSync(readFileSync(join(TRAFILATURA_DIR, 'html', `${id}.html.gz`)));
    pages.push({ id, set: halfOf(id), url: item.url, html: decodeHtml(bytes) });
  }
  for (const [id, item] of Object.entries(truth)) {
    // bench/extract.ts reads these as UTF-8; keep that, so bench88 numbers match `npm run bench:extract`.
    const html = gunzipSync(readFileSync(join(BENCHMARK_DIR, 'html', `${id}.html.gz`))).toString('utf8');
    pages.push({ id, set: 'bench88', url: item.url ?? 'https://example.com/', html });
  }
  return { pages, annotations, truth };
}

/** Text per page for the baseline and for each rule turned off (only pages where it fired). */
interface Runs {
  baseline: Map<string, string>;
  /** Bare Readability.js (`textContent`), with `--bare`. */
  bare: Map<string, string>;
  /** rule → page id → text with that rule off. */
  ablated: Map<string, Map<string, string>>;
  /** rule → set → [pages it fired on, elements it removed, characters removed]. */
  fires: Map<string, Record<SetName, [number, number, number]>>;
}

const ALL = '(all chrome rules)';

/**
 * Readability's result does not depend on the chrome rules, which run after
 * it: each page's calls are recorded on its first extraction and replayed
 * (as fresh copies) on the re-extractions, which then cost a fraction of a
 * full run. Calls are replayed in order, so a pipeline that runs Readability
 * twice on a page gets each result back.
 */
const readabilityCache = {
  mode: 'off' as 'off' | 'record' | 'replay',
  calls: [] as ReturnType<Readability<Node>['parse']>[],
  next: 0,
};
const realParse = Readability.prototype.parse;
Readability.prototype.parse = function parse(this: Readability<Node>) {
  const cache = readabilityCache;
  if (cache.mode === 'replay' && cache.next < cache.calls.length) {
    const result = cache.calls[cache.next++];
    return result && { ...result, content: (result.content as Node | null)?.cloneNode(true) ?? result.content };
  }
  const result = realParse.call(this) as ReturnType<Readability<Node>['parse']>;
  if (cache.mode === 'record')
    cache.calls.push(
      result && { ...result, content: (result.content as Node | null)?.cloneNode(true) ?? result.content },
    );
  return result;
} as typeof realParse;

function extractText(
  page: Page,
  doc: Document,
  window: Window & typeof globalThis,
  onChromeRemoved?: (el: Element, rule: string) => boolean | void,
): string {
  try {
    return extractArticle(doc, { url: page.url, window, onChromeRemoved })?.text ?? '';
  } catch {
    return '';
  }
}

/** Does `rule` belong to the ablation group `group` ("class:" is every class word)? */
const inGroup = (rule: string, group: string): boolean =>
  group === ALL || rule === group || (group.endsWith(':') && rule.startsWith(group));

function run(
  pages: Page[],
  prefixes: string[] | null,
  baselineOnly: boolean,
  bare: boolean,
  log: (line: string) => void,
): Runs {
  const runs: Runs = { baseline: new Map(), bare: new Map(), ablated: new Map(), fires: new Map() };
  const wanted = (rule: string): boolean => !prefixes || prefixes.some((p) => rule.startsWith(p));
  pages.forEach((page, i) => {
    if (i % 50 === 0) log(`  ${i}/${pages.length}`);
    let dom: ReturnType<typeof parseHtml>;
    try {
      dom = parseHtml(page.html, page.url);
    } catch {
      runs.baseline.set(page.id, '');
      return;
    }
    const fresh = (): Document => dom.document.cloneNode(true) as Document;
    const fired = new Map<string, [number, number]>();
    Object.assign(readabilityCache, { mode: 'record', calls: [], next: 0 });
    runs.baseline.set(
      page.id,
      extractText(page, fresh(), dom.window, (el, rule) => {
        const [n, chars] = fired.get(rule) ?? [0, 0];
        fired.set(rule, [n + 1, chars + (el.textContent?.length ?? 0)]);
      }),
    );
    readabilityCache.mode = 'off';
    if (bare) runs.bare.set(page.id, new Readability(fresh()).parse()?.textContent ?? '');
    const groups = new Set<string>();
    const counted = new Set<string>();
    for (const [rule, [n, chars]] of fired) {
      // Each class word is a rule of its own, and "class:" is all of them together.
      for (const name of rule.startsWith('class:') ? [rule, 'class:'] : [rule]) {
        const row = runs.fires.get(name) ?? { tune: [0, 0, 0], held: [0, 0, 0], bench88: [0, 0, 0] };
        const [pagesFired, elements, removed] = row[page.set];
        row[page.set] = [pagesFired + (counted.has(name) ? 0 : 1), elements + n, removed + chars];
        runs.fires.set(name, row);
        counted.add(name);
        if (wanted(name)) groups.add(name);
      }
    }
    if (fired.size) groups.add(ALL);
    if (baselineOnly) return;
    for (const group of groups) {
      Object.assign(readabilityCache, { mode: 'replay', next: 0 });
      const text = extractText(page, fresh(), dom.window, (_el, rule) => !inGroup(rule, group));
      const byPage = runs.ablated.get(group) ?? new Map<string, string>();
      byPage.set(page.id, text);
      runs.ablated.set(group, byPage);
    }
    readabilityCache.mode = 'off';
  });
  return runs;
}

/**
 * Pages per child process. jsdom keeps memory of every document cloned in a
 * window for the life of the process (over 4 GB after 250 pages with their
 * re-extractions), so each slice runs in a process of its own.
 */
const SLICE = 60;

/** Runs this file on each slice of the pages in turn, in child processes, and merges their runs. */
function runInSlices(count: number, log: (line: string) => void): Runs {
  const runs: Runs = { baseline: new Map(), bare: new Map(), ablated: new Map(), fires: new Map() };
  const raw = join(tmpdir(), `extract-ablation-${process.pid}.json`);
  const passed = process.argv.slice(2).filter((a) => /^--(?:rules=|baseline$|bare$)/.test(a));
  for (let from = 0; from < count; from += SLICE) {
    log(`  pages ${from}–${Math.min(count, from + SLICE)} of ${count}`);
    execFileSync(
      process.execPath,
      ['--import', 'tsx', fileURLToPath(import.meta.url), `--pages=${from}:${from + SLICE}`, `--raw=${raw}`, ...passed],
      { stdio: ['ignore', 'inherit', 'inherit'] },
    );
    const part = JSON.parse(readFileSync(raw, 'utf8')) as {
      baseline: [string, string][];
      bare: [string, string][];
      ablated: [string, [string, string][]][];
      fires: [string, Record<SetName, [number, number, number]>][];
    };
    for (const [id, text] of part.baseline) runs.baseline.set(id, text);
    for (const [id, text] of part.bare) runs.bare.set(id, text);
    for (const [rule, texts] of part.ablated) {
      const byPage = runs.ablated.get(rule) ?? new Map<string, string>();
      for (const [id, text] of texts) byPage.set(id, text);
      runs.ablated.set(rule, byPage);
    }
    for (const [rule, fires] of part.fires) {
      const row = runs.fires.get(rule) ?? { tune: [0, 0, 0], held: [0, 0, 0], bench88: [0, 0, 0] };
      for (const set of SETS) row[set] = row[set].map((n, k) => n + fires[set][k]!) as [number, number, number];
      runs.fires.set(rule, row);
    }
  }
  rmSync(raw, { force: true });
  return runs;
}

/** Scores of one set of texts, per set of pages. */
function scoreSets(
  pages: Page[],
  texts: (id: string) => string,
  annotations: Record<string, Annotation>,
  truth: Record<string, { articleBody: string }>,
  scorer: Scorer,
): Record<SetName, number> {
  const counts = { tune: [0, 0, 0, 0], held: [0, 0, 0, 0] };
  const predictions: Record<string, { articleBody: string }> = {};
  for (const page of pages) {
    if (page.set === 'bench88') {
      predictions[page.id] = { articleBody: texts(page.id) };
      continue;
    }
    const c = snippetCounts(annotations[page.id]!, texts(page.id));
    for (let k = 0; k < 4; k++) counts[page.set][k]! += c[k]!;
  }
  const f1 = ([tp, fp, fn]: number[]): number => {
    const p = tp! + fp! ? tp! / (tp! + fp!) : 0;
    const r = tp! + fn! ? tp! / (tp! + fn!) : 0;
    return p + r ? (2 * p * r) / (p + r) : 0;
  };
  return { tune: f1(counts.tune), held: f1(counts.held), bench88: scorer.score(truth, predictions).f1 };
}

/** Snippet F1 over all 487 trafilatura pages (the main number). */
function allSnippetF1(pages: Page[], texts: (id: string) => string, annotations: Record<string, Annotation>): number {
  let [tp, fp, fn] = [0, 0, 0];
  for (const page of pages) {
    if (page.set === 'bench88') continue;
    const c = snippetCounts(annotations[page.id]!, texts(page.id));
    tp += c[0];
    fp += c[1];
    fn += c[2];
  }
  const p = tp / (tp + fp);
  const r = tp / (tp + fn);
  return (2 * p * r) / (p + r);
}

async function main(): Promise<void> {
  if (!existsSync(TRAFILATURA_DIR) || !existsSync(BENCHMARK_DIR)) {
    console.log(`extract-ablation skipped: no corpora under ${SHARED_DIR}`);
    return;
  }
  const arg = (name: string): string | undefined =>
    process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const prefixes = arg('rules')?.split(',').filter(Boolean) ?? null;
  const log = (line: string): void => console.error(line);
  const { pages, annotations, truth } = loadPages();
  const slice = arg('pages');
  const baselineOnly = process.argv.includes('--baseline');
  const withBare = process.argv.includes('--bare');
  if (slice) {
    // A child: extract one slice of the pages and hand the raw runs back through a file.
    const [from, to] = slice.split(':').map(Number);
    const runs = run(pages.slice(from, to), prefixes, baselineOnly, withBare, log);
    writeFileSync(
      arg('raw')!,
      JSON.stringify({
        baseline: [...runs.baseline],
        bare: [...runs.bare],
        ablated: [...runs.ablated].map(([k, v]) => [k, [...v]]),
        fires: [...runs.fires],
      }),
    );
    return;
  }
  const scorer = (await import(SCORER)) as Scorer;
  log(`extracting ${pages.length} pages in slices of ${SLICE}…`);
  const runs = runInSlices(pages.length, log);

  const base = scoreSets(pages, (id) => runs.baseline.get(id) ?? '', annotations, truth, scorer);
  const sizes = Object.fromEntries(SETS.map((s) => [s, pages.filter((p) => p.set === s).length])) as Record<
    SetName,
    number
  >;
  console.log(
    `\nbaseline: snippet F1 on all 487 ${allSnippetF1(pages, (id) => runs.baseline.get(id) ?? '', annotations).toFixed(4)}`,
  );
  console.log(
    `  tune (${sizes.tune} pages, snippet F1) ${base.tune.toFixed(4)}   held (${sizes.held} pages, snippet F1) ${base.held.toFixed(4)}   bench88 (4-gram F1) ${base.bench88.toFixed(4)}`,
  );

  if (runs.bare.size) {
    const bare = scoreSets(pages, (id) => runs.bare.get(id) ?? '', annotations, truth, scorer);
    console.log(
      `bare Readability: snippet F1 on all 487 ${allSnippetF1(pages, (id) => runs.bare.get(id) ?? '', annotations).toFixed(4)}`,
    );
    console.log(`  tune ${bare.tune.toFixed(4)}   held ${bare.held.toFixed(4)}   bench88 ${bare.bench88.toFixed(4)}`);
  }

  const rows = [...runs.ablated.keys()].map((rule) => {
    const off = runs.ablated.get(rule)!;
    const s = scoreSets(pages, (id) => off.get(id) ?? runs.baseline.get(id) ?? '', annotations, truth, scorer);
    // Gain of the rule = score with it minus score without it.
    const gain = Object.fromEntries(SETS.map((set) => [set, base[set] - s[set]])) as Record<SetName, number>;
    const fires = runs.fires.get(rule) ?? { tune: [0, 0, 0], held: [0, 0, 0], bench88: [0, 0, 0] };
    return { rule, gain, fires };
  });
  rows.sort((a, b) => a.gain.held - b.gain.held);
  const pad = (s: string, n: number): string => s.padStart(n);
  const firesCell = (f: [number, number, number]): string => pad(`${f[0]}p/${f[1]}e`, 10);
  const gainCell = (x: number): string => pad((x * 1000).toFixed(2), 8);
  console.log(
    '\nGain of each rule (score with it − score without it, ×1000); fires = pages/elements. Worst on held-out first.',
  );
  console.log(
    `${'rule'.padEnd(28)}${pad('tune', 10)}${pad('held', 10)}${pad('bench88', 10)}${pad('Δtune', 8)}${pad('Δheld', 8)}${pad('Δbench', 8)}`,
  );
  for (const { rule, gain, fires } of rows) {
    console.log(
      `${rule.slice(0, 27).padEnd(28)}${firesCell(fires.tune)}${firesCell(fires.held)}${firesCell(fires.bench88)}${gainCell(gain.tune)}${gainCell(gain.held)}${gainCell(gain.bench88)}`,
    );
  }
  const json = arg('json');
  if (json) writeFileSync(json, JSON.stringify({ base, sizes, rows }, null, 1));
  const texts = arg('texts');
  if (texts) writeFileSync(texts, JSON.stringify(Object.fromEntries(runs.baseline)));
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
