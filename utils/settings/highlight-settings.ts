/**
 * What the user chose for highlighting: the colour a plain "highlight" uses and
 * whether the toolbar appears on every text selection. Pure; stored by
 * `highlight-settings-store.ts`.
 */
import { HIGHLIGHT_COLOURS, type HighlightColour } from '@/utils/db/schema';

export interface HighlightSettings {
  /** Colour of a highlight made by the shortcut, the context menu or a click on "Highlight". */
  defaultColour: HighlightColour;
  /** Show the toolbar when text is selected; off leaves only the shortcut and the context menu. */
  toolbarOnSelect: boolean;
}

export const DEFAULT_HIGHLIGHT_SETTINGS: Readonly<HighlightSettings> = Object.freeze({
  defaultColour: 'yellow',
  toolbarOnSelect: true,
});

export function isHighlightColour(value: unknown): value is HighlightColour {
  return typeof value === 'string' && (HIGHLIGHT_COLOURS as readonly string[]).includes(value);
}

/** Repairs whatever storage holds (an older version's shape, a hand edit) into valid settings. */
export function normalizeHighlightSettings(value: unknown): HighlightSettings {
  const v = (value && typeof value === 'object' ? value : {}) as Partial<Record<keyof HighlightSettings, unknown>>;
  return {
    defaultColour: isHighlightColour(v.defaultColour) ? v.defaultColour : DEFAULT_HIGHLIGHT_SETTINGS.defaultColour,
    toolbarOnSelect:
      typeof v.toolbarOnSelect === 'boolean' ? v.toolbarOnSelect : DEFAULT_HIGHLIGHT_SETTINGS.toolbarOnSelect,
  };
}
