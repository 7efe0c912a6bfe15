/**
 * Anchoring in real Chromium: 1,000 highlights on the longest corpus article,
 * anchored in one batch (`anchorAll`: one text index, then a search per
 * highlight, Ranges included), median of several runs. Three situations:
 * - `unchanged`: the page the highlights were made on;
 * - `shifted`: a paragraph inserted at the top and every block re-indented,
 *   so no stored offset holds any more (the reader view's situation);
 * - `edited`: as shifted, plus one word changed in every tenth passage;
 * - `imported`: 200 of them as an import from Pocket or Readwise brings them, the quote
 *   alone (no context, no offset), placed and described as a first visit does
 *   (#15: target under 150 ms).
 * dom-anchor-text-quote runs on the same highlights for comparison, in the
 * first run only: it takes tens of seconds per situation.
 *
 * `node --import tsx bench/anchor-browser.ts [highlights] [runs]`
 */
import { existsSync } from 'node:fs';
import { CHROMIUM_PATH, CHROMIUM_SWITCHES } from '../scripts/lib/chromium';
import { pageBundle } from '../scripts/lib/page-bundle';
import { chromium } from 'playwright-core';
import { longestCorpusPages } from './anchor';
import { median } from './stats';

export interface BrowserAnchorResult {
  page: string;
  textLength: number;
  highlights: number;
  runs: number;
  /** Median ms to anchor every highlight, per situation; `placed` = highlights placed in the last run. Baseline: first run only. */
  margin: Record<Situation, { ms: number; placed: number }>;
  baseline: Record<Situation, { ms: number; placed: number }>;
}

type Situation = 'unchanged' | 'shifted' | 'edited' | 'imported';
const SITUATIONS: Situation[] = ['unchanged', 'shifted', 'edited', 'imported'];
/** Highlights an import brings to one page, in the `imported` situation. */
const IMPORTED = 200;

/** The page-side code: our module and the baseline, exposed on `globalThis`. */
function bundle(): Promise<string> {
  return pageBundle(`
    import * as anchoring from './utils/anchoring/index.ts';
    import * as textQuote from 'dom-anchor-text-quote';
    import * as textPosition from 'dom-anchor-text-position';
    globalThis.MarginAnchoring = anchoring;
    globalThis.TextQuote = textQuote;
    globalThis.TextPosition = textPosition;`);
}

/** Runs the benchmark; null when Chromium or the corpus is missing. */
export async function runBrowserAnchorBench(highlights = 1000, runs = 7): Promise<BrowserAnchorResult | null> {
  if (!existsSync(CHROMIUM_PATH)) {
    console.warn(`anchor browser bench skipped: no Chromium at ${CHROMIUM_PATH}`);
    return null;
  }
  const page0 = longestCorpusPages(1)?.[0];
  if (!page0) {
    console.warn('anchor browser bench skipped: no corpus pages under ../shared/corpus/readability');
    return null;
  }
  const code = await bundle();
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_SWITCHES],
  });
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    // Nothing leaves the machine: the page's images, styles and scripts are refused.
    await page.route('**/*', (route) => route.abort());
    // The page's own scripts are removed so they cannot change the DOM under the measurement.
    const html = page0.html.replace(/<script\b[\s\S]*?<\/script\s*>/gi, '');
    const margin = Object.fromEntries(SITUATIONS.map((s) => [s, { times: [] as number[], placed: 0 }]));
    const baseline = Object.fromEntries(SITUATIONS.map((s) => [s, { times: [] as number[], placed: 0 }]));
    let textLength = 0;
    for (let run = 0; run < runs; run++) {
      for (const situation of SITUATIONS) {
        await page.setContent(html, { waitUntil: 'domcontentloaded' });
        await page.addScriptTag({ content: code });
        const r = await page.evaluate(measureInPage, {
          highlights,
          seed: run + 1,
          situation,
          baseline: run === 0 && !process.env.ANCHOR_BROWSER_NO_BASELINE,
          imported: IMPORTED,
        });
        console.error(`run ${run} ${situation}: ${r.marginMs.toFixed(0)} ms, ${r.marginPlaced} placed`);
        textLength = r.textLength;
        margin[situation]!.times.push(r.marginMs);
        margin[situation]!.placed = r.marginPlaced;
        if (run === 0) {
          baseline[situation]!.times.push(r.baselineMs);
          baseline[situation]!.placed = r.baselinePlaced;
        }
      }
    }
    const summarize = (m: typeof margin) =>
      Object.fromEntries(
        SITUATIONS.map((s) => [s, { ms: median(m[s]!.times), placed: m[s]!.placed }]),
      ) as BrowserAnchorResult['margin'];
    return { page: page0.name, textLength, highlights, runs, margin: summarize(margin), baseline: summarize(baseline) };
  } finally {
    await browser.close();
  }
}

/** Runs inside the page (serialized by Playwright: no closures over Node code). */
function measureInPage({
  highlights,
  seed,
  situation,
  baseline,
  imported,
}: {
  highlights: number;
  seed: number;
  situation: Situation;
  baseline: boolean;
  imported: number;
}) {
  type Anchoring = typeof import('../utils/anchoring/index');
  const g = globalThis as unknown as {
    MarginAnchoring: Anchoring;
    TextQuote: {
      fromRange(root: Element, range: Range): object;
      toRange(root: Element, s: object, o: object): Range | null;
    };
    TextPosition: { fromRange(root: Element, range: Range): { start: number } };
  };
  const { buildTextIndex, describeWithIndex, anchorAll, createAnchorer } = g.MarginAnchoring;
  let state = seed;
  const random = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const root = document.body;
  const index = buildTextIndex(root);
  const text = index.text;
  const starts: number[] = [];
  for (let i = 0; i < text.length; i++) if (text[i] !== ' ' && (i === 0 || text[i - 1] === ' ')) starts.push(i);

  const ours: ReturnType<typeof describeWithIndex>[] = [];
  const theirs: { quote: object; hint: number }[] = [];
  const spans: [number, number][] = [];
  for (let i = 0; i < highlights; i++) {
    const w = Math.floor(random() * (starts.length - 31));
    const end = starts[w + 3 + Math.floor(random() * 28)]! - 1;
    const range = index.toRange(starts[w]!, end);
    spans.push([starts[w]!, end]);
    ours.push(describeWithIndex(index, range));
    theirs.push({ quote: g.TextQuote.fromRange(root, range), hint: g.TextPosition.fromRange(root, range).start });
  }

  if (situation !== 'unchanged') {
    const p = document.createElement('p');
    p.textContent = 'A paragraph added at the top of the page, long enough to move every stored offset well away.';
    root.insertBefore(p, root.firstChild);
    for (const el of Array.from(root.querySelectorAll('p, li, div, h1, h2, h3, td'))) {
      el.insertBefore(document.createTextNode('\n      '), el.firstChild);
    }
  }
  if (situation === 'edited') {
    // One word changed in every tenth passage (its second word, in its text node).
    for (let i = 0; i < spans.length; i += 10) {
      const [s] = spans[i]!;
      const second = text.indexOf(' ', s) + 1;
      const r = index.toRange(second, second + 1);
      const node = r.startContainer as Text;
      const at = r.startOffset;
      const m = /^[\p{L}\p{N}]+/u.exec(node.data.slice(at));
      if (m) node.replaceData(at, m[0].length, 'zebra');
    }
  }

  if (situation === 'imported') {
    const quotes = ours
      .slice(0, imported)
      .map((sel) => sel.flatMap((x) => (x.type === 'TextQuoteSelector' ? [{ type: x.type, exact: x.exact }] : [])));
    const t0 = performance.now();
    // What the highlighter does on the first visit: place each quote, describe where it was found.
    const anchorer = createAnchorer(root);
    const placed = quotes.map((q) => anchorer.anchor(q)).filter((found) => found !== null);
    for (const found of placed) anchorer.describe(found.range);
    const t1 = performance.now();
    const baselineRanges = (baseline ? quotes : []).map((q) => {
      try {
        return g.TextQuote.toRange(root, { exact: q[0]!.exact }, {});
      } catch {
        return null;
      }
    });
    return {
      textLength: text.length,
      marginMs: t1 - t0,
      marginPlaced: placed.length,
      baselineMs: performance.now() - t1,
      baselinePlaced: baselineRanges.filter(Boolean).length,
    };
  }

  const t0 = performance.now();
  const results = anchorAll(root, ours);
  const t1 = performance.now();
  const baselineRanges = (baseline ? theirs : []).map((t) => {
    try {
      return g.TextQuote.toRange(root, t.quote, { hint: t.hint });
    } catch {
      return null;
    }
  });
  const t2 = performance.now();
  return {
    textLength: text.length,
    marginMs: t1 - t0,
    marginPlaced: results.filter(Boolean).length,
    baselineMs: t2 - t1,
    baselinePlaced: baselineRanges.filter(Boolean).length,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await runBrowserAnchorBench(Number(process.argv[2] ?? 1000), Number(process.argv[3] ?? 7));
  if (result) {
    console.log(
      `${result.highlights} highlights on ${result.page} (${result.textLength} characters), Chromium, median of ${result.runs}`,
    );
    for (const s of SITUATIONS) {
      const m = result.margin[s];
      const b = result.baseline[s];
      const n = s === 'imported' ? ` (${IMPORTED} quote-only)` : '';
      console.log(
        `  ${s.padEnd(10)}${n} Margin ${m.ms.toFixed(1)} ms (${m.placed} placed) | dom-anchor-text-quote ${b.ms.toFixed(0)} ms (${b.placed} placed)`,
      );
    }
  }
}
