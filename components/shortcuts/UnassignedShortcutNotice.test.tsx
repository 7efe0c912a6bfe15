// @vitest-environment happy-dom
/**
 * The popup's line and the settings page's section with the shapes `commands.getAll()`
 * returns when Chrome left Margin's reader shortcut unassigned (another extension holds
 * Alt+Shift+R), and when every command has its key.
 */
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { ShortcutsTable } from '@/components/options/ShortcutsSection';
import { unassignedCommands, type CommandInfo } from '@/utils/shortcuts/unassigned-shortcuts';
import { UnassignedShortcutNotice } from './UnassignedShortcutNotice';

beforeAll(() => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
});

const CONFLICT: CommandInfo[] = [
  { name: '_execute_action', description: '', shortcut: '' },
  { name: 'toggle-reader', description: 'Open or close the reader view', shortcut: '' },
  { name: 'highlight-selection', description: 'Highlight the selected text', shortcut: 'Alt+Shift+H' },
  { name: 'open-side-panel', description: 'Open Margin beside the page', shortcut: 'Alt+Shift+M' },
];
const ALL_SET: CommandInfo[] = CONFLICT.map((c) =>
  c.name === 'toggle-reader' ? { ...c, shortcut: 'Alt+Shift+R' } : c,
);
const CHROME = { url: 'chrome://extensions/shortcuts', steps: 'chrome://extensions/shortcuts' };

let root: Root | null = null;
let host: HTMLElement;
async function render(node: React.ReactNode) {
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  await act(async () => root!.render(node));
  return host;
}
afterEach(async () => {
  await act(async () => root?.unmount());
  root = null;
  host.remove();
});
const click = async (el: Element | null) => {
  expect(el).not.toBe(null);
  await act(async () => (el as HTMLElement).click());
};

describe('popup line', () => {
  test('names save for later when the browser left it without a key (another extension holds Alt+Shift+L)', async () => {
    const commands: CommandInfo[] = [
      ...ALL_SET,
      { name: 'save-for-later', description: 'Save the page for later', shortcut: '' },
    ];
    const el = await render(
      <UnassignedShortcutNotice unassigned={unassignedCommands(commands)} place={CHROME} onOpen={async () => true} />,
    );
    const line = el.querySelector('[data-shortcut-notice]')!;
    expect(line.getAttribute('data-shortcut-notice')).toBe('save-for-later');
    expect(line.textContent).toBe('No keyboard shortcut for saving for later. Set one…');
    const table = await render(<ShortcutsTable commands={commands} place={CHROME} onOpen={async () => true} />);
    expect(table.querySelector('[data-shortcut-unassigned="save-for-later"]')!.textContent).toContain(
      'another extension may use Alt+Shift+L',
    );
  });

  test('names the command without a key and opens the shortcut page', async () => {
    const onOpen = vi.fn(async () => true);
    const el = await render(
      <UnassignedShortcutNotice unassigned={unassignedCommands(CONFLICT)} place={CHROME} onOpen={onOpen} />,
    );
    const line = el.querySelector('[data-shortcut-notice]')!;
    expect(line.getAttribute('data-shortcut-notice')).toBe('toggle-reader');
    expect(line.textContent).toBe('No keyboard shortcut for the reader view. Set one…');
    // One line: a sentence and a button, nothing more.
    expect(el.querySelectorAll('p, button')).toHaveLength(2);
    await click(el.querySelector('button'));
    expect(onOpen).toHaveBeenCalledOnce();
  });

  test('when the browser will not open the page, it says where to go', async () => {
    const firefox = { url: null, steps: 'about:addons → ⚙ (gear) → Manage Extension Shortcuts' };
    const el = await render(
      <UnassignedShortcutNotice unassigned={unassignedCommands(CONFLICT)} place={firefox} onOpen={async () => false} />,
    );
    await click(el.querySelector('button'));
    expect(el.querySelector('[data-shortcut-steps]')!.textContent).toBe(
      'Set one in about:addons → ⚙ (gear) → Manage Extension Shortcuts.',
    );
  });

  test('says nothing when every command has a key', async () => {
    const el = await render(
      <UnassignedShortcutNotice unassigned={unassignedCommands(ALL_SET)} place={CHROME} onOpen={async () => true} />,
    );
    expect(el.innerHTML).toBe('');
  });
});

describe('settings section', () => {
  test('an unassigned command reads "not set", says why and offers the shortcut page', async () => {
    const onOpen = vi.fn(async () => true);
    const el = await render(<ShortcutsTable commands={CONFLICT} place={CHROME} onOpen={onOpen} />);
    expect(el.querySelector('[data-shortcut="toggle-reader"]')!.textContent).toBe('not set');
    expect(el.querySelector('[data-shortcut-unassigned="toggle-reader"]')!.textContent).toContain(
      'another extension may use Alt+Shift+R',
    );
    expect(el.querySelector('[data-shortcut="highlight-selection"]')!.textContent).toBe('Alt+Shift+H');
    expect(el.querySelector('[data-shortcut="open-side-panel"]')!.textContent).toBe('Alt+Shift+M');
    expect(el.querySelector('[data-shortcut="_execute_action"]')).toBe(null);
    const help = el.querySelector('[data-shortcut-help]')!.textContent!;
    expect(help).toContain('chrome://extensions/shortcuts');
    expect(help).toContain('about:addons → ⚙ → Manage Extension Shortcuts');
    await click(el.querySelector('[data-open-shortcut-settings]'));
    expect(onOpen).toHaveBeenCalledOnce();
  });

  test('with every key set there is no warning', async () => {
    const el = await render(<ShortcutsTable commands={ALL_SET} place={CHROME} onOpen={async () => true} />);
    expect(el.querySelector('[data-shortcut="toggle-reader"]')!.textContent).toBe('Alt+Shift+R');
    expect(el.querySelector('[data-shortcut-unassigned]')).toBe(null);
  });

  test('Firefox: the sidebar command is listed under its reserved name', async () => {
    const el = await render(
      <ShortcutsTable
        commands={[
          { name: 'toggle-reader', shortcut: 'Alt+Shift+R' },
          { name: 'highlight-selection', shortcut: 'Alt+Shift+H' },
          { name: '_execute_sidebar_action' },
        ]}
        place={{ url: null, steps: 'about:addons' }}
        onOpen={async () => false}
      />,
    );
    expect(el.querySelector('[data-shortcut="_execute_sidebar_action"]')!.textContent).toBe('not set');
    await click(el.querySelector('[data-open-shortcut-settings]'));
    expect(el.querySelector('[data-shortcut-steps]')!.textContent).toContain('about:addons');
  });
});
