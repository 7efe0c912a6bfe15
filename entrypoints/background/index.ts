/**
 * Background: owns the database (content scripts cannot open it) and answers the
 * annotation messages, each checked for its sender and data first
 * (`message-router.ts`; who may ask what is `utils/messaging/message-handlers.ts`);
 * turns the keyboard commands (one opens Chrome's side panel), context-menu entries
 * and reader messages into actions in the right tab (save for later among them);
 * keeps the toolbar badge (`toolbar-badge.ts`: the page's highlights or unread articles);
 * runs sync (`sync-in-background.ts`) and the search index backfill after a schema
 * upgrade (`backfill-pair-indexes.ts`), and mirrors the look-and-feel settings to
 * the browser's own `storage.sync`.
 */
import { countUnreadArticles } from '@/utils/db/listed-articles';
import { createAnnotationService } from '@/utils/messaging/annotation-service';
import { createMarginRoutes } from '@/utils/messaging/message-handlers';
import { backfillSiteWords, backfillTagWords } from '@/utils/db/backfill-pair-indexes';
import { loadHighlightSettings } from '@/utils/settings/highlight-settings-store';
import { isMarginError, marginMessenger, type MarginProtocol } from '@/utils/messaging/margin-protocol';
import { registerRoutes } from '@/utils/messaging/message-router';
import { READER_SCHEMAS } from '@/utils/messaging/message-schemas';
import { pageMessenger } from '@/utils/messaging/page-protocol';
import { panelMessenger } from '@/utils/messaging/panel-protocol';
import { readerMessenger, type ReaderProtocol, type ReaderToggleResult } from '@/utils/messaging/reader-protocol';
import { startSettingsMirror } from '@/utils/settings/settings-mirror-sync';
import { openSidePanel } from '@/utils/sidepanel/open-on-command';
import { announceSaved } from '@/components/reading/announce-saved';
import { database } from './database';
import { extractInTab, toggleReader } from './reader-in-tab';
import { startSyncInBackground } from './sync-in-background';
import { startToolbarBadge } from './toolbar-badge';

const MENU_TOGGLE_READER = 'margin-toggle-reader';
const MENU_HIGHLIGHT = 'margin-highlight';
const MENU_SAVE_FOR_LATER = 'margin-save-for-later';
const COMMAND_TOGGLE_READER = 'toggle-reader';
const COMMAND_HIGHLIGHT = 'highlight-selection';
const COMMAND_SIDE_PANEL = 'open-side-panel';
const COMMAND_SAVE_FOR_LATER = 'save-for-later';

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
    .catch((error: unknown) =>
      console.warn('Margin: filling the tag and site search indexes failed; it will retry at next start', error),
    );
  const badge = startToolbarBadge(database(), countUnreadArticles);
  const service = database().then((db) =>
    createAnnotationService(db, {
      articleChanged: (articleId, tabIds) => {
        for (const tabId of tabIds)
          void tellTab(() => pageMessenger.sendMessage('highlights:changed', { articleId }, tabId));
        // Every write the user makes through the background ends here.
        sync.localChange();
      },
      badge: (tabId, count) => badge.pageCount(tabId, count),
      settings: loadHighlightSettings,
    }),
  );

  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({ id: MENU_TOGGLE_READER, title: 'Open in reader view', contexts: ['page'] });
    browser.contextMenus.create({ id: MENU_HIGHLIGHT, title: 'Highlight with Margin', contexts: ['selection'] });
    browser.contextMenus.create({ id: MENU_SAVE_FOR_LATER, title: 'Save page for later', contexts: ['page'] });
  });

  /**
   * Saves the tab's page for later (its offline copy too), from the context menu or the
   * command, and says so on the page; a failure shows on the toolbar button, as the reader's does.
   */
  async function saveForLaterAndTell(tabId: number | undefined): Promise<void> {
    if (tabId == null || tabId < 0) return;
    const answer = await margin.saveForLater(tabId);
    if (isMarginError(answer)) {
      await report(tabId, { state: 'error', message: answer.error });
      return;
    }
    await announceSaved(tabId, answer);
  }

  toolbarAction().onClicked?.addListener((tab) => void toggleAndReport(tab.id));

  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === MENU_TOGGLE_READER) void toggleAndReport(tab?.id);
    if (info.menuItemId === MENU_SAVE_FOR_LATER) void saveForLaterAndTell(tab?.id);
    if (info.menuItemId === MENU_HIGHLIGHT && tab?.id != null) {
      void tellTab(() => pageMessenger.sendMessage('selection:highlight', {}, tab.id!));
    }
  });

  browser.commands.onCommand.addListener(async (command, tab) => {
    if (command === COMMAND_SIDE_PANEL) return void openSidePanel(browser.sidePanel, tab);
    const tabId = await activeTabId(tab);
    if (tabId == null) return;
    if (command === COMMAND_TOGGLE_READER) await toggleAndReport(tabId);
    if (command === COMMAND_SAVE_FOR_LATER) await saveForLaterAndTell(tabId);
    if (command === COMMAND_HIGHLIGHT) await tellTab(() => pageMessenger.sendMessage('selection:highlight', {}, tabId));
  });

  const self = { id: browser.runtime.id, origin: browser.runtime.getURL('/') };
  const margin = createMarginRoutes(service, {
    pageInfoOf: (tabId) => tellTab(() => pageMessenger.sendMessage('page:info', undefined, tabId)),
    tabUrl: async (tabId) => (await browser.tabs.get(tabId).catch(() => undefined))?.url,
    extractArticle: extractInTab,
    // No side panel open is the usual case: nobody receives it, which is fine.
    focusPanel: async (tabId, id) =>
      void (await panelMessenger.sendMessage('panel:focus', { tabId, id }).catch(() => undefined)),
    closeNoteCard: async (tabId) =>
      void (await pageMessenger.sendMessage('note-card:close', undefined, tabId).catch(() => undefined)),
  });
  registerRoutes<MarginProtocol>(marginMessenger, margin.routes, self);
  registerRoutes<ReaderProtocol>(
    readerMessenger,
    {
      'reader:toggle': {
        schema: READER_SCHEMAS['reader:toggle'],
        from: 'extension',
        refusal: (message) => ({ state: 'error', message }),
        async handle({ tabId }) {
          const result = await toggleReader(tabId);
          await report(tabId, result);
          return result;
        },
      },
    },
    self,
  );
  browser.tabs.onRemoved.addListener((tabId) => {
    margin.forgetTab(tabId);
    badge.forgetTab(tabId);
  });
});
