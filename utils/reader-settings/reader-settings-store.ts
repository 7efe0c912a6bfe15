/**
 * Persists reader settings in `browser.storage.local` so every tab and every
 * later visit opens the reader the way the user left it.
 */
import { storage } from 'wxt/utils/storage';
import { DEFAULT_READER_SETTINGS, normalizeReaderSettings, type ReaderSettings } from './reader-settings';

const readerSettingsItem = storage.defineItem<ReaderSettings>('local:readerSettings', {
  fallback: { ...DEFAULT_READER_SETTINGS },
});

/** The stored settings, repaired if storage holds something invalid. */
export async function loadReaderSettings(): Promise<ReaderSettings> {
  return normalizeReaderSettings(await readerSettingsItem.getValue());
}

/** Saves settings after normalizing them; returns what was saved. */
export async function saveReaderSettings(settings: ReaderSettings): Promise<ReaderSettings> {
  const valid = normalizeReaderSettings(settings);
  await readerSettingsItem.setValue(valid);
  return valid;
}

/**
 * Calls `onChange` when settings change in any context (another tab, the options page).
 * @return a function that stops watching
 */
export function watchReaderSettings(onChange: (settings: ReaderSettings) => void): () => void {
  return readerSettingsItem.watch((value) => onChange(normalizeReaderSettings(value)));
}
