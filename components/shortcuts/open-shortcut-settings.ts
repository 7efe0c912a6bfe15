/**
 * Opens the browser's page for extension shortcuts. Firefox (137+) has an API for it and
 * refuses `about:` addresses in a tab; Chrome and Edge open their `…://extensions/shortcuts`
 * page in a tab (a link to it does nothing).
 */
import { shortcutSettingsPlace, type ShortcutSettingsPlace } from '@/utils/shortcuts/unassigned-shortcuts';

/** Where this browser keeps its extension shortcuts. */
export function thisBrowsersShortcutPlace(): ShortcutSettingsPlace {
  return shortcutSettingsPlace({ firefox: import.meta.env.FIREFOX === true, userAgent: navigator.userAgent });
}

/** @return false when the browser could not open it (the user follows the steps by hand) */
export async function openShortcutSettings(): Promise<boolean> {
  const commands = browser.commands as typeof browser.commands & { openShortcutSettings?: () => Promise<void> };
  try {
    if (typeof commands.openShortcutSettings === 'function') {
      await commands.openShortcutSettings();
      return true;
    }
    const { url } = thisBrowsersShortcutPlace();
    if (!url) return false;
    await browser.tabs.create({ url });
    return true;
  } catch {
    return false;
  }
}
