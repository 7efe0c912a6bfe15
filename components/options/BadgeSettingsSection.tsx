/** Settings page: what the toolbar button's badge counts (the page's highlights, unread articles, nothing). */
import { useEffect, useState } from 'react';
import { DEFAULT_BADGE_SETTINGS, type BadgeCount, type BadgeSettings } from '@/utils/settings/badge-settings';
import { loadBadgeSettings, saveBadgeSettings, watchBadgeSettings } from '@/utils/settings/badge-settings-store';

const CHOICES: ReadonlyArray<{ value: BadgeCount; label: string; hint: string }> = [
  {
    value: 'page-highlights',
    label: 'Highlights on the page',
    hint: 'The number of highlights on the page you are on.',
  },
  {
    value: 'unread',
    label: 'Unread articles',
    hint: 'Articles on your reading list you have not started, on every tab.',
  },
  { value: 'off', label: 'Nothing', hint: 'No number on the button.' },
];

export function BadgeSettingsSection() {
  const [settings, setSettings] = useState<BadgeSettings | null>(null);

  useEffect(() => {
    void loadBadgeSettings().then(setSettings);
    return watchBadgeSettings(setSettings);
  }, []);

  const change = (next: BadgeSettings) => {
    setSettings(next);
    void saveBadgeSettings(next);
  };
  const s = settings ?? DEFAULT_BADGE_SETTINGS;

  return (
    <section aria-labelledby="badge-heading" data-badge-loaded={settings !== null}>
      <h2 id="badge-heading">Toolbar button</h2>
      <fieldset className="options-choices">
        <legend>The number on Margin’s button counts</legend>
        {CHOICES.map(({ value, label, hint }) => (
          <label key={value} className="options-choice">
            <input
              type="radio"
              name="badge-count"
              value={value}
              data-badge-count={value}
              checked={s.badgeCount === value}
              disabled={settings === null}
              onChange={() => change({ badgeCount: value })}
            />
            <span>
              {label} <span className="options-hint">— {hint}</span>
            </span>
          </label>
        ))}
      </fieldset>
    </section>
  );
}
