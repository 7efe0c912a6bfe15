/**
 * Which of Margin's keyboard shortcuts the browser left without a key. A suggested key is
 * only a suggestion: Chrome leaves it unassigned when another extension already holds it
 * (Obsidian Web Clipper suggests `Alt+Shift+R` too), and `commands.getAll()` then reports
 * the command with an empty `shortcut`. The user must be told, and told where to set one.
 */

/** A command as `commands.getAll()` reports it (every field optional in both browsers' types). */
export interface CommandInfo {
  name?: string;
  shortcut?: string;
  description?: string;
}

/** One of Margin's commands: its manifest name, what it does, the key it suggests. */
export interface MarginCommand {
  name: string;
  /** What the settings page calls it. */
  what: string;
  /** The command as a short noun phrase, for the popup's one line. */
  short: string;
  suggested: string;
}

/**
 * Margin's commands with a suggested key, in the order the settings page lists them. The side
 * panel's is `open-side-panel` in Chrome and the reserved `_execute_sidebar_action` in Firefox;
 * a browser reports only the one its manifest has.
 */
export const MARGIN_COMMANDS: readonly MarginCommand[] = [
  { name: 'toggle-reader', what: 'Open or close the reader view', short: 'the reader view', suggested: 'Alt+Shift+R' },
  { name: 'highlight-selection', what: 'Highlight the selected text', short: 'highlighting', suggested: 'Alt+Shift+H' },
  {
    name: 'save-for-later',
    what: 'Save the page for later',
    short: 'saving for later',
    suggested: 'Alt+Shift+L',
  },
  { name: 'open-side-panel', what: 'Open Margin beside the page', short: 'the side panel', suggested: 'Alt+Shift+M' },
  {
    name: '_execute_sidebar_action',
    what: 'Open Margin beside the page',
    short: 'the sidebar',
    suggested: 'Alt+Shift+M',
  },
];

/**
 * Margin's commands the browser reports, each with the key it has now ('' when none).
 * Commands it does not report (the other browser's side-panel name, `_execute_action`) are left out.
 */
export function boundCommands(all: readonly CommandInfo[]): Array<MarginCommand & { shortcut: string }> {
  const byName = new Map(all.filter((c) => c.name).map((c) => [c.name!, c.shortcut?.trim() ?? '']));
  return MARGIN_COMMANDS.filter((c) => byName.has(c.name)).map((c) => ({ ...c, shortcut: byName.get(c.name)! }));
}

/**
 * Margin's commands that have no key.
 * @param all - what `commands.getAll()` resolved to
 */
export function unassignedCommands(all: readonly CommandInfo[]): MarginCommand[] {
  return boundCommands(all)
    .filter((c) => c.shortcut === '')
    .map(({ shortcut: _none, ...command }) => command);
}

/**
 * The popup's one line about them, e.g. "No keyboard shortcut for the reader view."
 * @return null when every command has a key
 */
export function unassignedSummary(unassigned: readonly MarginCommand[]): string | null {
  if (unassigned.length === 0) return null;
  const names = unassigned.map((c) => c.short);
  const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  return `No keyboard shortcut for ${list}.`;
}

/** Where a browser lets the user set extension shortcuts. */
export interface ShortcutSettingsPlace {
  /** An address the extension may open in a tab, or null (Firefox opens its page through an API). */
  url: string | null;
  /** The way there, for the user to follow by hand. */
  steps: string;
}

/**
 * Where this browser keeps its extension shortcuts.
 * @param env - `firefox` from the build; `userAgent` tells Edge from Chrome
 */
export function shortcutSettingsPlace(env: { firefox: boolean; userAgent: string }): ShortcutSettingsPlace {
  if (env.firefox) return { url: null, steps: 'about:addons → ⚙ (gear) → Manage Extension Shortcuts' };
  if (/\bEdg\//.test(env.userAgent))
    return { url: 'edge://extensions/shortcuts', steps: 'edge://extensions/shortcuts' };
  return { url: 'chrome://extensions/shortcuts', steps: 'chrome://extensions/shortcuts' };
}
