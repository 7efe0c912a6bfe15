/**
 * The shared extraction corpora (`../shared/corpus`), loaded once and run
 * through Margin and the baselines on the same parsed documents. Used by the
 * benchmark (`extract.ts`, `extract-snippets.ts`) and by the invariant test
 * (`tests/corpus/extraction-invariants.ts`), so both see the same pages
 * decoded the same way (as a browser would: `decode-html.ts`).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Readability } from '@mozilla/readability';
import { DefuddleClass } from 'defuddle/node';
import { blockText } from '../utils/extraction/block-text.ts';
import { decodeHtmlFile } from '../utils/extraction/decode-html.ts';
import { extractArticle, type ExtractedArticle } from '../utils/extraction/index.ts';
import { parseHtml, releaseDocument, type NodeDom } from '../utils/extraction/node-dom.ts';

/** Where the shared corpora live: `../shared` next to the repository, or `$MARGIN_SHARED`. */
export const SHARED_DIR =
  process.env['MARGIN_SHARED'] ?? resolve(fileURLToPath(new URL('.', import.meta.url)), '../../shared');
export const BENCHMARK_DIR = join(SHARED_DIR, 'corpus/article-extraction-benchmark');
export const READABILITY_DIR = join(SHARED_DIR, 'corpus/readability');
export const TRAFILATURA_DIR = join(SHARED_DIR, 'corpus/trafilatura-eval');
/** Readability's test suite parses its pages at this URL; expected outputs use it. */
export const READABILITY_TEST_URL = 'http://fakehost/test/page.html';

export type CorpusName = 'readability' | 'benchmark' | 'trafilatura';

/** One page of a corpus, parsed once; extractors run on clones of `dom.document`. */
export interface CorpusPage {
  corpus: CorpusName;
  id: string;
  url: string;
  dom: NodeDom;
}

/** A page as the source files give it, not yet parsed. */
interface PageSource {
  id: string;
  url: string;
  html: () => string;
}

function readabilitySources(): PageSource[] {
  if (!existsSync(READABILITY_DIR)) return [];
  return readdirSync(READABILITY_DIR)
    .filter((name) => existsSync(join(READABILITY_DIR, name, 'source.html')))
    .sort()
    .map((id) => ({
      id,
      url: READABILITY_TEST_URL,
      html: () => decodeHtmlFile(readFileSync(join(READABILITY_DIR, id, 'source.html'))).html,
    }));
}

function benchmarkSources(): PageSource[] {
  const truthFile = join(BENCHMARK_DIR, 'ground-truth.json');
  if (!existsSync(truthFile)) return [];
  const truth = JSON.parse(readFileSync(truthFile, 'utf8')) as Record<string, { url?: string }>;
  return Object.keys(truth).map((id) => ({
    id,
    url: truth[id]!.url ?? 'https://example.com/',
    html: () => decodeHtmlFile(readFileSync(join(BENCHMARK_DIR, 'html', `${id}.html.gz`))).html,
  }));
}

/** trafilatura's evaluation annotations: snippets the main text must / must not contain. */
export type SnippetAnnotations = Record<string, { url: string; with: string[]; without: string[] }>;

export function trafilaturaAnnotations(): SnippetAnnotations | null {
  const file = join(TRAFILATURA_DIR, 'annotations.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as SnippetAnnotations) : null;
}

function trafilaturaSources(): PageSource[] {
  const annotations = trafilaturaAnnotations();
  if (!annotations) return [];
  return Object.keys(annotations)
    .filter((id) => existsSync(join(TRAFILATURA_DIR, 'html', `${id}.html.gz`)))
    .map((id) => ({
      id,
      url: annotations[id]!.url,
      html: () => decodeHtmlFile(readFileSync(join(TRAFILATURA_DIR, 'html', `${id}.html.gz`))).html,
    }));
}

const SOURCES: Record<CorpusName, () => PageSource[]> = {
  readability: readabilitySources,
  benchmark: benchmarkSources,
  trafilatura: trafilaturaSources,
};

/** Ids of a corpus's pages (empty when the corpus is missing), without parsing them. */
export function corpusIds(corpus: CorpusName): string[] {
  return SOURCES[corpus]().map((p) => p.id);
}

/**
 * The pages of `corpus` (none when it is missing), each parsed when it is
 * reached: hundreds of parsed jsdom pages held at once take gigabytes.
 * @param only - ids to keep (a slice of the corpus), default all
 */
export function* corpusPages(corpus: CorpusName, only?: Set<string>): Generator<CorpusPage> {
  for (const { id, url, html } of SOURCES[corpus]())
    if (!only || only.has(id)) yield { corpus, id, url, dom: parseHtml(html(), url) };
}

/** A disposable copy of the page: every extractor mutates the document it is given. Release it when done. */
export const clone = (page: CorpusPage): Document => page.dom.document.cloneNode(true) as Document;

/** Runs `fn` on a fresh copy of the page and releases the copy (see releaseDocument in node-dom.ts). */
export function onCopy<T>(page: CorpusPage, fn: (doc: Document) => T): T {
  const doc = clone(page);
  try {
    return fn(doc);
  } finally {
    releaseDocument(doc);
  }
}

/**
 * Lets the event loop turn between pages. jsdom tracks node iterators through
 * WeakRefs, and V8 keeps every WeakRef's target alive until the current task
 * ends: a corpus run in one synchronous loop keeps every page it sanitized.
 */
export const nextTask = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Margin's extraction of a fresh copy of the page. */
export function runMargin(page: CorpusPage, doc = clone(page)): ExtractedArticle | null {
  return extractArticle(doc, { url: page.url, window: page.dom.window });
}

/** Bare Readability.js, as a user of the library gets it: `textContent` of `parse()`. */
export function runReadability(doc: Document): string {
  return new Readability(doc).parse()?.textContent ?? '';
}

/** Defuddle (Obsidian Web Clipper's extractor) on the same DOM; its HTML, not yet turned into text. */
export function runDefuddle(page: CorpusPage, doc = clone(page)): string {
  return new DefuddleClass(doc, { url: page.url }).parse().content ?? '';
}

/** Block-aware text of an HTML fragment (Defuddle's and Readability's `content`), as Margin's `text` is made. */
export function htmlText(html: string, url: string): string {
  const dom = parseHtml(`<body>${html}</body>`, url);
  try {
    return blockText(dom.document.body);
  } finally {
    dom.close();
  }
}

/** Length of `text` with runs of whitespace counted as one space: how much text there is, not how it is laid out. */
export const textChars = (text: string): number => text.replace(/\s+/g, ' ').trim().length;

/** Bare Readability finds an article here when its text is longer than this. */
export const READABILITY_PROSE_CHARS = 500;
/** Margin's text must be at least this share of bare Readability's. */
export const MIN_SHARE_OF_READABILITY = 0.5;

/** What the invariant checks on one page. */
export interface PageCheck {
  corpus: CorpusName;
  id: string;
  url: string;
  marginChars: number | null;
  readabilityChars: number;
  fallback: string | null;
}

/** Runs Margin and bare Readability on one page for the invariants. */
export function checkPage(page: CorpusPage): PageCheck {
  const article = onCopy(page, (doc) => runMargin(page, doc));
  return {
    corpus: page.corpus,
    id: page.id,
    url: page.url,
    marginChars: article ? textChars(article.text) : null,
    readabilityChars: textChars(onCopy(page, runReadability)),
    fallback: article?.fallback?.reason ?? null,
  };
}

/** Pages where bare Readability finds an article and Margin shows none. */
export const noArticle = (checks: PageCheck[]): PageCheck[] =>
  checks.filter((c) => c.readabilityChars > READABILITY_PROSE_CHARS && c.marginChars === null);

/** Pages where Margin shows less than half of what bare Readability finds. */
export const cutShort = (checks: PageCheck[]): PageCheck[] =>
  checks.filter(
    (c) =>
      c.readabilityChars > READABILITY_PROSE_CHARS &&
      c.marginChars !== null &&
      c.marginChars < MIN_SHARE_OF_READABILITY * c.readabilityChars,
  );
