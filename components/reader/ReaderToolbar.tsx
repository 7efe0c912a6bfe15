/** The reader's settings bar: theme, font, size, width, line height, close. */
import {
  FONTS,
  LIMITS,
  THEMES,
  stepSetting,
  type ReaderFont,
  type ReaderSettings,
  type ReaderTheme,
} from '@/utils/settings/reader-settings';

const THEME_LABELS: Record<ReaderTheme, string> = { light: 'Light', sepia: 'Sepia', dark: 'Dark', system: 'Auto' };
const FONT_LABELS: Record<ReaderFont, string> = { serif: 'Serif', sans: 'Sans', mono: 'Mono' };

interface Props {
  settings: ReaderSettings;
  onChange: (next: ReaderSettings) => void;
  onClose: () => void;
}

type NumericKey = keyof typeof LIMITS;

function Stepper({
  label,
  name,
  settings,
  onChange,
  less,
  more,
}: {
  label: string;
  name: NumericKey;
  settings: ReaderSettings;
  onChange: Props['onChange'];
  less: string;
  more: string;
}) {
  const { min, max } = LIMITS[name];
  return (
    <div className="mr-group" role="group" aria-label={label}>
      <span className="mr-group-label" aria-hidden="true">
        {label}
      </span>
      <button
        type="button"
        className="mr-btn"
        data-setting={`${name}-down`}
        aria-label={less}
        disabled={settings[name] <= min}
        onClick={() => onChange(stepSetting(settings, name, -1))}
      >
        −
      </button>
      <button
        type="button"
        className="mr-btn"
        data-setting={`${name}-up`}
        aria-label={more}
        disabled={settings[name] >= max}
        onClick={() => onChange(stepSetting(settings, name, 1))}
      >
        +
      </button>
    </div>
  );
}

export function ReaderToolbar({ settings, onChange, onClose }: Props) {
  return (
    <header className="mr-toolbar" role="toolbar" aria-label="Reader settings">
      <button
        type="button"
        className="mr-btn mr-close"
        onClick={onClose}
        aria-label="Close reader view (Esc)"
        title="Close (Esc)"
      >
        ×
      </button>
      <div className="mr-group" role="group" aria-label="Theme">
        {THEMES.map((theme) => (
          <button
            key={theme}
            type="button"
            className="mr-btn"
            data-theme-choice={theme}
            aria-pressed={settings.theme === theme}
            onClick={() => onChange({ ...settings, theme })}
          >
            {THEME_LABELS[theme]}
          </button>
        ))}
      </div>
      <div className="mr-group" role="group" aria-label="Font">
        {FONTS.map((font) => (
          <button
            key={font}
            type="button"
            className="mr-btn"
            data-font-choice={font}
            aria-pressed={settings.font === font}
            onClick={() => onChange({ ...settings, font })}
          >
            {FONT_LABELS[font]}
          </button>
        ))}
      </div>
      <Stepper
        label="Size"
        name="fontSize"
        settings={settings}
        onChange={onChange}
        less="Smaller text"
        more="Larger text"
      />
      <Stepper
        label="Width"
        name="lineWidth"
        settings={settings}
        onChange={onChange}
        less="Narrower lines"
        more="Wider lines"
      />
      <Stepper
        label="Spacing"
        name="lineHeight"
        settings={settings}
        onChange={onChange}
        less="Tighter line spacing"
        more="Looser line spacing"
      />
    </header>
  );
}
