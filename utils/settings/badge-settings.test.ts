import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, test } from 'vitest';
import { badgeText, DEFAULT_BADGE_SETTINGS, normalizeBadgeSettings } from './badge-settings';
import { loadBadgeSettings, saveBadgeSettings, watchBadgeSettings } from './badge-settings-store';

beforeEach(() => fakeBrowser.reset());

describe('badge setting', () => {
  test('a first run counts the page’s highlights, as before the reading list', async () => {
    expect(await loadBadgeSettings()).toEqual({ badgeCount: 'page-highlights' });
  });

  test.each(['unread', 'off', 'page-highlights'] as const)('%s is kept', async (badgeCount) => {
    await saveBadgeSettings({ badgeCount });
    expect(await loadBadgeSettings()).toEqual({ badgeCount });
  });

  test('anything else stored is repaired to the default', async () => {
    await fakeBrowser.storage.local.set({ badgeSettings: { badgeCount: 'everything' } });
    expect(await loadBadgeSettings()).toEqual(DEFAULT_BADGE_SETTINGS);
    expect(normalizeBadgeSettings('garbage')).toEqual(DEFAULT_BADGE_SETTINGS);
    expect(normalizeBadgeSettings(null)).toEqual(DEFAULT_BADGE_SETTINGS);
  });

  test('the background is told when the options page changes it', async () => {
    const seen: string[] = [];
    const stop = watchBadgeSettings((s) => seen.push(s.badgeCount));
    await saveBadgeSettings({ badgeCount: 'unread' });
    stop();
    await saveBadgeSettings({ badgeCount: 'off' });
    expect(seen).toEqual(['unread']);
  });
});

test.each([
  [0, ''],
  [-1, ''],
  [7, '7'],
  [999, '999'],
  [1000, '999+'],
])('badge text for %d is %j', (count, text) => {
  expect(badgeText(count)).toBe(text);
});
