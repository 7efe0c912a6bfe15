/**
 * Settings page: reader typography with a live preview, highlighting, what the toolbar
 * badge counts, keyboard shortcuts, sync, and where the user's data lives.
 */
import { useEffect, useState } from 'react';
import { useLineMeasure } from '@/components/reader/use-line-measure';
import { BadgeSettingsSection } from '@/components/options/BadgeSettingsSection';
import { DataSection } from '@/components/options/DataSection';
import { HighlightSettingsSection } from '@/components/options/HighlightSettingsSection';
import { MarkdownTemplateSection } from '@/components/options/MarkdownTemplateSection';
import { ShortcutsSection } from '@/components/options/ShortcutsSection';
import { SyncSection } from '@/components/options/SyncSection';
import { FONT_STACKS } from '@/components/reader/font-stacks';
import { ReaderToolbar } from '@/components/reader/ReaderToolbar';
import { DEFAULT_READER_SETTINGS, type ReaderSettings } from '@/utils/settings/reader-settings';
import { loadReaderSettings, saveReaderSettings, watchReaderSettings } from '@/utils/settings/reader-settings-store';

export function OptionsApp() {
  const [settings, setSettings] = useState<ReaderSettings | null>(null);

  useEffect(() => {
    void loadReaderSettings().then(setSettings);
    return watchReaderSettings(setSettings);
  }, []);

  const change = (next: ReaderSettings) => {
    setSettings(next);
    void saveReaderSettings(next);
  };
  const s = settings ?? DEFAULT_READER_SETTINGS;
  const { measure, probe } = useLineMeasure(s);

  return (
    <main className="options">
      {probe}
      <header className="options-top">
        <h1>Margin settings</h1>
        <a href="library.html" data-library-link>
          Your library
        </a>
      </header>
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
          style={{
            fontFamily: FONT_STACKS[s.font],
            fontSize: `${s.fontSize}px`,
            lineHeight: s.lineHeight,
            maxWidth: measure,
          }}
        >
          Day Two of KubeCon EU 2024 in Paris has unfolded unexpectedly yet profoundly gratifyingly. In a conscious
          effort to seek balance amidst the bustling conference environment, I decided to limit my time in the busy
          areas, opting to attend just a single talk.
        </div>
      </section>
      <HighlightSettingsSection />
      <BadgeSettingsSection />
      <MarkdownTemplateSection />
      <ShortcutsSection />
      <SyncSection />
      <DataSection />
    </main>
  );
}
