/**
 * The trafilatura evaluation set (`../shared/corpus/trafilatura-eval`, 487
 * pages, many languages): Margin, bare Readability.js and Defuddle on the same
 * parsed documents, each scored with `../shared/tools/snippet-score.mjs`
 * (trafilatura's own metric: snippets of the main text that must be found,
 * snippets of boilerplate that must not), each with its CPU time. Also counts
 * the pages the invariants are about: Margin's text under half of
 * Readability's, and no article where Readability finds one.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type PageCheck,
  SHARED_DIR,
  TRAFILATURA_DIR,
  clone,
  cutShort,
  htmlText,
  corpusPages,
  nextTask,
  noArticle,
  runDefuddle,
  runMargin,
  runReadability,
  textChars,
  trafilaturaAnnotations,
} from './extract-corpora.ts';
import type { ExtractedArticle } from '../utils/extraction/index.ts';
import { releaseDocument } from '../utils/extraction/node-dom.ts';

const SCORER = join(SHARED_DIR, 'tools/snippet-score.mjs');

/** What snippet-score.mjs prints (micro-averaged over all pages' snippets). */
export interface SnippetScore {
  pages: number;
  missing: number;
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  precision: number;
  recall: number;
  /** Share of all snippets classified right (found "with", absent "without"): the number trafilatura publishes. */
  accuracy: number;
  f1: number;
}

export interface SnippetColumn {
  score: SnippetScore;
  /** CPU time over all pages, ms (one pass). */
  cpuMs: number;
  /** Pages where it returned nothing or threw. */
  empty: number;
}

export interface SnippetBenchResult {
  pages: number;
  margin: SnippetColumn;
  readability: SnippetColumn;
  defuddle: SnippetColumn;
  /** Margin's text under half of bare Readability's, where Readability finds > 500 characters. */
  cutShort: PageCheck[];
  /** No article from Margin where Readability finds > 500 characters. */
  noArticle: PageCheck[];
  /** Pages where Margin fell back to Readability's own result. */
  fallbacks: number;
}

/** Runs the scorer exactly as published, on predictions written to a temporary file. */
function score(predictions: Record<string, string>): SnippetScore {
  const dir = mkdtempSync(join(tmpdir(), 'margin-snippets-'));
  try {
    const file = join(dir, 'predictions.json');
    writeFileSync(file, JSON.stringify(predictions));
    return JSON.parse(
      execFileSync(process.execPath, [SCORER, join(TRAFILATURA_DIR, 'annotations.json'), file], { encoding: 'utf8' }),
    ) as SnippetScore;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const cpu = (fn: () => void): number => {
  const start = process.cpuUsage();
  fn();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
};

/**
 * Each page is parsed, run three ways and released before the next one (see
 * `onCopy` and `nextTask` in extract-corpora.ts): memory stays flat.
 * @return null when the corpus or the scorer is missing.
 */
export async function runSnippetBench(
  options: { log?: (line: string) => void } = {},
): Promise<SnippetBenchResult | null> {
  const log = options.log ?? (() => {});
  if (!trafilaturaAnnotations() || !existsSync(SCORER)) return null;
  const columns = {
    margin: {} as Record<string, string>,
    readability: {} as Record<string, string>,
    defuddle: {} as Record<string, string>,
  };
  const time = { margin: 0, readability: 0, defuddle: 0 };
  const empty = { margin: 0, readability: 0, defuddle: 0 };
  const checks: PageCheck[] = [];
  let fallbacks = 0;
  log('extracting the trafilatura pages three ways…');
  let pages = 0;
  for (const page of corpusPages('trafilatura')) {
    pages++;
    // Clones are made outside the timed part; each extractor gets its own.
    let margin: ReturnType<typeof runMargin> = null;
    const marginDoc = clone(page);
    time.margin += cpu(() => {
      try {
        margin = runMargin(page, marginDoc);
      } catch (error) {
        log(`  ${page.id}: Margin threw ${(error as Error).message}`);
      }
    });
    let bare = '';
    const bareDoc = clone(page);
    time.readability += cpu(() => {
      bare = runReadability(bareDoc);
    });
    let defuddleHtml = '';
    const defuddleDoc = clone(page);
    time.defuddle += cpu(() => {
      try {
        defuddleHtml = runDefuddle(page, defuddleDoc);
      } catch (error) {
        log(`  ${page.id}: Defuddle threw ${(error as Error).message}`);
      }
    });
    for (const doc of [marginDoc, bareDoc, defuddleDoc]) releaseDocument(doc);
    const article = margin as ExtractedArticle | null;
    columns.margin[page.id] = article?.text ?? '';
    columns.readability[page.id] = bare;
    columns.defuddle[page.id] = defuddleHtml ? htmlText(defuddleHtml, page.url) : '';
    for (const name of ['margin', 'readability', 'defuddle'] as const) if (!columns[name][page.id]) empty[name]++;
    if (article?.fallback) fallbacks++;
    checks.push({
      corpus: 'trafilatura',
      id: page.id,
      url: page.url,
      marginChars: article ? textChars(article.text) : null,
      readabilityChars: textChars(bare),
      fallback: article?.fallback?.reason ?? null,
    });
    page.dom.close();
    await nextTask();
  }
  const column = (name: keyof typeof columns): SnippetColumn => ({
    score: score(columns[name]),
    cpuMs: time[name],
    empty: empty[name],
  });
  if (pages === 0) return null;
  return {
    pages,
    margin: column('margin'),
    readability: column('readability'),
    defuddle: column('defuddle'),
    cutShort: cutShort(checks),
    noArticle: noArticle(checks),
    fallbacks,
  };
}
