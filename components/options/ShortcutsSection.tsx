/**
 * Settings page: the keyboard shortcuts as the browser has them bound now (the user
 * may have changed them), read from `commands.getAll()`, and where to change them.
 */
import { useEffect, useState } from 'react';

/** The commands listed, in this order, with what the page calls them. */
const COMMANDS: Array<{ name: string; what: string }> = [
  { name: 'toggle-reader', what: 'Open or close the reader view' },
  { name: 'highlight-selection', what: 'Highlight the selected text' },
];

type Bindings = Record<string, string>;

export function ShortcutsSection() {
  const [bindings, setBindings] = useState<Bindings | null>(null);

  useEffect(() => {
    void browser.commands
      .getAll()
      .then((all) => setBindings(Object.fromEntries(all.map((c) => [c.name ?? '', c.shortcut ?? '']))))
      .catch(() => setBindings({}));
  }, []);

  return (
    <section aria-labelledby="keys-heading">
      <h2 id="keys-heading">Keyboard shortcuts</h2>
      <table className="options-keys">
        <tbody>
          {COMMANDS.map(({ name, what }) => (
            <tr key={name}>
              <th scope="row">{what}</th>
              <td>
                {bindings === null ? (
                  '…'
                ) : bindings[name] ? (
                  <kbd data-shortcut={name}>{bindings[name]}</kbd>
                ) : (
                  <span data-shortcut={name}>not set</span>
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
      <p className="options-hint">
        Change them in your browser's extension shortcut settings (Chrome and Edge: Extensions → Keyboard shortcuts;
        Firefox: Add-ons → ⚙ → Manage Extension Shortcuts).
      </p>
    </section>
  );
}
