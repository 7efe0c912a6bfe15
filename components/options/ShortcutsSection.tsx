/**
 * Settings page: the keyboard shortcuts as the browser has them bound now (the user
 * may have changed them), read from `commands.getAll()`, and where to change them. A
 * command the browser left without a key (another extension holds the suggested one)
 * says so, with the way to give it one.
 */
import { openShortcutSettings, thisBrowsersShortcutPlace } from '@/components/shortcuts/open-shortcut-settings';
import { useCommands } from '@/components/shortcuts/use-commands';
import { useState } from 'react';
import {
  MARGIN_COMMANDS,
  boundCommands,
  type CommandInfo,
  type ShortcutSettingsPlace,
} from '@/utils/shortcuts/unassigned-shortcuts';

/** Shown while the browser answers: the three commands every browser has. */
const LOADING = MARGIN_COMMANDS.slice(0, 3).map((c) => ({ ...c, shortcut: null }));

interface TableProps {
  /** What `commands.getAll()` resolved to; null while it answers. */
  commands: readonly CommandInfo[] | null;
  place: ShortcutSettingsPlace;
  onOpen: () => Promise<boolean>;
}

/** The section itself, given the browser's commands: rendered alone in tests. */
export function ShortcutsTable({ commands, place, onOpen }: TableProps) {
  const [failed, setFailed] = useState(false);
  const rows = commands === null ? LOADING : boundCommands(commands);
  const unassigned = rows.filter((c) => c.shortcut === '');
  return (
    <section aria-labelledby="keys-heading">
      <h2 id="keys-heading">Keyboard shortcuts</h2>
      <table className="options-keys">
        <tbody>
          {rows.map(({ name, what, shortcut, suggested }) => (
            <tr key={name}>
              <th scope="row">{what}</th>
              <td>
                {shortcut === null ? (
                  '…'
                ) : shortcut ? (
                  <kbd data-shortcut={name}>{shortcut}</kbd>
                ) : (
                  <>
                    <span data-shortcut={name}>not set</span>
                    <span className="options-hint" data-shortcut-unassigned={name}>
                      {' '}
                      (the browser left it without a key: another extension may use {suggested})
                    </span>
                  </>
                )}
              </td>
            </tr>
          ))}
          <tr>
            <th scope="row">Close the reader view</th>
            <td>
              <kbd>Esc</kbd>
            </td>
          </tr>
          <tr>
            <th scope="row">Search the library</th>
            <td>
              <kbd>/</kbd>
            </td>
          </tr>
        </tbody>
      </table>
      <p className="options-hint" data-shortcut-help>
        {unassigned.length > 0 ? 'Give it a key' : 'Change them'} in your browser's extension shortcut settings (Chrome:
        chrome://extensions/shortcuts; Edge: edge://extensions/shortcuts; Firefox: about:addons → ⚙ → Manage Extension
        Shortcuts).{' '}
        {!failed && (
          <button type="button" data-open-shortcut-settings onClick={() => void onOpen().then((ok) => setFailed(!ok))}>
            Open shortcut settings
          </button>
        )}
        {failed && <span data-shortcut-steps>Your browser would not open it from here: go to {place.steps}.</span>}
      </p>
    </section>
  );
}

export function ShortcutsSection() {
  return <ShortcutsTable commands={useCommands()} place={thisBrowsersShortcutPlace()} onOpen={openShortcutSettings} />;
}
