/** Settings page: the colour a plain "highlight" uses, and whether the toolbar follows every selection. */
import { useEffect, useState } from 'react';
import { COLOUR_LABELS } from '@/components/library/colour-labels';
import { Swatch } from '@/components/library/Swatch';
import { HIGHLIGHT_COLOURS } from '@/utils/db/schema';
import { DEFAULT_HIGHLIGHT_SETTINGS, type HighlightSettings } from '@/utils/settings/highlight-settings';
import {
  loadHighlightSettings,
  saveHighlightSettings,
  watchHighlightSettings,
} from '@/utils/settings/highlight-settings-store';

export function HighlightSettingsSection() {
  const [settings, setSettings] = useState<HighlightSettings | null>(null);

  useEffect(() => {
    void loadHighlightSettings().then(setSettings);
    return watchHighlightSettings(setSettings);
  }, []);

  const change = (next: HighlightSettings) => {
    setSettings(next);
    void saveHighlightSettings(next);
  };
  const s = settings ?? DEFAULT_HIGHLIGHT_SETTINGS;

  return (
    <section aria-labelledby="highlights-heading" data-loaded={settings !== null}>
      <h2 id="highlights-heading">Highlights</h2>
      <fieldset className="options-colours">
        <legend>Default colour</legend>
        <p className="options-hint" id="colour-hint">
          Used by the highlight shortcut, the context menu and the toolbar's Highlight button.
        </p>
        {HIGHLIGHT_COLOURS.map((colour) => (
          <label key={colour} className="options-colour">
            <input
              type="radio"
              name="default-colour"
              value={colour}
              data-default-colour={colour}
              checked={s.defaultColour === colour}
              disabled={settings === null}
              aria-describedby="colour-hint"
              onChange={() => change({ ...s, defaultColour: colour })}
            />
            <Swatch colour={colour} />
            {COLOUR_LABELS[colour]}
          </label>
        ))}
      </fieldset>
      <label className="options-check">
        <input
          type="checkbox"
          data-setting="toolbarOnSelect"
          checked={s.toolbarOnSelect}
          disabled={settings === null}
          onChange={(e) => change({ ...s, toolbarOnSelect: e.target.checked })}
        />
        Show the highlight toolbar when I select text
      </label>
      <p className="options-hint">Off, you can still highlight with the keyboard shortcut or the context menu.</p>
    </section>
  );
}
