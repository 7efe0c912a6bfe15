/**
 * Sync in the background: the timer (an alarm, which survives the service worker
 * being stopped), a sync a few seconds after each local change, "Sync now", and
 * resolving page-note conflicts. What a sync does and when it may run is
 * `utils/sync/sync-service.ts`; this only connects it to the browser.
 */
import { browser } from 'wxt/browser';
import { setPageNote, StorageFullError, type MarginDb } from '@/utils/db';
import { registerRoutes } from '@/utils/messaging/message-router';
import { SYNC_SCHEMAS } from '@/utils/messaging/message-schemas';
import { syncMessenger, type SyncProtocol } from '@/utils/messaging/sync-protocol';
import { pageMessenger } from '@/utils/messaging/page-protocol';
import { createSyncService } from '@/utils/sync/sync-service';
import { moveSyncSecretsToIndexedDb } from '@/utils/sync/sync-secrets-migration';
import { isSyncConfigured, webDavConfigOf, type SyncSettings } from '@/utils/sync/sync-settings';
import { loadSyncSettings, loadSyncTarget, saveSyncTarget, watchSyncSettings } from '@/utils/sync/sync-settings-store';
import { loadSyncStatus, saveSyncStatus } from '@/utils/sync/sync-status-store';
import { createWebDavRemote } from '@/utils/sync/webdav-remote';

const ALARM = 'margin-sync';

export interface SyncHooks {
  /** Records of this article were written outside the annotation messages: repaint its tabs. */
  recordsWritten(articleId: string): Promise<void>;
}

/** @return what the rest of the background calls when the user changes something */
export function startSyncInBackground(database: Promise<MarginDb>, hooks: SyncHooks) {
  const service = database.then((db) =>
    createSyncService({
      db,
      // database() always opens with this browser's id.
      device: db.deviceId!,
      loadSettings: loadSyncSettings,
      remote: (settings) => createWebDavRemote(webDavConfigOf(settings)),
      loadStatus: loadSyncStatus,
      saveStatus: saveSyncStatus,
      loadTarget: loadSyncTarget,
      saveTarget: saveSyncTarget,
      changed: () => void repaintEveryTab(),
    }),
  );

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === ALARM) void service.then((s) => s.syncNow());
  });
  browser.runtime.onStartup.addListener(() => void service.then((s) => s.soon()));
  // Upgrade first: credentials an older version kept in storage.local, where content
  // scripts can read them, move to the extension's IndexedDB (if that fails they stay
  // where they were, still used, and the next start or settings read tries again).
  void moveSyncSecretsToIndexedDb()
    .catch((error: unknown) => console.warn('Margin: sync credentials not moved yet', error))
    .then(loadSyncSettings)
    .then(scheduleAlarm);
  // Told of changes to the server, account, folder, interval or on/off; a new password
  // alone need not be announced, and needs nothing here: each sync reads the settings afresh.
  watchSyncSettings((settings) => {
    void scheduleAlarm(settings);
    void service.then((s) => {
      if (settings.enabled) s.soon();
      else void s.clearStatus();
    });
  });

  // Sync is asked for only by Margin's own pages (options, popup, side panel): never a web page.
  registerRoutes<SyncProtocol>(
    syncMessenger,
    {
      'sync:now': {
        schema: SYNC_SCHEMAS['sync:now'],
        from: 'extension',
        handle: async (data) => (await service).syncNow({ allowMassDelete: data?.allowMassDelete === true }),
      },
      'sync:status': {
        schema: SYNC_SCHEMAS['sync:status'],
        from: 'extension',
        handle: async () => (await service).status(),
      },
      'page-note:resolve': {
        schema: SYNC_SCHEMAS['page-note:resolve'],
        from: 'extension',
        refusal: (error) => ({ error }),
        async handle(data) {
          try {
            const note = await setPageNote(await database, data.articleId, data.text, { resolveConflicts: true });
            await hooks.recordsWritten(data.articleId);
            return note;
          } catch (error) {
            if (error instanceof StorageFullError) return { error: error.message };
            return {
              error: `Margin could not keep this version: ${error instanceof Error ? error.message : String(error)}`,
            };
          }
        },
      },
    },
    { id: browser.runtime.id, origin: browser.runtime.getURL('/') },
  );

  return {
    /** Something was written here: sync once the user pauses. */
    localChange(): void {
      void service.then((s) => s.soon());
    },
  };
}

/** Alarms persist, so only a changed interval (or sync turned off) touches them. */
async function scheduleAlarm(settings: SyncSettings): Promise<void> {
  if (!settings.enabled || !isSyncConfigured(settings)) {
    await browser.alarms.clear(ALARM);
    return;
  }
  const existing = await browser.alarms.get(ALARM);
  if (existing?.periodInMinutes === settings.intervalMinutes) return;
  await browser.alarms.create(ALARM, {
    delayInMinutes: settings.intervalMinutes,
    periodInMinutes: settings.intervalMinutes,
  });
}

/** A sync may have brought anything for any page: every tab refetches (tabs without Margin just refuse). */
async function repaintEveryTab(): Promise<void> {
  const tabs = await browser.tabs.query({});
  for (const tab of tabs) {
    if (tab.id == null) continue;
    void pageMessenger.sendMessage('highlights:changed', { articleId: '', all: true }, tab.id).catch(() => undefined);
  }
}
