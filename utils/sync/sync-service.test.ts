import { describe, expect, test, vi } from 'vitest';
import { deleteHighlight, getHighlight } from '@/utils/db/highlights';
import { readMeta } from './local-sync-store';
import { createMemoryRemote, type MemoryRemote } from '@/tests/support/memory-remote';
import { RemoteError } from './remote-store';
import { createSyncService, type SyncServiceDeps } from './sync-service';
import { DEFAULT_SYNC_SETTINGS, type SyncSettings } from './sync-settings';
import { INITIAL_SYNC_STATUS, type SyncStatus } from './sync-status';
import { highlightOn, testDevice, type TestDevice } from '@/tests/support/sync-test-devices';

const URL_A = 'https://medium.com/@margin/kubecon-eu-2024-day-two';
const SETTINGS: SyncSettings = {
  ...DEFAULT_SYNC_SETTINGS,
  enabled: true,
  url: 'https://dav.example.org/',
  username: 'ana',
  password: 'pw-very-secret',
};

interface Harness {
  service: ReturnType<typeof createSyncService>;
  statuses: SyncStatus[];
  changed: ReturnType<typeof vi.fn>;
  loadSettings: ReturnType<typeof vi.fn>;
  settings: { value: SyncSettings };
  device: TestDevice;
}

function harness(
  device: TestDevice,
  remotes: Record<string, MemoryRemote>,
  extra: Partial<SyncServiceDeps> = {},
): Harness {
  const settings = { value: SETTINGS };
  const statuses: SyncStatus[] = [];
  let target: string | null = null;
  const changed = vi.fn();
  const loadSettings = vi.fn(async () => settings.value);
  const service = createSyncService({
    db: device.db,
    device: device.id,
    loadSettings,
    remote: (s) => remotes[s.folder]!,
    loadStatus: async () => statuses.at(-1) ?? INITIAL_SYNC_STATUS,
    saveStatus: async (s) => void statuses.push(s),
    loadTarget: async () => target,
    saveTarget: async (t) => void (target = t),
    changed,
    engine: { kdf: { allowWeak: true, iterations: 2000 } },
    ...extra,
  });
  return { service, statuses, changed, loadSettings, settings, device };
}

describe('sync service', () => {
  test('a highlight made in A arrives in B; the status says when and what', async () => {
    const remotes = { Margin: createMemoryRemote() };
    const a = harness(testDevice('device-a'), remotes, { now: () => 1_000_000 });
    const b = harness(testDevice('device-b'), remotes);
    const h = await highlightOn(a.device.db, URL_A, 'the hallway track', 'best part');

    expect(await a.service.status()).toMatchObject({ pending: 2 });
    const before = a.statuses.length;
    const sa = await a.service.syncNow();
    expect(sa).toMatchObject({ state: 'idle', lastSyncAt: 1_000_000, pending: 0, lastError: null, last: { sent: 2 } });
    expect(a.changed).not.toHaveBeenCalled();
    expect(a.statuses[before]).toMatchObject({ state: 'syncing' });

    expect(await b.service.syncNow()).toMatchObject({ state: 'idle', last: { received: 2, changed: 2 } });
    expect(b.changed).toHaveBeenCalledTimes(1);
    expect(await getHighlight(b.device.db, h.id)).toMatchObject({ note: 'best part' });
  });

  test('sync off or not set up: nothing runs', async () => {
    const remote = createMemoryRemote();
    const a = harness(testDevice('device-a'), { Margin: remote });
    a.settings.value = { ...SETTINGS, enabled: false };
    expect(await a.service.syncNow()).toEqual(INITIAL_SYNC_STATUS);
    a.settings.value = { ...SETTINGS, password: '' };
    expect(await a.service.syncNow()).toEqual(INITIAL_SYNC_STATUS);
    expect(remote.files.size).toBe(0);
    expect(a.statuses).toEqual([]);
  });

  test('one sync at a time: requests during a sync queue exactly one more', async () => {
    const remote = createMemoryRemote();
    let release = () => {};
    const gate = new Promise<void>((r) => (release = r));
    let held = false;
    const slow: MemoryRemote = {
      ...remote,
      async get(path) {
        if (!held) {
          held = true;
          await gate;
        }
        return remote.get(path);
      },
    };
    const a = harness(testDevice('device-a'), { Margin: slow });
    const first = a.service.syncNow();
    await vi.waitFor(() => expect(held).toBe(true));
    const second = a.service.syncNow();
    const third = a.service.syncNow({ allowMassDelete: true });
    expect(third).toBe(second);
    release();
    await Promise.all([first, second, third]);
    expect(a.loadSettings).toHaveBeenCalledTimes(2);
    expect((await second).state).toBe('idle');
  });

  test('a burst of local changes is one sync, a moment after the last', async () => {
    const a = harness(testDevice('device-a'), { Margin: createMemoryRemote() }, { debounceMs: 40 });
    a.service.soon();
    a.service.soon();
    await new Promise((r) => setTimeout(r, 20));
    a.service.soon();
    expect(a.loadSettings).not.toHaveBeenCalled();
    await vi.waitFor(() => expect(a.statuses.at(-1)?.state).toBe('idle'));
    await new Promise((r) => setTimeout(r, 80));
    expect(a.loadSettings).toHaveBeenCalledTimes(1);
  });

  test('a failure is a readable error that never holds the password; the next sync clears it', async () => {
    const remote = createMemoryRemote();
    const a = harness(testDevice('device-a'), { Margin: remote });
    await highlightOn(a.device.db, URL_A, 'the hallway track');
    remote.before = () => {
      throw new RemoteError('unauthorized', 'Wrong user name or password (401).', 401);
    };
    expect(await a.service.syncNow()).toMatchObject({
      state: 'error',
      lastError: 'Wrong user name or password (401).',
      pending: 2,
    });

    remote.before = () => {
      throw new Error(`request with ${SETTINGS.password} failed`);
    };
    const failed = await a.service.syncNow();
    expect(failed.lastError).toMatch(/could not finish syncing/);
    expect(JSON.stringify(a.statuses)).not.toContain(SETTINGS.password);

    remote.before = undefined;
    expect(await a.service.syncNow()).toMatchObject({ state: 'idle', lastError: null, pending: 0 });
  });

  test('a sync that would delete most records asks first; the user’s yes goes ahead', async () => {
    const remotes = { Margin: createMemoryRemote() };
    const engine = { kdf: { allowWeak: true, iterations: 2000 }, failsafeMin: 2 };
    const a = harness(testDevice('device-a'), remotes, { engine });
    const b = harness(testDevice('device-b'), remotes, { engine });
    const hs = [
      await highlightOn(a.device.db, URL_A, 'one'),
      await highlightOn(a.device.db, URL_A, 'two'),
      await highlightOn(a.device.db, URL_A, 'three'),
    ];
    await a.service.syncNow();
    await b.service.syncNow();
    b.device.tick();
    for (const h of hs) await deleteHighlight(b.device.db, h.id);
    expect(await b.service.syncNow()).toMatchObject({ state: 'idle', last: { sent: 3 } });

    const asked = await a.service.syncNow();
    expect(asked).toMatchObject({ state: 'needs-confirmation', confirm: { deletes: 3, live: 4 } });
    expect(await getHighlight(a.device.db, hs[0]!.id)).not.toBeNull();

    expect(await a.service.syncNow({ allowMassDelete: true })).toMatchObject({ state: 'idle', confirm: null });
    expect(await getHighlight(a.device.db, hs[0]!.id)).toBeNull();
  });

  test('progress is reported while a sync runs', async () => {
    const remote = createMemoryRemote();
    const a = harness(testDevice('device-a'), { Margin: remote }, { progressEveryMs: 0 });
    for (let i = 0; i < 5; i++) await highlightOn(a.device.db, `${URL_A}/${i}`, `passage ${i}`);
    await a.service.syncNow();
    expect(a.statuses.some((s) => s.state === 'syncing' && s.progress?.phase === 'sending')).toBe(true);
  });

  test('another folder: everything is sent to it, and change numbers are never reused', async () => {
    const remotes = { Margin: createMemoryRemote(), Other: createMemoryRemote() };
    const a = harness(testDevice('device-a'), remotes);
    const h = await highlightOn(a.device.db, URL_A, 'the hallway track');
    await a.service.syncNow();
    const seqBefore = (await readMeta(a.device.db)).nextSeq;

    a.settings.value = { ...SETTINGS, folder: 'Other' };
    expect(await a.service.syncNow()).toMatchObject({ state: 'idle', last: { sent: 2 } });
    expect((await readMeta(a.device.db)).nextSeq).toBe(seqBefore + 1);

    const b = harness(testDevice('device-b'), remotes);
    b.settings.value = a.settings.value;
    await b.service.syncNow();
    expect(await getHighlight(b.device.db, h.id)).not.toBeNull();
  });

  test('a status left as “syncing” by a stopped worker reads as idle', async () => {
    const a = harness(
      testDevice('device-a'),
      { Margin: createMemoryRemote() },
      {
        loadStatus: async () => ({
          ...INITIAL_SYNC_STATUS,
          state: 'syncing',
          progress: { phase: 'reading', done: 1, total: 9 },
        }),
      },
    );
    a.settings.value = { ...SETTINGS, enabled: false };
    expect(await a.service.status()).toMatchObject({ state: 'idle', progress: null });
  });
});
