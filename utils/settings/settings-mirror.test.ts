import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { DEFAULT_READER_SETTINGS } from '@/utils/settings/reader-settings';
import { loadReaderSettings, saveReaderSettings } from '@/utils/settings/reader-settings-store';
import { stableStringify } from '@/utils/db/record-content';
import { reconcileSetting } from './settings-mirror';
import { startSettingsMirror } from './settings-mirror-sync';

const dark = { ...DEFAULT_READER_SETTINGS, theme: 'dark' as const };
const sepia = { ...DEFAULT_READER_SETTINGS, theme: 'sepia' as const };
const big = { ...DEFAULT_READER_SETTINGS, fontSize: 26 };
const base = (v: unknown) => stableStringify(v);

describe('reconcileSetting', () => {
  test('nothing on either side: nothing to do', () => {
    expect(reconcileSetting('readerSettings', undefined, null, undefined)).toEqual({});
  });

  test('only one side has it: the other takes it', () => {
    expect(reconcileSetting('readerSettings', dark, undefined, undefined)).toEqual({ toSync: dark, base: base(dark) });
    expect(reconcileSetting('readerSettings', undefined, dark, undefined)).toEqual({ toLocal: dark, base: base(dark) });
  });

  test('equal sides write nothing but remember the agreement', () => {
    expect(reconcileSetting('readerSettings', dark, { ...dark }, undefined)).toEqual({ base: base(dark) });
    expect(reconcileSetting('readerSettings', dark, dark, base(dark))).toEqual({});
  });

  test('the side that moved since the last agreement wins', () => {
    expect(reconcileSetting('readerSettings', sepia, dark, base(dark))).toEqual({ toSync: sepia, base: base(sepia) });
    expect(reconcileSetting('readerSettings', dark, sepia, base(dark))).toEqual({ toLocal: sepia, base: base(sepia) });
  });

  test('both moved, or never agreed: the account’s copy wins', () => {
    expect(reconcileSetting('readerSettings', sepia, big, base(dark))).toEqual({ toLocal: big, base: base(big) });
    expect(reconcileSetting('readerSettings', sepia, big, undefined)).toEqual({ toLocal: big, base: base(big) });
  });

  test('values are compared normalized, and a broken copy in the account is repaired', () => {
    expect(reconcileSetting('readerSettings', DEFAULT_READER_SETTINGS, { theme: 42 }, undefined)).toEqual({
      base: base(DEFAULT_READER_SETTINGS),
    });
  });

  test('keys that are not mirrored are never touched', () => {
    expect(reconcileSetting('syncSettings', { password: 'x' }, undefined, undefined)).toEqual({});
  });
});

describe('startSettingsMirror', () => {
  beforeEach(() => fakeBrowser.reset());
  let stop = () => {};
  afterEach(() => stop());

  async function start() {
    const mirror = startSettingsMirror(fakeBrowser.storage);
    stop = mirror.stop;
    await mirror.ready;
  }

  test('a change here reaches the account; one from the account lands here', async () => {
    await start();
    await saveReaderSettings(dark);
    await vi.waitFor(async () =>
      expect((await fakeBrowser.storage.sync.get('readerSettings')).readerSettings).toEqual(dark),
    );

    await fakeBrowser.storage.sync.set({ highlightSettings: { defaultColour: 'green', toolbarOnSelect: false } });
    await vi.waitFor(async () =>
      expect((await fakeBrowser.storage.local.get('highlightSettings')).highlightSettings).toEqual({
        defaultColour: 'green',
        toolbarOnSelect: false,
      }),
    );
  });

  test('a browser joining the account takes its settings at start', async () => {
    await fakeBrowser.storage.sync.set({ readerSettings: sepia });
    await start();
    expect(await loadReaderSettings()).toEqual(sepia);
  });

  test('no loop: each change is written once to each side', async () => {
    await start();
    const localSet = vi.spyOn(fakeBrowser.storage.local, 'set');
    const syncSet = vi.spyOn(fakeBrowser.storage.sync, 'set');
    await saveReaderSettings(big);
    await vi.waitFor(async () =>
      expect((await fakeBrowser.storage.sync.get('readerSettings')).readerSettings).toEqual(big),
    );
    await new Promise((r) => setTimeout(r, 50));
    expect(syncSet).toHaveBeenCalledTimes(1);
    // The user's save, and the mirror's note of the agreed value.
    expect(localSet.mock.calls.filter(([items]) => 'readerSettings' in items)).toHaveLength(1);
    localSet.mockClear();
    syncSet.mockClear();

    await fakeBrowser.storage.sync.set({ readerSettings: dark });
    await vi.waitFor(async () => expect(await loadReaderSettings()).toEqual(dark));
    await new Promise((r) => setTimeout(r, 50));
    expect(syncSet).toHaveBeenCalledTimes(1); // the test's own write
    expect(localSet.mock.calls.filter(([items]) => 'readerSettings' in items)).toHaveLength(1);
  });

  test('the sync settings (with their password) never go to storage.sync', async () => {
    await start();
    await fakeBrowser.storage.local.set({ syncSettings: { password: 'hunter2-secret' }, readerSettings: dark });
    await vi.waitFor(async () => expect((await fakeBrowser.storage.sync.get(null)).readerSettings).toEqual(dark));
    expect(JSON.stringify(await fakeBrowser.storage.sync.get(null))).not.toContain('hunter2-secret');
  });

  test('a browser without storage.sync: nothing happens', async () => {
    const storage = { ...fakeBrowser.storage, sync: undefined } as unknown as typeof fakeBrowser.storage;
    const mirror = startSettingsMirror(storage);
    await mirror.ready;
    mirror.stop();
  });
});
