/**
 * Persists highlight settings in `browser.storage.local`, read by the content
 * script (toolbar, default colour) and written by the options page.
 */
import { normalizedSetting } from '@/utils/settings/normalized-setting';
import { DEFAULT_HIGHLIGHT_SETTINGS, normalizeHighlightSettings } from './highlight-settings';

const highlightSettings = normalizedSetting(
  'highlightSettings',
  DEFAULT_HIGHLIGHT_SETTINGS,
  normalizeHighlightSettings,
);

export const loadHighlightSettings = highlightSettings.load;
export const saveHighlightSettings = highlightSettings.save;
export const watchHighlightSettings = highlightSettings.watch;
