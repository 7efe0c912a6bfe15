/**
 * Persists the badge setting in `browser.storage.local`: written by the options page,
 * read and watched by the background, which keeps the badge.
 */
import { normalizedSetting } from '@/utils/settings/normalized-setting';
import { DEFAULT_BADGE_SETTINGS, normalizeBadgeSettings } from './badge-settings';

const badgeSettings = normalizedSetting('badgeSettings', DEFAULT_BADGE_SETTINGS, normalizeBadgeSettings);

export const loadBadgeSettings = badgeSettings.load;
export const saveBadgeSettings = badgeSettings.save;
export const watchBadgeSettings = badgeSettings.watch;
