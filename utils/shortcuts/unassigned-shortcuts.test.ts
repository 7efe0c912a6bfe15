import { describe, expect, test } from 'vitest';
import {
  boundCommands,
  shortcutSettingsPlace,
  unassignedCommands,
  unassignedSummary,
  type CommandInfo,
} from './unassigned-shortcuts';

// What `chrome.commands.getAll()` resolves to for Margin in Chrome when Obsidian Web Clipper,
// installed first, holds Alt+Shift+R: the command is there with an empty shortcut. Chrome
// always lists `_execute_action`, with no key unless the manifest suggests one.
const CHROME_CONFLICT: CommandInfo[] = [
  { name: '_execute_action', description: '', shortcut: '' },
  { name: 'toggle-reader', description: 'Open or close the reader view', shortcut: '' },
  { name: 'highlight-selection', description: 'Highlight the selected text', shortcut: 'Alt+Shift+H' },
  { name: 'open-side-panel', description: 'Open Margin beside the page', shortcut: 'Alt+Shift+M' },
];
// Firefox (`browser.commands.getAll()`): the sidebar's reserved name; an unset key has no `shortcut`... or ''.
const FIREFOX_NONE_SET: CommandInfo[] = [
  { name: 'toggle-reader', description: 'Open or close the reader view' },
  { name: 'highlight-selection', description: 'Highlight the selected text', shortcut: '' },
  { name: '_execute_sidebar_action', description: 'Open Margin beside the page', shortcut: '' },
];
const ALL_SET: CommandInfo[] = [
  { name: '_execute_action', shortcut: '' },
  { name: 'toggle-reader', shortcut: 'Alt+Shift+R' },
  { name: 'highlight-selection', shortcut: 'Ctrl+Shift+Y' },
  { name: 'open-side-panel', shortcut: 'Alt+Shift+M' },
];

describe('unassignedCommands', () => {
  test('finds the reader command Chrome left unassigned, not _execute_action', () => {
    expect(unassignedCommands(CHROME_CONFLICT).map((c) => c.name)).toEqual(['toggle-reader']);
  });
  test('in Firefox, a missing or empty shortcut is unassigned, the sidebar included', () => {
    expect(unassignedCommands(FIREFOX_NONE_SET).map((c) => c.name)).toEqual([
      'toggle-reader',
      'highlight-selection',
      '_execute_sidebar_action',
    ]);
  });
  test('a key the user chose counts as set', () => {
    expect(unassignedCommands(ALL_SET)).toEqual([]);
  });
  test('nothing reported (the API failed), nothing to say', () => {
    expect(unassignedCommands([])).toEqual([]);
  });
  test('a shortcut of spaces is none', () => {
    expect(unassignedCommands([{ name: 'toggle-reader', shortcut: ' ' }]).map((c) => c.name)).toEqual([
      'toggle-reader',
    ]);
  });
});

test("boundCommands lists Margin's commands in settings order with their keys", () => {
  expect(boundCommands(CHROME_CONFLICT).map((c) => [c.name, c.shortcut])).toEqual([
    ['toggle-reader', ''],
    ['highlight-selection', 'Alt+Shift+H'],
    ['open-side-panel', 'Alt+Shift+M'],
  ]);
});

test.each([
  [[], null],
  [['toggle-reader'], 'No keyboard shortcut for the reader view.'],
  [['toggle-reader', 'highlight-selection'], 'No keyboard shortcut for the reader view and highlighting.'],
  [
    ['toggle-reader', 'highlight-selection', '_execute_sidebar_action'],
    'No keyboard shortcut for the reader view, highlighting and the sidebar.',
  ],
])('summary of %j', (names, expected) => {
  const unassigned = unassignedCommands(names.map((name) => ({ name, shortcut: '' })));
  expect(unassignedSummary(unassigned)).toBe(expected);
});

describe('shortcutSettingsPlace', () => {
  const CHROME_UA =
    'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36';
  const EDGE_UA = `${CHROME_UA} Edg/140.0.0.0`;
  test('Chrome opens its shortcuts page', () => {
    expect(shortcutSettingsPlace({ firefox: false, userAgent: CHROME_UA }).url).toBe('chrome://extensions/shortcuts');
  });
  test('Edge has its own address', () => {
    expect(shortcutSettingsPlace({ firefox: false, userAgent: EDGE_UA }).url).toBe('edge://extensions/shortcuts');
  });
  test('Firefox gives the way through the add-ons manager', () => {
    const place = shortcutSettingsPlace({
      firefox: true,
      userAgent: 'Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0',
    });
    expect(place.url).toBe(null);
    expect(place.steps).toMatch(/about:addons.*Manage Extension Shortcuts/);
  });
});
