import { describe, expect, test } from 'vitest';
import { describeSyncStatus, INITIAL_SYNC_STATUS, normalizeSyncStatus, timeAgo } from './sync-status';

const NOW = Date.UTC(2024, 4, 1, 12);

describe('describeSyncStatus', () => {
  test('idle: when, and what waits', () => {
    expect(describeSyncStatus(INITIAL_SYNC_STATUS, NOW)).toBe('Not synced yet');
    expect(describeSyncStatus({ ...INITIAL_SYNC_STATUS, lastSyncAt: NOW - 3 * 60_000, pending: 2 }, NOW)).toBe(
      'Synced 3 minutes ago · 2 changes to send',
    );
    expect(describeSyncStatus({ ...INITIAL_SYNC_STATUS, lastSyncAt: NOW - 1000, pending: 0 }, NOW)).toBe(
      'Synced just now',
    );
  });

  test('syncing, with progress during a long first sync', () => {
    expect(describeSyncStatus({ ...INITIAL_SYNC_STATUS, state: 'syncing' }, NOW)).toBe('Syncing…');
    expect(
      describeSyncStatus(
        { ...INITIAL_SYNC_STATUS, state: 'syncing', progress: { phase: 'reading', done: 1200, total: 50000 } },
        NOW,
      ),
    ).toBe('Syncing: Receiving… 1,200 of 50,000');
  });

  test('errors and the deletion question', () => {
    expect(
      describeSyncStatus(
        {
          ...INITIAL_SYNC_STATUS,
          state: 'error',
          lastError: 'Wrong user name or password (401).',
          lastSyncAt: NOW - 7200_000,
        },
        NOW,
      ),
    ).toBe('Sync failed (last synced 2 hours ago): Wrong user name or password (401).');
    expect(
      describeSyncStatus(
        { ...INITIAL_SYNC_STATUS, state: 'needs-confirmation', confirm: { deletes: 40, live: 100 } },
        NOW,
      ),
    ).toMatch(/delete 40/);
  });
});

test('timeAgo', () => {
  expect(timeAgo(NOW - 60_000, NOW)).toBe('1 minute ago');
  expect(timeAgo(NOW - 3600_000, NOW)).toBe('1 hour ago');
  expect(timeAgo(NOW - 3 * 86400_000, NOW)).toMatch(/^on /);
});

test('a stored status of any shape is repaired', () => {
  expect(normalizeSyncStatus(undefined)).toEqual(INITIAL_SYNC_STATUS);
  expect(normalizeSyncStatus({ state: 'weird', pending: '3', warnings: ['a', 1] })).toEqual({
    ...INITIAL_SYNC_STATUS,
    warnings: ['a'],
  });
});
