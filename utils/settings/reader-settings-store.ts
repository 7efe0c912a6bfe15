/**
 * Persists reader settings in `browser.storage.local` so every tab and every
 * later visit opens the reader the way the user left it.
 */
import { normalizedSetting } from '@/utils/settings/normalized-setting';
import { DEFAULT_READER_SETTINGS, normalizeReaderSettings } from './reader-settings';

const readerSettings = normalizedSetting('readerSettings', DEFAULT_READER_SETTINGS, normalizeReaderSettings);

export const loadReaderSettings = readerSettings.load;
export const saveReaderSettings = readerSettings.save;
export const watchReaderSettings = readerSettings.watch;
