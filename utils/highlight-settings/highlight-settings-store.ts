/**
 * Persists highlight settings in `browser.storage.local`, read by the content
 * script (toolbar, default colour) and written by the options page.
 */
import { storage } from 'wxt/utils/storage';
import { DEFAULT_HIGHLIGHT_SETTINGS, normalizeHighlightSettings, type HighlightSettings } from './highlight-settings';

const highlightSettingsItem = storage.defineItem<HighlightSettings>('local:highlightSettings', {
  fallback: { ...DEFAULT_HIGHLIGHT_SETTINGS },
});

export async function loadHighlightSettings(): Promise<HighlightSettings> {
  return normalizeHighlightSettings(await highlightSettingsItem.getValue());
}

export async function saveHighlightSettings(settings: HighlightSettings): Promise<HighlightSettings> {
  const valid = normalizeHighlightSettings(settings);
  await highlightSettingsItem.setValue(valid);
  return valid;
}

/** @return a function that stops watching */
export function watchHighlightSettings(onChange: (settings: HighlightSettings) => void): () => void {
  return highlightSettingsItem.watch((value) => onChange(normalizeHighlightSettings(value)));
}
