import { describe, expect, it } from 'vitest';
import { DEFAULT_HIGHLIGHT_SETTINGS, normalizeHighlightSettings } from './highlight-settings';

describe('normalizeHighlightSettings', () => {
  it('keeps valid settings', () => {
    expect(normalizeHighlightSettings({ defaultColour: 'blue', toolbarOnSelect: false })).toEqual({
      defaultColour: 'blue',
      toolbarOnSelect: false,
    });
  });

  it('repairs unknown colours and missing fields field by field', () => {
    expect(normalizeHighlightSettings({ defaultColour: 'red' })).toEqual(DEFAULT_HIGHLIGHT_SETTINGS);
    expect(normalizeHighlightSettings({ toolbarOnSelect: false }).toolbarOnSelect).toBe(false);
    expect(normalizeHighlightSettings('garbage')).toEqual(DEFAULT_HIGHLIGHT_SETTINGS);
    expect(normalizeHighlightSettings(null)).toEqual(DEFAULT_HIGHLIGHT_SETTINGS);
  });
});
