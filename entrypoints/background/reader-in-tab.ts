/**
 * Calls the reader in a tab: injects the reader bundle (and the highlighter, for
 * tabs opened before Margin was installed) the first time, then calls the
 * instance it registered. Toggling the reader view and extracting the article for
 * an offline copy both go through here.
 */
import type { ReaderToggleResult } from '@/utils/messaging/reader-protocol';
import type { ReaderExtract } from '@/utils/messaging/reader-instance';

const READER_SCRIPT = '/content-scripts/reader.js';
const HIGHLIGHTER_SCRIPT = '/content-scripts/highlighter.js';
type ReaderState = 'opened' | 'closed' | 'no-article';
type ReaderMethod = 'toggle' | 'extract';

/**
 * Runs in the tab's content-script world; serialized, so it can only use its own code.
 * @return undefined when the reader is not injected yet
 */
function callLiveReader(method: ReaderMethod): unknown {
  // Same keys as utils/messaging/reader-instance.ts (a serialized function cannot import it).
  const scope = globalThis as Record<symbol, Record<string, () => unknown> | undefined>;
  const reader = scope[Symbol.for('margin.reader')];
  if (!reader) return { missing: true, highlighter: Boolean(scope[Symbol.for('margin.highlighter')]) };
  return reader[method]!();
}

function isMissing(value: unknown): value is { missing: true; highlighter: boolean } {
  return typeof value === 'object' && value !== null && (value as { missing?: unknown }).missing === true;
}

async function callReader(tabId: number, method: ReaderMethod): Promise<unknown> {
  const run = async () =>
    (await browser.scripting.executeScript({ target: { tabId }, func: callLiveReader, args: [method] }))[0]?.result;
  const first = await run();
  if (!isMissing(first)) return first;
  if (!first.highlighter) await browser.scripting.executeScript({ target: { tabId }, files: [HIGHLIGHTER_SCRIPT] });
  await browser.scripting.executeScript({ target: { tabId }, files: [READER_SCRIPT] });
  return run();
}

function isReaderState(value: unknown): value is ReaderState {
  return value === 'opened' || value === 'closed' || value === 'no-article';
}

function cannotRun(error: unknown, what: string): string {
  // Browsers forbid extensions on their own pages (settings, stores, PDF viewer).
  const detail = error instanceof Error ? error.message : String(error);
  return `Margin cannot ${what} on this page: ${detail}`;
}

/**
 * @return the reader's new state, or an error a person can read
 */
export async function toggleReader(tabId: number): Promise<ReaderToggleResult> {
  try {
    const state = await callReader(tabId, 'toggle');
    return isReaderState(state)
      ? { state }
      : { state: 'error', message: 'The reader view did not start on this page.' };
  } catch (error) {
    return { state: 'error', message: cannotRun(error, 'open the reader view') };
  }
}

/**
 * The article in a tab as the reader view would show it.
 * @return null when the page has no article
 * @throws Error with a readable message when Margin cannot run on the page
 */
export async function extractInTab(tabId: number): Promise<ReaderExtract | null> {
  try {
    return ((await callReader(tabId, 'extract')) as ReaderExtract | null) ?? null;
  } catch (error) {
    throw new Error(cannotRun(error, 'read the article'));
  }
}
