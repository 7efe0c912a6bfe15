/**
 * Background: owns the database (content scripts cannot open it) and answers the
 * annotation messages; turns the keyboard commands, context-menu entries and
 * reader messages into actions in the right tab; keeps each tab's badge count;
 * runs sync (`sync-in-background.ts`) and the search index backfill after a schema
 * upgrade (`backfill-pair-indexes.ts`), and mirrors the look-and-feel settings to
 * the browser's own `storage.sync`.
 */
import { createAnnotationService } from '@/utils/annotations/annotation-service';
import { backfillSiteWords, backfillTagWords } from '@/utils/db/backfill-pair-indexes';
import { loadHighlightSettings } from '@/utils/highlight-settings/highlight-settings-store';
import { marginMessenger } from '@/utils/messaging/margin-protocol';
import { pageMessenger } from '@/utils/messaging/page-protocol';
import { readerMessenger, type ReaderToggleResult } from '@/utils/messaging/reader-protocol';
import { startSettingsMirror } from '@/utils/settings-sync/settings-mirror-sync';
import { database } from './database';
import { extractInTab, toggleReader } from './reader-in-tab';
import { startSyncInBackground } from './sync-in-background';

const MENU_TOGGLE_READER = 'margin-toggle-reader';
const MENU_HIGHLIGHT = 'margin-highlight';
const COMMAND_TOGGLE_READER = 'toggle-reader';
const COMMAND_HIGHLIGHT = 'highlight-selection';

/** The toolbar button is `action` in MV3 and `browserAction` in Firefox's MV2 build. */
function toolbarAction() {
  return browser.action ?? browser.browserAction;
}

/** Tells the user on the toolbar button when the reader could not open. */
async function report(tabId: number, result: ReaderToggleResult) {
  const action = toolbarAction();
  if (result.state === 'error') {
    await action.setBadgeText({ tabId, text: '!' });
    await action.setTitle({ tabId, title: result.message });
  }
}

async function toggleAndReport(tabId: number | undefined) {
  if (tabId == null || tabId < 0) return;
  await report(tabId, await toggleReader(tabId));
}

async function activeTabId(tab?: { id?: number }): Promise<number | undefined> {
  return tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
}

/** Pages Margin cannot run in (a new tab, browser settings) have no listener: that is not an error. */
function tellTab<T>(send: () => Promise<T>): Promise<T | undefined> {
  return send().catch(() => undefined);
}

export default defineBackground(() => {
  const sync = startSyncInBackground(database(), {
    recordsWritten: async (articleId) => (await service).recordsImported([articleId]),
  });
  startSettingsMirror();
  // Resumes at every start until done (the worker may be stopped mid-way); search copes meanwhile.
  void database()
    .then(async (db) => {
      await backfillTagWords(db);
      await backfillSiteWords(db);
    })
    .catch((error: unknown) => console.warn('Margin: filling the tag and site search indexes failed; it will retry at next start', error));
  const service = database().then((db) =>
    createAnnotationService(db, {
      articleChanged: (articleId, tabIds) => {
        for (const tabId of tabIds) void tellTab(() => pageMessenger.sendMessage('highlights:changed', { articleId }, tabId));
        // Every write the user makes through the background ends here.
        sync.localChange();
      },
      badge: (tabId, count) => {
        const action = toolbarAction();
        void action.setBadgeText({ tabId, text: count ? String(count) : '' }).catch(() => undefined);
        void action.setBadgeBackgroundColor?.({ tabId, color: '#6e40c9' })?.catch(() => undefined);
      },
      settings: loadHighlightSettings,
    }),
  );

  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({ id: MENU_TOGGLE_READER, title: 'Open in reader view', contexts: ['page'] });
    browser.contextMenus.create({ id: MENU_HIGHLIGHT, title: 'Highlight with Margin', contexts: ['selection'] });
  });

  toolbarAction().onClicked?.addListener((tab) => void toggleAndReport(tab.id));

  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === MENU_TOGGLE_READER) void toggleAndReport(tab?.id);
    if (info.menuItemId === MENU_HIGHLIGHT && tab?.id != null) {
      void tellTab(() => pageMessenger.sendMessage('selection:highlight', {}, tab.id!));
    }
  });

  browser.commands.onCommand.addListener(async (command, tab) => {
    const tabId = await activeTabId(tab);
    if (tabId == null) return;
    if (command === COMMAND_TOGGLE_READER) await toggleAndReport(tabId);
    if (command === COMMAND_HIGHLIGHT) await tellTab(() => pageMessenger.sendMessage('selection:highlight', {}, tabId));
  });

  browser.tabs.onRemoved.addListener((tabId) => void service.then((s) => s.forgetTab(tabId)));

  readerMessenger.onMessage('reader:toggle', async ({ data }) => {
    const result = await toggleReader(data.tabId);
    await report(data.tabId, result);
    return result;
  });

  marginMessenger.onMessage('page:open', async ({ data, sender }) => (await service).openPage(sender.tab?.id, data));
  marginMessenger.onMessage('highlight:create', async ({ data, sender }) => (await service).createHighlight(sender.tab?.id, data));
  marginMessenger.onMessage('highlight:update', async ({ data, sender }) =>
    (await service).updateHighlight(sender.tab?.id, data.id, data.patch),
  );
  marginMessenger.onMessage('highlight:delete', async ({ data, sender }) => (await service).deleteHighlight(sender.tab?.id, data.id));
  marginMessenger.onMessage('highlight:restore', async ({ data, sender }) =>
    (await service).restoreHighlight(sender.tab?.id, data.id),
  );
  marginMessenger.onMessage('highlights:placed', async ({ data }) =>
    (await service).recordPlacements(data.articleId, data.placements),
  );
  marginMessenger.onMessage('records:imported', async ({ data }) => (await service).recordsImported(data.articleIds));
  marginMessenger.onMessage('tab:page', async ({ data }) => {
    const s = await service;
    // Asked fresh each time: a single-page app may have changed its address and title since it loaded.
    const info = await tellTab(() => pageMessenger.sendMessage('page:info', undefined, data.tabId));
    if (info) await s.openPage(data.tabId, info);
    return s.tabPage(data.tabId);
  });
  marginMessenger.onMessage('page-note:set', async ({ data }) => (await service).setPageNote(data.tabId, data.text));
  marginMessenger.onMessage('article:save-offline', async ({ data }) => {
    const s = await service;
    try {
      const extracted = await extractInTab(data.tabId);
      if (!extracted) return { error: 'Margin found no article on this page to save.' };
      const { html, text, ...meta } = extracted;
      return await s.saveOffline(data.tabId, { html, text }, meta);
    } catch (error) {
      return { error: error instanceof Error ? error.message : String(error) };
    }
  });
});
