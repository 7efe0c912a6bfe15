/**
 * Anchoring benchmark: do highlights survive the edits real articles get, and
 * do they ever land on the wrong text? Margin's `utils/anchoring` side by side
 * with `dom-anchor-text-quote` (diff-match-patch bitap, the library Hypothesis
 * used before writing its own) on exactly the same cases.
 *
 * Per run (one seed) and per page (the longest corpus pages by visible text):
 * pick random passages of 3–30 words, describe each with both libraries, then
 * isolate every passage into its own text nodes so it can be followed through
 * the edits by node identity (splitting text nodes changes no text). Each
 * passage gets one edit of its own (a word replaced, inserted or deleted
 * inside it or in its context, a typo, markup or whitespace inside it, the
 * passage or its paragraph deleted, or nothing), then the whole page gets
 * paragraphs inserted and removed, whitespace re-indented and inline markup
 * wrapped and unwrapped. Ground truth afterwards: the passage's nodes, if still
 * in the page; "correct" means the anchored range covers exactly the same
 * visible text (normalized offsets) as those nodes, edits included.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { JSDOM, VirtualConsole } from 'jsdom';
import { buildTextIndex, createAnchorer, describeWithIndex, type Selector, type TextIndex } from '../utils/anchoring';
import { median } from './stats';
import { mulberry32 } from '../tests/support/prng';

interface QuoteLike {
  exact: string;
  prefix?: string;
  suffix?: string;
}
const require = createRequire(import.meta.url);
const textQuote = require('dom-anchor-text-quote') as {
  fromRange(root: Element, range: Range): QuoteLike;
  toRange(root: Element, selector: QuoteLike, options?: { hint?: number }): Range | null;
};
const textPosition = require('dom-anchor-text-position') as {
  fromRange(root: Element, range: Range): { start: number; end: number };
};

const CORPUS = resolve('../shared/corpus/readability');

export const EDIT_KINDS = [
  'untouched',
  'word-in-quote',
  'typo-in-quote',
  'word-near-quote',
  'words-in-and-near',
  'markup-in-quote',
  'whitespace-in-quote',
  'passage-deleted',
  'paragraph-deleted',
] as const;
export type EditKind = (typeof EDIT_KINDS)[number];
/** Share of passages per edit kind (the page-wide edits hit every passage on top). */
const KIND_WEIGHTS: Record<EditKind, number> = {
  untouched: 25,
  'word-in-quote': 15,
  'typo-in-quote': 5,
  'word-near-quote': 15,
  'words-in-and-near': 5,
  'markup-in-quote': 10,
  'whitespace-in-quote': 5,
  'passage-deleted': 12,
  'paragraph-deleted': 8,
};

type Outcome = 'correct' | 'wrong' | 'orphaned';

export interface Tally {
  cases: number;
  /** Cases whose passage (possibly edited) is still on the page. */
  present: number;
  correct: number;
  /** Placed somewhere other than exactly the passage (including wherever a deleted passage's quote was placed). */
  wrong: number;
  orphaned: number;
  /** Orphaned although the passage is still there. */
  lost: number;
  /** Wrong placements that overlap the right passage (ends off) rather than elsewhere. */
  wrongOverlapping: number;
}

export interface SideResult {
  tally: Tally;
  /** correct / present, in % */
  correctPct: number;
  /** wrong / cases, in % */
  wrongPct: number;
  /** orphaned / cases, in % */
  orphanedPct: number;
  /** orphaned / present, in %: passages that exist but were lost */
  lostPct: number;
  /** Anchoring every highlight of every page, ms (Margin: including building the text index). */
  ms: number;
}

export interface AnchorBenchResult {
  pages: { name: string; textLength: number; highlights: number }[];
  runs: number;
  /** Medians over the runs. */
  ours: SideResult;
  baseline: SideResult;
  /** ours.ms / baseline.ms, median of the per-run ratios (NaN without the baseline). */
  timeRatio: number;
  /** Per edit kind, summed over all runs. */
  byKind: Record<EditKind, { ours: Tally; baseline: Tally }>;
}

interface Case {
  kind: EditKind;
  first: Text;
  last: Text;
  ours: Selector[];
  theirs: QuoteLike;
  hint: number;
}

/** The `count` corpus pages with the most visible text (estimated without parsing). */
export function longestCorpusPages(count = 5): { name: string; html: string }[] | null {
  if (!existsSync(CORPUS)) return null;
  const pages = readdirSync(CORPUS)
    .map((name) => ({ name, file: join(CORPUS, name, 'source.html') }))
    .filter((p) => existsSync(p.file))
    .map((p) => {
      const html = readFileSync(p.file, 'utf8');
      const text = html.replace(/<(script|style|noscript|template)\b[\s\S]*?<\/\1\s*>/gi, '').replace(/<[^>]*>/g, ' ');
      return { name: p.name, html, size: text.replace(/\s+/g, ' ').length };
    })
    .sort((a, b) => b.size - a.size)
    .slice(0, count);
  return pages.length ? pages.map(({ name, html }) => ({ name, html })) : null;
}

function parse(html: string): JSDOM {
  // Inline stylesheets are dropped only because jsdom's CSS parser is slow and
  // noisy on real pages; neither library reads styles.
  return new JSDOM(html.replace(/<style\b[^>]*>[\s\S]*?<\/style\s*>/gi, ''), { virtualConsole: new VirtualConsole() });
}

const WORD = /[\p{L}\p{N}]+/gu;
const BLOCK_SELECTOR = 'p, li, blockquote, h1, h2, h3, h4, h5, h6, dd, dt, td, th, figcaption, pre';
const INLINE_SELECTOR = 'a, em, strong, b, i, span, code, small, sup, sub, u, mark, abbr, cite';

/** Text nodes from `first` to `last` inclusive, in document order. */
function nodesBetween(root: Element, first: Text, last: Text): Text[] {
  const walker = root.ownerDocument.createTreeWalker(root, 4 /* SHOW_TEXT */);
  walker.currentNode = first;
  const out: Text[] = [first];
  let node: Node | null = first;
  while (node !== last && (node = walker.nextNode())) out.push(node as Text);
  return out;
}

/** Words of a text node as [start, end) offsets. */
function wordsOf(node: Text): [number, number][] {
  return [...node.data.matchAll(WORD)].map((m) => [m.index!, m.index! + m[0].length]);
}

/** Words strictly inside the passage: neither its first nor its last word. */
function interiorWords(nodes: Text[]): { node: Text; at: [number, number] }[] {
  const all = nodes.flatMap((node) => wordsOf(node).map((at) => ({ node, at })));
  const first = all[0];
  const last = all[all.length - 1];
  return all.filter(
    (w) =>
      w !== first &&
      w !== last &&
      // a word cut by a node boundary continues the first/last word: leave it alone
      !(w.node === first?.node && w.at[0] === first.at[1]) &&
      !(w.node === last?.node && w.at[1] === last.at[0]),
  );
}

class PageEditor {
  constructor(
    readonly root: Element,
    readonly random: () => number,
    readonly vocabulary: string[],
  ) {}

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)]!;
  }

  otherWord(not: string): string {
    for (;;) {
      const w = this.pick(this.vocabulary);
      if (w.toLowerCase() !== not.toLowerCase()) return w;
    }
  }

  /** Replaces, deletes or inserts a word at `at` in `node`. */
  editWord(node: Text, [start, end]: [number, number]): void {
    const word = node.data.slice(start, end);
    const op = this.random();
    if (op < 0.5) node.replaceData(start, end - start, this.otherWord(word));
    else if (op < 0.75 && node.data[end] === ' ') node.replaceData(start, end - start + 1, '');
    else node.insertData(start, `${this.otherWord(word)} `);
  }

  /** Changes one letter in the middle of a word of at least four letters. */
  typo(node: Text, [start, end]: [number, number]): boolean {
    if (end - start < 4) return false;
    const at = start + 1 + Math.floor(this.random() * (end - start - 2));
    const letter = node.data[at] === 'e' ? 'a' : 'e';
    node.replaceData(at, 1, letter);
    return true;
  }

  /** Wraps the word at `at` in an inline element; returns the text node now holding what followed it. */
  wrapWord(node: Text, [start, end]: [number, number], tag: string): Text {
    const tail = node.splitText(end);
    const middle = node.splitText(start);
    const wrapper = this.root.ownerDocument.createElement(tag);
    middle.parentNode!.insertBefore(wrapper, middle);
    wrapper.appendChild(middle);
    return tail;
  }

  /** Re-indents whitespace the way CMS templates and reader views do. */
  reindent(node: Text): void {
    const variants = ['  ', '\n', '\n      ', '\t', ' \u00a0'];
    node.data = node.data.replace(/ /g, () => (this.random() < 0.3 ? this.pick(variants) : ' '));
  }

  paragraph(): HTMLElement {
    const p = this.root.ownerDocument.createElement('p');
    const words = Array.from({ length: 15 + Math.floor(this.random() * 40) }, () => this.pick(this.vocabulary));
    p.textContent = `${words.join(' ')}.`;
    return p;
  }
}

/** Picks non-overlapping passages (whole words, 3–30 of them), kept apart so one's edits miss the others. */
function choosePassages(text: string, count: number, random: () => number): [number, number][] {
  const starts: number[] = [];
  for (let i = 0; i < text.length; i++) if (text[i] !== ' ' && (i === 0 || text[i - 1] === ' ')) starts.push(i);
  const taken: [number, number][] = [];
  const GAP = 48;
  for (let tries = 0; taken.length < count && tries < count * 30; tries++) {
    const w = Math.floor(random() * starts.length);
    const words = 3 + Math.floor(random() * 28);
    if (w + words > starts.length) continue;
    const start = starts[w]!;
    const next = starts[w + words];
    const end = next === undefined ? text.length : next - 1;
    if (taken.some(([s, e]) => start < e + GAP && end > s - GAP)) continue;
    taken.push([start, end]);
  }
  return taken.sort((a, b) => a[0] - b[0]);
}

/** Splits text nodes so the passage `range` is made of whole text nodes; returns its first and last. */
function isolate(range: Range): { first: Text; last: Text } {
  const startNode = range.startContainer as Text;
  const endNode = range.endContainer as Text;
  const startOffset = range.startOffset;
  if (range.endOffset < endNode.length) endNode.splitText(range.endOffset);
  const first = startOffset > 0 ? startNode.splitText(startOffset) : startNode;
  return { first, last: startNode === endNode ? first : endNode };
}

interface PageRun {
  ours: Outcome[];
  theirs: Outcome[];
  overlapOurs: number;
  overlapTheirs: number;
  present: boolean[];
  kinds: EditKind[];
  oursMs: number;
  theirsMs: number;
  textLength: number;
}

function runPage(html: string, seed: number, maxHighlights: number, withBaseline: boolean): PageRun {
  const dom = parse(html);
  const root = dom.window.document.body;
  // dom-anchor-text-quote's dependencies read the DOM globals of a browser.
  Object.assign(globalThis, {
    Node: dom.window.Node,
    NodeFilter: dom.window.NodeFilter,
    document: dom.window.document,
  });
  const random = mulberry32(seed);
  const before = buildTextIndex(root);
  const vocabulary = [...new Set(before.text.match(/\p{L}{3,12}/gu) ?? [])];
  const editor = new PageEditor(root, random, vocabulary);
  const spans = choosePassages(before.text, Math.min(maxHighlights, Math.floor(before.text.length / 400)), random);

  const described = spans.map(([s, e]) => {
    const range = before.toRange(s, e);
    return {
      range,
      ours: describeWithIndex(before, range),
      theirs: textQuote.fromRange(root, range),
      hint: textPosition.fromRange(root, range).start,
    };
  });
  // Isolate from the end backwards: a split never moves a boundary still to be processed.
  const cases: Case[] = [];
  for (let i = described.length - 1; i >= 0; i--) {
    const d = described[i]!;
    const { first, last } = isolate(d.range);
    cases.unshift({ kind: weightedKind(random), first, last, ours: d.ours, theirs: d.theirs, hint: d.hint });
  }

  applyCaseEdits(root, cases, editor);
  applyPageEdits(root, cases, editor);

  const t0 = performance.now();
  const anchorer = createAnchorer(root);
  const oursRanges = cases.map((c) => anchorer.anchor(c.ours)?.range ?? null);
  const t1 = performance.now();
  const theirsRanges = cases.map((c) => {
    if (!withBaseline) return null;
    try {
      return textQuote.toRange(root, c.theirs, { hint: c.hint });
    } catch {
      return null;
    }
  });
  const t2 = performance.now();

  const truthIndex = buildTextIndex(root);
  const truths = cases.map((c) => truthOf(truthIndex, root, c));
  const judge = (ranges: (Range | null)[]) => {
    let overlapping = 0;
    const outcomes = ranges.map((r, i): Outcome => {
      if (!r) return 'orphaned';
      const got = truthIndex.offsetsOf(r);
      const want = truths[i];
      if (got && want && got.start === want.start && got.end === want.end) return 'correct';
      if (got && want && got.start < want.end && got.end > want.start) overlapping++;
      return 'wrong';
    });
    return { outcomes, overlapping };
  };
  const ours = judge(oursRanges);
  if (process.env.ANCHOR_BENCH_DEBUG) explainMisses(truthIndex, cases, truths, oursRanges, ours.outcomes);
  const theirs = judge(theirsRanges);
  dom.window.close();
  return {
    ours: ours.outcomes,
    theirs: theirs.outcomes,
    overlapOurs: ours.overlapping,
    overlapTheirs: theirs.overlapping,
    present: truths.map((t) => t !== null),
    kinds: cases.map((c) => c.kind),
    oursMs: t1 - t0,
    theirsMs: t2 - t1,
    textLength: before.text.length,
  };
}

/** ANCHOR_BENCH_DEBUG=1: prints every passage Margin lost or misplaced, with its surroundings. */
function explainMisses(
  index: TextIndex,
  cases: Case[],
  truths: ({ start: number; end: number } | null)[],
  ranges: (Range | null)[],
  outcomes: Outcome[],
): void {
  const show = (span: { start: number; end: number } | null | undefined) =>
    span
      ? `${span.start}: ${JSON.stringify(index.text.slice(span.start - 40, span.start))} [${JSON.stringify(index.text.slice(span.start, span.end))}] ${JSON.stringify(index.text.slice(span.end, span.end + 40))}`
      : 'none';
  outcomes.forEach((outcome, i) => {
    if (outcome === 'correct' || (outcome === 'orphaned' && !truths[i])) return;
    const got = ranges[i] ? index.offsetsOf(ranges[i]!) : null;
    console.log(
      `${outcome} ${cases[i]!.kind}\n  stored: ${JSON.stringify(cases[i]!.ours)}\n  truth:  ${show(truths[i])}\n  got:    ${show(got)}`,
    );
  });
}

function weightedKind(random: () => number): EditKind {
  const total = EDIT_KINDS.reduce((sum, k) => sum + KIND_WEIGHTS[k], 0);
  let x = random() * total;
  for (const k of EDIT_KINDS) if ((x -= KIND_WEIGHTS[k]) < 0) return k;
  return 'untouched';
}

/** Each passage's own edit. Targets are chosen before anything changes. */
function applyCaseEdits(root: Element, cases: Case[], editor: PageEditor): void {
  const index = buildTextIndex(root);
  const passageNodes = new Set(cases.flatMap((c) => nodesBetween(root, c.first, c.last)));
  const nearTargets = new Map<Case, { node: Text; offset: number }>();
  for (const c of cases) {
    if (c.kind !== 'word-near-quote' && c.kind !== 'words-in-and-near') continue;
    const span = index.offsetsOf(spanRange(root, c));
    if (!span) continue;
    // A character 3–28 positions outside the passage: inside the stored prefix or suffix.
    const k = 3 + Math.floor(editor.random() * 26);
    const at = editor.random() < 0.5 ? span.start - k : span.end + k - 1;
    if (at < 0 || at >= index.text.length || index.text[at] === ' ') continue;
    const r = index.toRange(at, at + 1);
    const node = r.startContainer as Text;
    if (!passageNodes.has(node)) nearTargets.set(c, { node, offset: r.startOffset });
  }

  for (const c of cases) {
    const nodes = nodesBetween(root, c.first, c.last);
    const inside = interiorWords(nodes);
    switch (c.kind) {
      case 'word-in-quote':
      case 'words-in-and-near': {
        if (!inside.length) break;
        const w = editor.pick(inside);
        editor.editWord(w.node, w.at);
        if (c.kind === 'words-in-and-near') editNear(nearTargets.get(c), editor);
        break;
      }
      case 'typo-in-quote': {
        const long = inside.filter((w) => w.at[1] - w.at[0] >= 4);
        if (long.length) {
          const w = editor.pick(long);
          editor.typo(w.node, w.at);
        }
        break;
      }
      case 'word-near-quote':
        editNear(nearTargets.get(c), editor);
        break;
      case 'markup-in-quote': {
        if (!inside.length) break;
        const w = editor.pick(inside);
        const tail = editor.wrapWord(w.node, w.at, editor.pick(['em', 'strong', 'a', 'span']));
        if (w.node === c.last) c.last = tail;
        break;
      }
      case 'whitespace-in-quote':
        for (const n of nodes) editor.reindent(n);
        break;
      case 'passage-deleted':
        for (const n of nodes) n.remove();
        break;
      case 'paragraph-deleted': {
        const block = c.first.parentElement?.closest(BLOCK_SELECTOR);
        // Only a paragraph holding no other passage, else just the passage goes.
        const shared = block && [...passageNodes].some((n) => !nodes.includes(n) && block.contains(n));
        if (block && !shared && root.contains(block) && block !== root) block.remove();
        for (const n of nodes) n.remove();
        break;
      }
      case 'untouched':
        break;
    }
  }
}

function editNear(target: { node: Text; offset: number } | undefined, editor: PageEditor): void {
  if (!target) return;
  const word = wordsOf(target.node).find(([s, e]) => s <= target.offset && target.offset < e);
  if (word) editor.editWord(target.node, word);
}

/** Page-wide edits: paragraphs inserted and removed, whitespace, inline markup. */
function applyPageEdits(root: Element, cases: Case[], editor: PageEditor): void {
  const { random } = editor;
  const passageNodes = cases.flatMap((c) => (c.first.isConnected ? nodesBetween(root, c.first, c.last) : []));
  const holdsPassage = new Set<Node>();
  for (const n of passageNodes) for (let p: Node | null = n; p && p !== root; p = p.parentNode) holdsPassage.add(p);
  const doc = root.ownerDocument;

  const paragraphs = [...root.querySelectorAll('p')];
  for (const p of paragraphs) {
    // Paragraphs holding a passage stay, and nothing is inserted right next to
    // them: a passage running into the next paragraph would swallow it.
    if (holdsPassage.has(p)) continue;
    const x = random();
    if (x < 0.03) p.remove();
    else if (x < 0.06) {
      const fresh = editor.paragraph();
      p.parentNode!.insertBefore(fresh, random() < 0.5 ? p : p.nextSibling);
      fresh.before(doc.createTextNode('\n    '));
    }
  }
  for (const el of [...root.querySelectorAll(INLINE_SELECTOR)]) {
    if (random() < 0.25) el.replaceWith(...el.childNodes);
  }
  const walker = doc.createTreeWalker(root, 4 /* SHOW_TEXT */);
  const texts: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) texts.push(n as Text);
  const inPassage = new Set(passageNodes);
  for (const t of texts) {
    const x = random();
    if (x < 0.15) editor.reindent(t);
    else if (x < 0.18 && !inPassage.has(t)) {
      const words = wordsOf(t);
      if (words.length >= 3) editor.wrapWord(t, words[1 + Math.floor(random() * (words.length - 2))]!, 'strong');
    }
  }
}

function spanRange(root: Element, c: Case): Range {
  const range = root.ownerDocument.createRange();
  range.setStart(c.first, 0);
  range.setEnd(c.last, c.last.length);
  return range;
}

/** Normalized offsets of a passage after the edits, or null when it is gone. */
function truthOf(index: TextIndex, root: Element, c: Case): { start: number; end: number } | null {
  if (!c.first.isConnected || !c.last.isConnected || !root.contains(c.first)) return null;
  return index.offsetsOf(spanRange(root, c));
}

function emptyTally(): Tally {
  return { cases: 0, present: 0, correct: 0, wrong: 0, orphaned: 0, lost: 0, wrongOverlapping: 0 };
}

function count(t: Tally, outcome: Outcome, present: boolean): void {
  t.cases++;
  t[outcome]++;
  if (present) t.present++;
  if (present && outcome === 'orphaned') t.lost++;
}

function add(into: Tally, t: Tally): void {
  for (const k of Object.keys(into) as (keyof Tally)[]) into[k] += t[k];
}

function side(t: Tally, ms: number): SideResult {
  const pct = (a: number, b: number) => (b ? (100 * a) / b : 0);
  return {
    tally: t,
    correctPct: pct(t.correct, t.present),
    wrongPct: pct(t.wrong, t.cases),
    orphanedPct: pct(t.orphaned, t.cases),
    lostPct: pct(t.lost, t.present),
    ms,
  };
}

function medianSide(results: SideResult[]): SideResult {
  const m = (f: (r: SideResult) => number) => median(results.map(f));
  const tally = emptyTally();
  for (const r of results) add(tally, r.tally);
  return {
    tally,
    correctPct: m((r) => r.correctPct),
    wrongPct: m((r) => r.wrongPct),
    orphanedPct: m((r) => r.orphanedPct),
    lostPct: m((r) => r.lostPct),
    ms: m((r) => r.ms),
  };
}

/**
 * Runs the benchmark.
 * @param runs - seeds to run (each picks new passages and edits); medians are reported
 * @param highlightsPerPage - upper bound; short pages get one highlight per 400 characters
 * @param baseline - false skips dom-anchor-text-quote (minutes on long pages): its side is then empty
 * @return null when the corpus (../shared/corpus) is missing
 */
export async function runAnchorBench({
  runs = 5,
  highlightsPerPage = 200,
  pageCount = 5,
  baseline = true,
}: {
  runs?: number;
  highlightsPerPage?: number;
  pageCount?: number;
  baseline?: boolean;
} = {}): Promise<AnchorBenchResult | null> {
  const pages = longestCorpusPages(pageCount);
  if (!pages) {
    console.warn(`anchor bench skipped: no corpus pages under ${CORPUS}`);
    return null;
  }
  const byKind = Object.fromEntries(
    EDIT_KINDS.map((k) => [k, { ours: emptyTally(), baseline: emptyTally() }]),
  ) as AnchorBenchResult['byKind'];
  const oursRuns: SideResult[] = [];
  const theirsRuns: SideResult[] = [];
  const ratios: number[] = [];
  const pageInfo: AnchorBenchResult['pages'] = [];
  for (let run = 0; run < runs; run++) {
    const ours = emptyTally();
    const theirs = emptyTally();
    let oursMs = 0;
    let theirsMs = 0;
    for (const [p, page] of pages.entries()) {
      // ANCHOR_BENCH_FIRST_RUN=n: seeds never looked at while tuning (the table uses runs 0-4).
      const seedRun = run + (Number(process.env.ANCHOR_BENCH_FIRST_RUN) || 0);
      const result = runPage(page.html, 7919 * (seedRun + 1) + p, highlightsPerPage, baseline);
      result.kinds.forEach((kind, i) => {
        const present = result.present[i]!;
        count(ours, result.ours[i]!, present);
        count(theirs, result.theirs[i]!, present);
        count(byKind[kind].ours, result.ours[i]!, present);
        count(byKind[kind].baseline, result.theirs[i]!, present);
      });
      ours.wrongOverlapping += result.overlapOurs;
      theirs.wrongOverlapping += result.overlapTheirs;
      oursMs += result.oursMs;
      theirsMs += result.theirsMs;
      if (run === 0) pageInfo.push({ name: page.name, textLength: result.textLength, highlights: result.kinds.length });
      await new Promise((r) => setImmediate(r));
    }
    oursRuns.push(side(ours, oursMs));
    theirsRuns.push(side(theirs, theirsMs));
    ratios.push(baseline ? oursMs / theirsMs : Number.NaN);
  }
  return {
    pages: pageInfo,
    runs,
    ours: medianSide(oursRuns),
    baseline: medianSide(theirsRuns),
    timeRatio: median(ratios),
    byKind,
  };
}
