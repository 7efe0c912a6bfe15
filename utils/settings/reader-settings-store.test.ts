import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, expect, test } from 'vitest';
import { DEFAULT_READER_SETTINGS } from './reader-settings';
import { loadReaderSettings, saveReaderSettings, watchReaderSettings } from './reader-settings-store';

beforeEach(() => fakeBrowser.reset());

test('a first run gets the defaults', async () => {
  expect(await loadReaderSettings()).toEqual(DEFAULT_READER_SETTINGS);
});

test('saved settings come back on the next load', async () => {
  await saveReaderSettings({ ...DEFAULT_READER_SETTINGS, theme: 'dark', fontSize: 24 });
  expect(await loadReaderSettings()).toMatchObject({ theme: 'dark', fontSize: 24 });
});

test('a corrupted stored value is repaired, not thrown', async () => {
  await fakeBrowser.storage.local.set({ readerSettings: { theme: 42, fontSize: 'huge' } });
  expect(await loadReaderSettings()).toEqual(DEFAULT_READER_SETTINGS);
});

test('other contexts are told about a change', async () => {
  const seen: string[] = [];
  const stop = watchReaderSettings((s) => seen.push(s.theme));
  await saveReaderSettings({ ...DEFAULT_READER_SETTINGS, theme: 'sepia' });
  stop();
  await saveReaderSettings({ ...DEFAULT_READER_SETTINGS, theme: 'light' });
  expect(seen).toEqual(['sepia']);
});
