import { describe, expect, it } from 'vitest';
import type { ReaderToggleResult } from '@/utils/messaging/reader-protocol';
import { highlightCounts, popupActions, type PopupDeps } from './popup-actions';

function deps(over: Partial<PopupDeps> = {}) {
  const shown: string[] = [];
  const log: string[] = [];
  const d: PopupDeps = {
    saveOffline: async () => ({ savedAt: 1 }),
    toggleReader: async () => ({ state: 'opened' }),
    refresh: async () => void log.push('refresh'),
    close: () => void log.push('close'),
    showMessage: (t) => void shown.push(t),
    ...over,
  };
  return { d, shown, log };
}

describe('the popup', () => {
  it('counts placed and weak highlights as on the page, orphans apart, detached in neither', () => {
    const anchors = ['anchored', 'weak', 'orphaned', 'detached', 'anchored'] as const;
    expect(highlightCounts(anchors.map((anchor) => ({ anchor })))).toEqual({ placed: 3, notFound: 1 });
  });

  it('says when the page was saved for offline reading, and reads the article again', async () => {
    const { d, shown, log } = deps();
    await popupActions(7, d).saveOffline();
    expect(shown).toEqual(['Saving…', 'Saved for offline reading.']);
    expect(log).toEqual(['refresh']);
  });

  it('shows the background’s own words when saving fails', async () => {
    const { d, shown } = deps({ saveOffline: async () => ({ error: 'Margin could not read this page.' }) });
    await popupActions(7, d).saveOffline();
    expect(shown.at(-1)).toBe('Margin could not read this page.');
  });

  it('closes once the reader opens; says so when the page has no article or the reader failed', async () => {
    const run = async (result: ReaderToggleResult) => {
      const { d, shown, log } = deps({ toggleReader: async () => result });
      await popupActions(7, d).openReader();
      return { shown, log };
    };
    expect(await run({ state: 'opened' })).toEqual({ shown: [], log: ['close'] });
    expect((await run({ state: 'no-article' })).shown).toEqual(['Margin found no article on this page.']);
    expect((await run({ state: 'error', message: 'The page refused the reader.' })).shown).toEqual([
      'The page refused the reader.',
    ]);
  });

  it('does nothing without a tab', async () => {
    const { d, shown, log } = deps();
    await popupActions(null, d).saveOffline();
    await popupActions(null, d).openReader();
    expect([shown, log]).toEqual([[], []]);
  });
});
