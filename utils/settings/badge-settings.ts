/**
 * What the toolbar button's badge counts: the highlights on the page in the tab (as
 * before the reading list: the default), the articles waiting unread on the reading
 * list (the same number on every tab), or nothing. Pure; stored by `badge-settings-store.ts`.
 */

export const BADGE_COUNTS = ['page-highlights', 'unread', 'off'] as const;
export type BadgeCount = (typeof BADGE_COUNTS)[number];

export interface BadgeSettings {
  badgeCount: BadgeCount;
}

export const DEFAULT_BADGE_SETTINGS: Readonly<BadgeSettings> = Object.freeze({ badgeCount: 'page-highlights' });

/** Repairs whatever storage holds (a hand edit, a value from a newer version) into valid settings. */
export function normalizeBadgeSettings(value: unknown): BadgeSettings {
  const v = (value && typeof value === 'object' ? value : {}) as Partial<Record<keyof BadgeSettings, unknown>>;
  const count = BADGE_COUNTS.find((c) => c === v.badgeCount);
  return { badgeCount: count ?? DEFAULT_BADGE_SETTINGS.badgeCount };
}

/**
 * The badge's text for a count: empty for none (the badge disappears), "999+" past what fits.
 * @param count - highlights on the page or unread articles, by the setting
 */
export function badgeText(count: number): string {
  if (!(count > 0)) return '';
  return count > 999 ? '999+' : String(Math.floor(count));
}
