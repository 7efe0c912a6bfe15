/**
 * When and how the background syncs: on request ("Sync now", the timer, a few
 * seconds after a local change), one sync at a time, and the status the popup and
 * options page watch. Apart from the browser: settings, status storage, the remote
 * and the repaint are handed in, so tests run it on fake-indexeddb and a memory store.
 */
import type { MarginDb } from '@/utils/db/margin-db';
import { readMeta, resetSyncState, writeMeta } from './local-sync-store';
import type { RemoteStore } from './remote-store';
import type { KdfOptions, SyncKey } from './sync-crypto';
import { pendingChanges, syncOnce, type SyncOptions, type SyncProgress } from './sync-engine';
import { redact, syncErrorMessage } from './sync-error-message';
import { isSyncConfigured, secretsOf, syncTargetOf, type SyncSettings } from './sync-settings';
import { INITIAL_SYNC_STATUS, type SyncStatus } from './sync-status';

export interface SyncServiceDeps {
  db: MarginDb;
  /** This browser's id: names its files in the folder. */
  device: string;
  loadSettings(): Promise<SyncSettings>;
  remote(settings: SyncSettings): RemoteStore;
  loadStatus(): Promise<SyncStatus>;
  saveStatus(status: SyncStatus): Promise<void>;
  /** The folder the sync state in the database belongs to (`syncTargetOf`), or null. */
  loadTarget(): Promise<string | null>;
  saveTarget(target: string): Promise<void>;
  /** A sync wrote records here: pages showing them should repaint. */
  changed(): void;
  now?: () => number;
  /** Wait after a local change before syncing, so a burst of edits is one sync. */
  debounceMs?: number;
  /** Least time between two progress writes (each one wakes every watcher). */
  progressEveryMs?: number;
  /** Tests only: the engine's knobs (weak KDF, small files). */
  engine?: Partial<
    Pick<SyncOptions, 'docsPerFile' | 'docsPerPart' | 'compactAfter' | 'failsafeMin' | 'failsafeShare'>
  > & {
    kdf?: KdfOptions & { iterations?: number };
  };
}

export interface SyncRequest {
  /** The user confirmed the deletions the last sync asked about. */
  allowMassDelete?: boolean;
}

export type SyncService = ReturnType<typeof createSyncService>;

export function createSyncService(deps: SyncServiceDeps) {
  const now = deps.now ?? Date.now;
  const debounceMs = deps.debounceMs ?? 5000;
  const progressEveryMs = deps.progressEveryMs ?? 250;
  // Deriving a key takes a third of a second: once per worker, not once per sync.
  const keys = new Map<string, SyncKey>();

  let status: Promise<SyncStatus> | null = null;
  let running: Promise<SyncStatus> | null = null;
  let queued: { request: SyncRequest; done: Promise<SyncStatus> } | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;

  function current(): Promise<SyncStatus> {
    // A status saved as `syncing` by a worker the browser stopped mid-sync: nothing runs now.
    status ??= deps.loadStatus().then((s) => (s.state === 'syncing' ? { ...s, state: 'idle', progress: null } : s));
    return status;
  }

  async function update(patch: Partial<SyncStatus>): Promise<SyncStatus> {
    const next = { ...(await current()), ...patch };
    status = Promise.resolve(next);
    await deps.saveStatus(next);
    return next;
  }

  async function run(request: SyncRequest): Promise<SyncStatus> {
    const settings = await deps.loadSettings();
    if (!settings.enabled || !isSyncConfigured(settings)) return current();
    const secrets = secretsOf(settings);
    await update({ state: 'syncing', progress: null });
    let lastProgressAt = 0;
    const onProgress = (progress: SyncProgress) => {
      const t = now();
      if (t - lastProgressAt < progressEveryMs && progress.done < progress.total) return;
      lastProgressAt = t;
      void update({ progress });
    };
    try {
      await switchTarget(settings);
      const result = await syncOnce({
        ...deps.engine,
        db: deps.db,
        remote: deps.remote(settings),
        device: deps.device,
        passphrase: settings.passphrase || null,
        allowMassDelete: request.allowMassDelete === true,
        keys,
        onProgress,
      });
      const pending = await pendingChanges(deps.db, deps.device);
      if (result.status === 'confirm-deletions') {
        const { deletes, live } = result;
        return await update({
          state: 'needs-confirmation',
          confirm: { deletes, live },
          progress: null,
          pending,
          lastError: null,
        });
      }
      if (result.changed > 0) deps.changed();
      const { received, changed, sent, conflicts } = result;
      return await update({
        state: 'idle',
        lastSyncAt: now(),
        lastError: null,
        progress: null,
        confirm: null,
        pending,
        last: { received, changed, sent, conflicts },
        warnings: result.warnings.slice(0, 20).map((w) => redact(w, secrets)),
      });
    } catch (error) {
      const pending = await pendingChanges(deps.db, deps.device).catch(async () => (await current()).pending);
      return update({ state: 'error', lastError: syncErrorMessage(error, secrets), progress: null, pending });
    }
  }

  /**
   * Another server, account or folder: what the database remembers having read and
   * sent is about the old one. The change counter is kept, so a device that comes
   * back to a folder it wrote to before never reuses a number others have read.
   */
  async function switchTarget(settings: SyncSettings): Promise<void> {
    const target = syncTargetOf(settings);
    const before = await deps.loadTarget();
    if (before === target) return;
    if (before !== null) {
      const { nextSeq } = await readMeta(deps.db);
      await resetSyncState(deps.db);
      await writeMeta(deps.db, { nextSeq });
    }
    await deps.saveTarget(target);
  }

  function start(request: SyncRequest): Promise<SyncStatus> {
    const done = run(request).finally(() => {
      if (running === done) running = null;
    });
    running = done;
    return done;
  }

  /** Syncs now; while a sync runs, one more is queued (requests meanwhile join it). */
  function syncNow(request: SyncRequest = {}): Promise<SyncStatus> {
    if (timer) {
      clearTimeout(timer);
      timer = null;
    }
    if (!running) return start(request);
    if (queued) {
      queued.request = { allowMassDelete: queued.request.allowMassDelete || request.allowMassDelete };
      return queued.done;
    }
    const next: { request: SyncRequest; done: Promise<SyncStatus> } = {
      request,
      done: running
        .catch(() => undefined)
        .then(() => {
          queued = null;
          return start(next.request);
        }),
    };
    queued = next;
    return next.done;
  }

  return {
    syncNow,

    /** A local change: sync once things have been quiet for a few seconds. */
    soon(): void {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = null;
        void syncNow();
      }, debounceMs);
    },

    /** The status with a fresh count of changes waiting (not while a sync runs: it counts itself). */
    async status(): Promise<SyncStatus> {
      const settings = await deps.loadSettings();
      if (running || !settings.enabled || !isSyncConfigured(settings)) return current();
      return update({ pending: await pendingChanges(deps.db, deps.device) });
    },

    /** Sync was turned off or set up afresh: drop what the last one said. */
    async clearStatus(): Promise<SyncStatus> {
      if (running) return current();
      return update({ ...INITIAL_SYNC_STATUS, lastSyncAt: (await current()).lastSyncAt });
    },

    /** Stops a pending debounced sync (tests, shutdown). */
    cancel(): void {
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}
