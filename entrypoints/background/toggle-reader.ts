/**
 * Opens or closes the reader view in a tab. The reader bundle is injected only
 * the first time; later toggles call the instance it registered.
 */
import type { ReaderToggleResult } from '@/utils/messaging/reader-protocol';

const READER_SCRIPT = '/content-scripts/reader.js';
type ReaderState = 'opened' | 'closed' | 'no-article';

/** Runs in the tab's content-script world; serialized, so it can only use its own code. */
function toggleLiveReader(): Promise<ReaderState> | null {
  // Same key as utils/messaging/reader-instance.ts (a serialized function cannot import it).
  const reader = (globalThis as Record<symbol, { toggle(): Promise<ReaderState> } | undefined>)[Symbol.for('margin.reader')];
  return reader ? reader.toggle() : null;
}

function isReaderState(value: unknown): value is ReaderState {
  return value === 'opened' || value === 'closed' || value === 'no-article';
}

/**
 * @param tabId - the tab to toggle the reader in
 * @return the reader's new state, or an error a person can read (e.g. on browser-internal pages)
 */
export async function toggleReader(tabId: number): Promise<ReaderToggleResult> {
  try {
    const [probe] = await browser.scripting.executeScript({ target: { tabId }, func: toggleLiveReader });
    if (isReaderState(probe?.result)) return { state: probe.result };
    const [injected] = await browser.scripting.executeScript({ target: { tabId }, files: [READER_SCRIPT] });
    const state = injected?.result;
    return isReaderState(state) ? { state } : { state: 'error', message: 'The reader view did not start on this page.' };
  } catch (error) {
    // Browsers forbid extensions on their own pages (settings, stores, PDF viewer).
    const detail = error instanceof Error ? error.message : String(error);
    return { state: 'error', message: `Margin cannot open the reader view on this page: ${detail}` };
  }
}
