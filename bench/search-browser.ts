/**
 * Library search in real Chromium, in an extension page of the built extension
 * (the origin the library page reads IndexedDB from): a library of 100,000
 * highlights with notes and tags, ~2,000 articles (a fifth saved offline) and
 * their page notes, then `searchLibrary` timed for the queries people type.
 *
 * Text: passages of the 88 real articles in ../shared/corpus/article-extraction-benchmark
 * (quotes from one article, notes from another), so words follow real English
 * frequencies; without the corpus, sentences drawn from a Zipf-distributed
 * vocabulary. Every query runs `runs` times (the first included); p50 = median.
 *
 * `npm run build` first, then `node --import tsx bench/search-browser.ts [highlights] [runs]`
 * (the extension page is all the build provides: `searchLibrary` is bundled from
 * source here, so a change to `utils/db` needs no rebuild).
 *
 * SEARCH_BENCH_PROFILE=dir keeps Chromium's profile in `dir` and the library written
 * into it, and a later run with the same dir and size searches that library instead
 * of writing it again (writing takes minutes): for iterating on the search itself.
 * SEARCH_BENCH_TRACE=1 prints, under each query, the requests one more run of it makes;
 * SEARCH_BENCH_ONLY=name times only the query of that name ("word + site").
 * SEARCH_BENCH_SOURCE=dir bundles `utils/db` from another checkout (say an earlier
 * commit's), to compare two versions on one machine at one time.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pageBundle } from '../scripts/lib/page-bundle';
import {
  CHROME_BUILD_DIR,
  chromiumAvailable,
  CHROMIUM_PATH,
  launchChromiumWithExtension,
} from '../scripts/lib/chromium';
import { median } from './stats';
import { readingDefaults } from '../utils/db/reading-fields.ts';

const GROUND_TRUTH = resolve('../shared/corpus/article-extraction-benchmark/ground-truth.json');

/** One timed query. */
export interface SearchTiming {
  name: string;
  query: string;
  filters: Record<string, unknown>;
  /** Median ms over the runs. */
  p50Ms: number;
  /** The first run: the first search in a page also pays for what the planner caches. */
  firstMs: number;
  minMs: number;
  maxMs: number;
  /** Hits returned (the library asks for at most 101). */
  hits: number;
  /** With SEARCH_BENCH_TRACE=1: the requests of one more run, one line each. */
  trace: string[];
}

export interface SearchBrowserResult {
  textSource: 'corpus' | 'zipf';
  highlights: number;
  withNotes: number;
  articles: number;
  savedCopies: number;
  pageNotes: number;
  /** Seconds spent writing the library (not part of any timing). */
  seedSeconds: number;
  /** The library was written by an earlier run into SEARCH_BENCH_PROFILE, not by this one. */
  keptLibrary: boolean;
  runs: number;
  queries: SearchTiming[];
  /** Median of every run of every query. */
  overallP50Ms: number;
  /** The slowest query's p50. */
  worstP50Ms: number;
}

/**
 * Bundles the data layer for an extension page: the modules the extension itself
 * runs (`utils/db`), plus the id and word helpers the generator uses to write
 * records in bulk, exposed as `globalThis.MarginDbModule`. Evaluated through the
 * DevTools protocol, which the extension page's CSP does not restrict.
 */
export function marginDbBundle(): Promise<string> {
  return pageBundle(
    `
    import * as db from './utils/db/index.ts';
    import { newRecordId } from './utils/db/record-id.ts';
    import * as words from './utils/db/search-words.ts';
    // All of search-words: an older checkout (SEARCH_BENCH_SOURCE) may lack \`tagWords\`.
    globalThis.MarginDbModule = { ...db, newRecordId, ...words };`,
    process.env.SEARCH_BENCH_SOURCE ?? '.',
  );
}

/** Article texts from the corpus, or generated ones; and which. */
function sourceTexts(): { texts: string[]; source: 'corpus' | 'zipf' } {
  if (existsSync(GROUND_TRUTH)) {
    const truth = JSON.parse(readFileSync(GROUND_TRUTH, 'utf8')) as Record<string, { articleBody?: string }>;
    const texts = Object.values(truth)
      .map((t) => t.articleBody ?? '')
      .filter((t) => t.split(/\s+/).length > 300);
    if (texts.length >= 20) return { texts, source: 'corpus' };
  }
  return { texts: zipfTexts(60, 1500), source: 'zipf' };
}

/**
 * Texts whose word frequencies follow Zipf's law (s ≈ 1.07, as in English), over a
 * vocabulary of made-up words; used when the corpus is not there.
 */
function zipfTexts(count: number, wordsEach: number): string[] {
  let state = 7;
  const random = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const syllables = [
    'ka',
    'to',
    'ri',
    'men',
    'sa',
    'lo',
    'ven',
    'tor',
    'pi',
    'da',
    'ne',
    'gru',
    'shi',
    'al',
    'ex',
    'mo',
    'ur',
    'qui',
    'bel',
    'fa',
  ];
  const vocabulary = Array.from({ length: 20_000 }, (_, rank) => {
    let word = '';
    for (
      let n = rank + 1, len = 1 + Math.floor(Math.log10(rank + 10));
      len > 0;
      len--, n = Math.floor(n / syllables.length)
    ) {
      word += syllables[n % syllables.length];
    }
    return `${word}${rank}`.replace(/\d+$/, (d) => (rank < 400 ? '' : d.slice(-2)));
  });
  const weights = vocabulary.map((_, rank) => 1 / (rank + 1) ** 1.07);
  const cumulative: number[] = [];
  weights.reduce((sum, w, i) => (cumulative[i] = sum + w), 0);
  const total = cumulative.at(-1)!;
  const pick = () => {
    const x = random() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return vocabulary[lo]!;
  };
  return Array.from({ length: count }, () => {
    const words: string[] = [];
    for (let i = 0; i < wordsEach; i++) words.push(pick() + (random() < 0.07 ? '.' : random() < 0.06 ? ',' : ''));
    return words.join(' ');
  });
}

/**
 * Runs the benchmark.
 * @return null when Chromium or the built extension is missing
 */
export async function runSearchBrowserBench(highlights = 100_000, runs = 9): Promise<SearchBrowserResult | null> {
  if (!chromiumAvailable()) {
    console.warn(`search browser bench skipped: no Chromium at ${CHROMIUM_PATH}`);
    return null;
  }
  if (!existsSync(resolve(CHROME_BUILD_DIR, 'manifest.json'))) {
    console.warn('search browser bench skipped: no built extension (run `npx wxt build`)');
    return null;
  }
  const { texts, source } = sourceTexts();
  const code = await marginDbBundle();
  const profile = process.env.SEARCH_BENCH_PROFILE;
  const session = await launchChromiumWithExtension({ keptProfile: profile && resolve(profile) });
  try {
    // The reader page with no article reads nothing from the database, so no live
    // query of the page re-runs while the library is written or searched.
    const page = await session.context.newPage();
    await page.goto(`chrome-extension://${session.extensionId}/reader-page.html`);
    await page.evaluate(code);
    const seedStarted = Date.now();
    const keptFile = profile ? join(resolve(profile), 'margin-search-bench.json') : null;
    const kept = keptFile && existsSync(keptFile) ? (JSON.parse(readFileSync(keptFile, 'utf8')) as KeptLibrary) : null;
    const seeded =
      kept && kept.format === KEPT_FORMAT && kept.highlights === highlights && kept.source === source
        ? kept.seeded
        : await page.evaluate(seedLibrary, { texts, highlights, seed: 42 });
    if (keptFile && seeded !== kept?.seeded)
      writeFileSync(
        keptFile,
        JSON.stringify({ format: KEPT_FORMAT, highlights, source, seeded } satisfies KeptLibrary),
      );
    const seedSeconds = (Date.now() - seedStarted) / 1000;
    const queries = chooseQueries(seeded.picks);
    const timings = await page.evaluate(timeQueries, { queries, runs, trace: process.env.SEARCH_BENCH_TRACE === '1' });
    const queryResults: SearchTiming[] = timings.map((t) => ({
      name: t.name,
      query: t.query,
      filters: t.filters,
      p50Ms: median(t.times),
      firstMs: t.times[0]!,
      minMs: Math.min(...t.times),
      maxMs: Math.max(...t.times),
      hits: t.hits,
      trace: t.trace,
    }));
    return {
      textSource: source,
      highlights: seeded.highlights,
      withNotes: seeded.withNotes,
      articles: seeded.articles,
      savedCopies: seeded.savedCopies,
      pageNotes: seeded.pageNotes,
      seedSeconds,
      keptLibrary: seeded === kept?.seeded,
      runs,
      queries: queryResults,
      overallP50Ms: median(timings.flatMap((t) => t.times)),
      worstP50Ms: Math.max(...queryResults.map((q) => q.p50Ms)),
    };
  } finally {
    await session.close();
  }
}

/** Bumped when the library written changes (schema v5: `siteWords`; then its hashed host keys): a kept one of another is written again. */
const KEPT_FORMAT = 3;

/** What a kept profile's library is: the size asked for and what was written. */
interface KeptLibrary {
  format: number;
  highlights: number;
  source: 'corpus' | 'zipf';
  seeded: Awaited<ReturnType<typeof seedLibrary>>;
}

interface QueryPicks {
  rare: string;
  common: string;
  pair: [string, string];
  mid: string;
  tag: string;
  host: string;
}

interface BenchQuery {
  name: string;
  query: string;
  filters: { tag?: string; colour?: string; site?: string };
}

/** The queries, from words and tags the generated library actually has. */
function chooseQueries(p: QueryPicks): BenchQuery[] {
  const only = process.env.SEARCH_BENCH_ONLY;
  return (
    [
      { name: 'rare word', query: p.rare, filters: {} },
      { name: 'common word', query: p.common, filters: {} },
      { name: 'two words', query: p.pair.join(' '), filters: {} },
      { name: 'word + tag', query: p.mid, filters: { tag: p.tag } },
      { name: 'colour filter', query: '', filters: { colour: 'pink' } },
      { name: 'empty query (newest)', query: '', filters: {} },
      { name: 'prefix being typed', query: p.mid.slice(0, 3), filters: {} },
      { name: 'word + site', query: p.mid, filters: { site: p.host } },
    ] as BenchQuery[]
  ).filter((q) => !only || q.name === only);
}

/**
 * Writes the library inside the page (serialized by Playwright: nothing from outside
 * this function). Records are built as the repositories build them (same ids, same
 * search words) and written in bulk: 100,000 one-by-one transactions would take minutes.
 */
async function seedLibrary({ texts, highlights, seed }: { texts: string[]; highlights: number; seed: number }) {
  type Module = typeof import('../utils/db/index') & {
    newRecordId: (t: number) => string;
    articleWords: (a: { title: string; author: string | null; site: string | null }) => string[];
    highlightWords: (h: { quote: string; note: string; tags: readonly string[] }) => string[];
    tokenize: (...t: string[]) => string[];
    /** Since schema v4. */
    tagWords?: (tags: readonly string[], words: readonly string[]) => string[];
  };
  const m = (globalThis as unknown as { MarginDbModule: Module }).MarginDbModule;
  let state = seed;
  const random = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const between = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  /** Index into a list, rank r chosen with weight 1 / (r + 1). */
  const zipfIndex = (n: number) => Math.min(n - 1, Math.floor(Math.exp(random() * Math.log(n + 1)) - 1));
  const weighted = <T>(choices: ReadonlyArray<readonly [T, number]>): T => {
    let x = random();
    for (const [value, w] of choices) if ((x -= w) < 0) return value;
    return choices[0]![0];
  };

  const textWords = texts.map((t) => t.split(/\s+/).filter(Boolean));
  const passage = (words: string[], min: number, max: number) => {
    const length = between(min, max);
    const start = between(0, Math.max(0, words.length - length - 1));
    return { start, text: words.slice(start, start + length).join(' ') };
  };
  const TAGS = [
    'to-read',
    'research',
    'quote',
    'idea',
    'work',
    'climate',
    'ai',
    'health',
    'history',
    'design',
    'economics',
    'policy',
    'writing',
    'science',
    'privacy',
    'security',
    'product',
    'management',
    'education',
    'music',
    'film',
    'sport',
    'travel',
    'food',
    'rust',
    'javascript',
    'databases',
    'books',
    'parenting',
    'cities',
    'energy',
    'space',
    'biology',
    'law',
    'media',
    'art',
    'startups',
    'finance',
    'philosophy',
    'language',
  ];
  const hosts = Array.from({ length: 150 }, (_, i) => `site${i}.example.com`);
  const year = 365 * 86_400_000;
  const end = Date.now() - 60_000;
  const begin = end - 2 * year;

  const db = m.createMarginDb();
  await db.delete();
  await db.open();

  const nArticles = Math.ceil(highlights / 50);
  const articles: import('../utils/db/schema').ArticleRecord[] = [];
  const bodies: import('../utils/db/schema').ArticleBodyRecord[] = [];
  const notes: import('../utils/db/schema').PageNoteRecord[] = [];
  let hl: import('../utils/db/schema').HighlightRecord[] = [];
  let written = 0;
  let withNotes = 0;
  const df = new Map<string, number>();
  const tagCounts = new Map<string, number>();
  const pairs: Array<[string, string]> = [];
  const stamps = (t: number) => ({
    id: m.newRecordId(t),
    createdAt: t,
    updatedAt: t,
    deletedAt: null,
    deviceId: 'bench',
  });

  // Articles before their highlights, in the same transaction: a highlight's site
  // pairs (`siteWords`) are read from its article as it is written.
  let articlesWritten = 0;
  const flush = async () => {
    await db.transaction('rw', [db.highlights, db.articles], async () => {
      await db.articles.bulkAdd(articles.slice(articlesWritten));
      await db.highlights.bulkAdd(hl);
    });
    articlesWritten = articles.length;
    written += hl.length;
    hl = [];
  };

  for (let a = 0; written + hl.length < highlights; a++) {
    const t = begin + Math.floor(Math.min(1, (a + random()) / nArticles) * (end - begin - 86_400_000));
    const source = a % texts.length;
    const words = textWords[source]!;
    const host = hosts[zipfIndex(hosts.length)]!;
    const title = passage(words, 5, 11).text.replace(/[.,;:]$/, '');
    const saved = random() < 0.2;
    const article = {
      ...stamps(t),
      url: `https://${host}/articles/${a}`,
      urls: [`https://${host}/articles/${a}`],
      pageUrl: `https://${host}/articles/${a}?utm_source=feed`,
      canonicalUrl: null,
      title,
      author: random() < 0.7 ? `Author ${between(1, 800)}` : null,
      site: `Site ${host.slice(4, host.indexOf('.'))}`,
      host,
      published: null,
      lang: 'en',
      savedAt: saved ? t : null,
      ...readingDefaults(),
      words: [] as string[],
    };
    article.words = m.articleWords(article);
    articles.push(article);
    if (saved) {
      const text = texts[source]!;
      const html = text
        .split(/\n+/)
        .map((p) => `<p>${p.replace(/[<&]/g, ' ')}</p>`)
        .join('');
      bodies.push({ ...stamps(t), id: article.id, html, text, words: m.tokenize(text) });
    }
    if (random() < 0.3) {
      const text = passage(textWords[(source + 7) % texts.length]!, 10, 60).text;
      notes.push({ ...stamps(t + 1000), articleId: article.id, text, words: m.tokenize(text) });
    }
    const count = Math.min(between(1, 99), highlights - written - hl.length);
    for (let j = 0; j < count; j++) {
      const created = Math.min(end, t + (j + 1) * between(20_000, 600_000));
      const quote = passage(words, 6, between(10, 45));
      const hasNote = random() < 0.35;
      const note = hasNote ? passage(textWords[(source + 13 + j) % texts.length]!, 4, 30).text : '';
      const tags =
        random() < 0.3 ? [...new Set(Array.from({ length: between(1, 3) }, () => TAGS[zipfIndex(TAGS.length)]!))] : [];
      const h = {
        ...stamps(created),
        articleId: article.id,
        selectors: [
          {
            type: 'TextQuoteSelector' as const,
            exact: quote.text,
            prefix: words.slice(Math.max(0, quote.start - 5), quote.start).join(' '),
            suffix: '',
          },
          { type: 'TextPositionSelector' as const, start: quote.start * 6, end: quote.start * 6 + quote.text.length },
        ],
        quote: quote.text,
        colour: weighted([
          ['yellow', 0.5],
          ['green', 0.2],
          ['blue', 0.15],
          ['pink', 0.1],
          ['purple', 0.05],
        ] as const),
        note,
        tags,
        position: quote.start * 6,
        anchor: weighted([
          ['anchored', 0.9],
          ['weak', 0.05],
          ['orphaned', 0.04],
          ['detached', 0.01],
        ] as const),
        words: [] as string[],
      };
      h.words = m.highlightWords(h);
      if (m.tagWords) Object.assign(h, { tagWords: m.tagWords(h.tags, h.words) });
      if (hasNote) withNotes++;
      for (const w of h.words) df.set(w, (df.get(w) ?? 0) + 1);
      for (const tag of tags) tagCounts.set(tag, (tagCounts.get(tag) ?? 0) + 1);
      if (pairs.length < 5000) {
        const qw = m.tokenize(quote.text);
        const i = between(0, Math.max(0, qw.length - 2));
        if (qw[i] && qw[i + 1]) pairs.push([qw[i]!, qw[i + 1]!]);
      }
      hl.push(h);
    }
    if (hl.length >= 5000) await flush();
  }
  await flush();
  await db.transaction('rw', [db.articleBodies, db.pageNotes, db.tags], async () => {
    await db.articleBodies.bulkAdd(bodies);
    await db.pageNotes.bulkAdd(notes);
    await db.tags.bulkAdd([...tagCounts.keys()].map((name) => ({ ...stamps(end), name, colour: null })));
  });
  db.close();

  // Query words: a word found in a handful of highlights, the most frequent word, a
  // mid-frequency word (~1% of highlights), and two adjacent mid-frequency words.
  // Frequencies count whole words; a search term also finds longer words it begins.
  const byDf = [...df.entries()].filter(([w]) => /^[a-z]{4,}$/.test(w));
  const rare = byDf.find(([, n]) => n >= 3 && n <= 8)?.[0] ?? byDf.at(-1)![0];
  const common = [...df.entries()].sort((x, y) => y[1] - x[1])[0]![0];
  const midBand = ([, n]: [string, number]) => n >= written * 0.005 && n <= written * 0.03;
  // The word nearest 1% of highlights, of five letters or more: a topic word, not a function word.
  const onePercent = written * 0.01;
  const mid =
    byDf
      .filter(([w]) => w.length >= 5)
      .sort((x, y) => Math.abs(x[1] - onePercent) - Math.abs(y[1] - onePercent))[0]?.[0] ?? common;
  const isMid = (w: string) => /^[a-z]{4,}$/.test(w) && midBand([w, df.get(w) ?? 0]);
  const pair = pairs.find(([x, y]) => x !== y && isMid(x) && isMid(y)) ?? [mid, common];
  const tag = [...tagCounts.entries()].sort((x, y) => y[1] - x[1])[2]?.[0] ?? 'research';
  return {
    highlights: written,
    withNotes,
    articles: articles.length,
    savedCopies: bodies.length,
    pageNotes: notes.length,
    picks: { rare, common, pair, mid, tag, host: hosts[0]! },
  };
}

/**
 * Times each query `runs` times in the page, with a fresh database connection as the
 * library page has. With `trace`, each query then runs once more on a connection that
 * logs every request the search makes (table, index, kind, entries, ms from issue to
 * answer; requests overlap, so the ms do not add up to the query's time).
 */
async function timeQueries({ queries, runs, trace }: { queries: BenchQuery[]; runs: number; trace: boolean }) {
  const m = (globalThis as unknown as { MarginDbModule: typeof import('../utils/db/index') }).MarginDbModule;
  const db = m.createMarginDb();
  await db.open();
  const out: Array<BenchQuery & { times: number[]; hits: number; trace: string[] }> = [];
  for (const q of queries) {
    const times: number[] = [];
    let hits = 0;
    for (let run = 0; run < runs; run++) {
      const t0 = performance.now();
      // 101, as the library asks: one past a page says there is more.
      const found = await m.searchLibrary(db, q.query, { ...(q.filters as object), limit: 101 });
      times.push(performance.now() - t0);
      hits = found.length;
    }
    out.push({ ...q, times, hits, trace: trace ? await traceQuery(q) : [] });
  }
  db.close();
  return out;

  async function traceQuery(q: BenchQuery): Promise<string[]> {
    const lines: string[] = [];
    const traced = m.createMarginDb();
    const t0 = performance.now();
    const log =
      <R>(what: string, started: number, size: (r: R) => number) =>
      (r: R) => {
        lines.push(
          `${(started - t0).toFixed(1).padStart(7)} +${(performance.now() - started).toFixed(1).padStart(5)} ms  ${what} → ${size(r)}`,
        );
        return r;
      };
    const rangeText = (r: { lower?: unknown; upper?: unknown; type?: number } | undefined) =>
      !r
        ? ''
        : r.type === 1
          ? `=${JSON.stringify(r.lower)}`
          : `${JSON.stringify(r.lower) ?? '-∞'}..${JSON.stringify(r.upper) ?? '∞'}`;
    traced.use({
      stack: 'dbcore',
      name: 'bench-trace',
      create: (down) => ({
        ...down,
        table: (name) => {
          const t = down.table(name);
          return {
            ...t,
            get: (req) => t.get(req).then(log(`${name}.get`, performance.now(), (r) => (r ? 1 : 0))),
            getMany: (req) => t.getMany(req).then(log(`${name}.getMany`, performance.now(), (r) => r.length)),
            count: (req) =>
              t
                .count(req)
                .then(
                  log(
                    `${name}.count ${req.query.index.name ?? ':id'} ${rangeText(req.query.range)}`,
                    performance.now(),
                    (r) => r,
                  ),
                ),
            query: (req) =>
              t
                .query(req)
                .then(
                  log(
                    `${name}.${req.values ? 'getAll' : 'getAllKeys'} ${req.query.index.name ?? ':id'} ${rangeText(req.query.range)} limit ${req.limit ?? '∞'}${req.direction === 'prev' ? ' prev' : ''}`,
                    performance.now(),
                    (r) => r.result.length,
                  ),
                ),
            openCursor: (req) =>
              t
                .openCursor(req)
                .then(
                  log(
                    `${name}.openCursor ${req.query.index.name ?? ':id'} ${rangeText(req.query.range)}`,
                    performance.now(),
                    (c) => (c ? 1 : 0),
                  ),
                ),
          };
        },
      }),
    });
    await traced.open();
    const started = performance.now();
    await m.searchLibrary(traced, q.query, { ...(q.filters as object), limit: 101 });
    lines.push(`  total ${(performance.now() - started).toFixed(1)} ms`);
    traced.close();
    return lines;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await runSearchBrowserBench(Number(process.argv[2] ?? 100_000), Number(process.argv[3] ?? 9));
  if (result) {
    console.log(
      `${result.highlights.toLocaleString('en')} highlights (${result.withNotes.toLocaleString('en')} with notes), ` +
        `${result.articles} articles (${result.savedCopies} saved offline), ${result.pageNotes} page notes; ` +
        `text: ${result.textSource}; ${result.keptLibrary ? 'kept from an earlier run' : `written in ${result.seedSeconds.toFixed(0)} s`}. ` +
        `Chromium, median of ${result.runs} runs.`,
    );
    for (const q of result.queries) {
      const what = `${q.name} ${JSON.stringify(q.query)}${Object.keys(q.filters).length ? ` ${JSON.stringify(q.filters)}` : ''}`;
      console.log(
        `  ${what.padEnd(58)} p50 ${q.p50Ms.toFixed(1).padStart(6)} ms  (first ${q.firstMs.toFixed(1)}, min ${q.minMs.toFixed(1)}, max ${q.maxMs.toFixed(1)}; ${q.hits} hits)`,
      );
      for (const line of q.trace) console.log(`      ${line}`);
    }
    console.log(
      `  overall p50 ${result.overallP50Ms.toFixed(1)} ms; slowest query p50 ${result.worstP50Ms.toFixed(1)} ms (target < 30 ms)`,
    );
  }
}
