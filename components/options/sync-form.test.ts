import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_SYNC_SETTINGS, type SyncSettings } from '@/utils/sync/sync-settings';
import { canSyncNow, isFormDirty, saveSyncForm, testSyncForm, type SyncFormDeps } from './sync-form';

const FORM: SyncSettings = {
  ...DEFAULT_SYNC_SETTINGS,
  enabled: true,
  url: 'https://cloud.example.org/remote.php/dav/files/ann/',
  username: 'ann',
  password: 'app-password',
  folder: 'Margin',
  intervalMinutes: 15,
};

function deps(over: Partial<SyncFormDeps> = {}): SyncFormDeps & { asked: string[]; synced: number } {
  const d = {
    asked: [] as string[],
    synced: 0,
    requestPermission: async (origin: string) => {
      d.asked.push(origin);
      return true;
    },
    testConnection: async () => ({ ok: true as const }),
    saveSettings: async (s: SyncSettings) => s,
    syncNow: () => {
      d.synced++;
    },
    ...over,
  };
  return d;
}

describe('the sync form', () => {
  it('refuses a form with a bad address, says which field, and asks no permission', async () => {
    const d = deps();
    const outcome = await saveSyncForm({ ...FORM, url: 'cloud.example.org' }, d);
    expect(outcome.note).toEqual({ ok: false, kind: 'save', text: 'Some fields need attention.' });
    expect(outcome.problems.url).toBe('This is not a web address: it must start with https://');
    expect(d.asked).toEqual([]);
    expect(outcome.saved).toBeUndefined();
  });

  it('asks for the server permission before anything awaits (Firefox drops the gesture after one)', () => {
    const d = deps();
    void testSyncForm(FORM, d);
    expect(d.asked).toEqual(['https://cloud.example.org/*']);
  });

  it('says which host it needs when the permission is refused, and saves nothing', async () => {
    const saveSettings = vi.fn(async (s: SyncSettings) => s);
    const outcome = await saveSyncForm(FORM, deps({ requestPermission: async () => false, saveSettings }));
    expect(outcome.note.text).toBe('Margin needs your permission to connect to cloud.example.org to sync with it.');
    expect(saveSettings).not.toHaveBeenCalled();
  });

  it('reports a working connection with the folder, and a failing one in the server’s words', async () => {
    expect((await testSyncForm(FORM, deps())).note).toEqual({
      ok: true,
      kind: 'test',
      text: 'Connected: Margin can read and write the folder “Margin” on this server.',
    });
    const refused = deps({
      testConnection: async () => ({
        ok: false,
        kind: 'unauthorized',
        message: 'The server refused the user name or password.',
      }),
    });
    expect((await testSyncForm(FORM, refused)).note.text).toBe('The server refused the user name or password.');
    const broken = deps({ testConnection: async () => Promise.reject(new Error('boom')) });
    expect((await testSyncForm(FORM, broken)).note.text).toBe(
      'The connection test failed unexpectedly. Check the address and try again.',
    );
  });

  it('saves, says how often it syncs, and starts a sync; off, it only saves', async () => {
    const d = deps();
    const on = await saveSyncForm(FORM, d);
    expect(on.note.text).toBe('Saved. Margin syncs every 15 minutes and a few seconds after each change.');
    expect(on.saved?.url).toBe(FORM.url);
    expect(d.synced).toBe(1);
    const off = await saveSyncForm({ ...FORM, enabled: false }, d);
    expect(off.note.text).toBe('Saved. Sync is off in this browser.');
    expect(d.synced).toBe(1);
  });

  it('says nothing changed when the browser cannot store the settings', async () => {
    const outcome = await saveSyncForm(
      FORM,
      deps({ saveSettings: async () => Promise.reject(new Error('QuotaExceededError')) }),
    );
    expect(outcome.note).toMatchObject({
      ok: false,
      text: expect.stringMatching(/could not save .* Nothing was changed\.$/),
    });
    expect(outcome.saved).toBeUndefined();
  });

  it('offers Sync now only for saved, valid settings with sync on, and sees unsaved edits', () => {
    expect(canSyncNow(null)).toBe(false);
    expect(canSyncNow(FORM)).toBe(true);
    expect(canSyncNow({ ...FORM, enabled: false })).toBe(false);
    expect(isFormDirty(FORM, FORM)).toBe(false);
    expect(isFormDirty({ ...FORM, folder: 'Other' }, FORM)).toBe(true);
  });
});
