/**
 * Background: turns the toolbar button, the keyboard command, the context menu and
 * messages from extension pages into reader toggles in the right tab.
 */
import { readerMessenger, type ReaderToggleResult } from '@/utils/messaging/reader-protocol';
import { toggleReader } from './toggle-reader';

const MENU_TOGGLE_READER = 'margin-toggle-reader';
const COMMAND_TOGGLE_READER = 'toggle-reader';

/** The toolbar button is `action` in MV3 and `browserAction` in Firefox's MV2 build. */
function toolbarAction() {
  return browser.action ?? browser.browserAction;
}

/** Tells the user on the toolbar button when the reader could not open. */
async function report(tabId: number, result: ReaderToggleResult) {
  const action = toolbarAction();
  const failed = result.state === 'error';
  await action.setBadgeText({ tabId, text: failed ? '!' : '' });
  if (failed) await action.setTitle({ tabId, title: result.message });
}

async function toggleAndReport(tabId: number | undefined) {
  if (tabId == null || tabId < 0) return;
  await report(tabId, await toggleReader(tabId));
}

export default defineBackground(() => {
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({
      id: MENU_TOGGLE_READER,
      title: 'Open in reader view',
      contexts: ['page'],
    });
  });

  toolbarAction().onClicked.addListener((tab) => void toggleAndReport(tab.id));

  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === MENU_TOGGLE_READER) void toggleAndReport(tab?.id);
  });

  browser.commands.onCommand.addListener(async (command, tab) => {
    if (command !== COMMAND_TOGGLE_READER) return;
    const tabId = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
    await toggleAndReport(tabId);
  });

  readerMessenger.onMessage('reader:toggle', async ({ data }) => {
    const result = await toggleReader(data.tabId);
    await report(data.tabId, result);
    return result;
  });
});
