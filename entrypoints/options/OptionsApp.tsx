/** Settings page: reader typography with a live preview, and the keyboard shortcut. */
import { useEffect, useState } from 'react';
import { FONT_STACKS } from '@/components/reader/font-stacks';
import { ReaderToolbar } from '@/components/reader/ReaderToolbar';
import { DEFAULT_READER_SETTINGS, type ReaderSettings } from '@/utils/reader-settings/reader-settings';
import { loadReaderSettings, saveReaderSettings, watchReaderSettings } from '@/utils/reader-settings/reader-settings-store';


export function OptionsApp() {
  const [settings, setSettings] = useState<ReaderSettings | null>(null);
  const [shortcut, setShortcut] = useState<string>('Alt+Shift+R');

  useEffect(() => {
    void loadReaderSettings().then(setSettings);
    void browser.commands.getAll().then((all) => {
      const command = all.find((c) => c.name === 'toggle-reader');
      if (command?.shortcut) setShortcut(command.shortcut);
    });
    return watchReaderSettings(setSettings);
  }, []);

  const change = (next: ReaderSettings) => {
    setSettings(next);
    void saveReaderSettings(next);
  };
  const s = settings ?? DEFAULT_READER_SETTINGS;

  return (
    <main className="options">
      <h1>Margin settings</h1>
      <section aria-labelledby="reader-heading">
        <h2 id="reader-heading">Reader view</h2>
        <p>Changes apply at once, in every open reader view.</p>
        <div className="options-toolbar" data-theme={s.theme}>
          <ReaderToolbar settings={s} onChange={change} onClose={() => change({ ...DEFAULT_READER_SETTINGS })} />
        </div>
        <p className="options-hint">The × button resets to the defaults.</p>
        <div
          className="options-preview"
          data-theme={s.theme}
          style={{ fontFamily: FONT_STACKS[s.font], fontSize: `${s.fontSize}px`, lineHeight: s.lineHeight, maxWidth: `${s.lineWidth}ch` }}
        >
          Day Two of KubeCon EU 2024 in Paris has unfolded unexpectedly yet profoundly gratifyingly. In a conscious
          effort to seek balance amidst the bustling conference environment, I decided to limit my time in the busy
          areas, opting to attend just a single talk.
        </div>
      </section>
      <section aria-labelledby="keys-heading">
        <h2 id="keys-heading">Keyboard</h2>
        <p>
          Open or close the reader view: <kbd data-shortcut>{shortcut || 'not set'}</kbd>. Esc closes it. Change the
          shortcut in your browser's extension shortcut settings (Chrome and Edge: Extensions → Keyboard shortcuts;
          Firefox: Add-ons → ⚙ → Manage Extension Shortcuts).
        </p>
      </section>
    </main>
  );
}
