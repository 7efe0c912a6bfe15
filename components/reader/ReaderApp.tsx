/**
 * The reader view: a modal dialog over the page holding the toolbar and the article.
 * `article.html` was sanitized by the extraction module before it reached here.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type CSSProperties, type KeyboardEvent } from 'react';
import type { ExtractedArticle } from '@/utils/extraction/article';
import { effectiveTheme, type ReaderSettings } from '@/utils/settings/reader-settings';
import { markCjkRuns, readerLanguage } from '@/utils/reader/cjk-language';
import { FONT_STACKS } from './font-stacks';
import { ReaderHeader } from './ReaderHeader';
import { ReaderToolbar } from './ReaderToolbar';
import { useLineMeasure } from './use-line-measure';
import { useReadingPosition } from './use-reading-position';
import type { ReadingChannel } from '@/components/reading/track-reading';

export interface ReaderAppProps {
  article: ExtractedArticle;
  initialSettings: ReaderSettings;
  /** Persists a settings change; the view applies it at once without waiting. */
  onSettingsChange: (settings: ReaderSettings) => void;
  /** Lets the host push settings changed elsewhere (another tab, the options page). */
  subscribeSettings: (listener: (settings: ReaderSettings) => void) => () => void;
  onClose: () => void;
  /** Called once the first frame with the article has been committed. */
  onRendered?: () => void;
  /**
   * Where the article's reading position is asked for and reported (the reader view on a
   * page, the offline copy): the view moves to it on open and reports while scrolled.
   */
  readingChannel?: ReadingChannel;
}

const FOCUSABLE = 'button:not([disabled]), a[href], [tabindex]:not([tabindex="-1"])';

/** Tab from the last control wraps to the first and Shift+Tab back: focus stays in the modal dialog. */
function wrapTabFocus(event: KeyboardEvent<HTMLElement>) {
  if (event.key !== 'Tab') return;
  const items = [...event.currentTarget.querySelectorAll<HTMLElement>(FOCUSABLE)];
  const first = items[0];
  const last = items[items.length - 1];
  const active = (event.currentTarget.getRootNode() as ShadowRoot | Document).activeElement;
  if (!first || !last) return;
  if (!event.shiftKey && active === last) {
    event.preventDefault();
    first.focus();
  } else if (event.shiftKey && active === first) {
    event.preventDefault();
    last.focus();
  }
}

function usePrefersDark(): boolean {
  const query = typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : null;
  const [dark, setDark] = useState(query?.matches ?? false);
  useEffect(() => {
    if (!query) return;
    const update = () => setDark(query.matches);
    query.addEventListener('change', update);
    return () => query.removeEventListener('change', update);
  }, [query]);
  return dark;
}

export function ReaderApp({
  article,
  initialSettings,
  onSettingsChange,
  subscribeSettings,
  onClose,
  onRendered,
  readingChannel,
}: ReaderAppProps) {
  const [settings, setSettings] = useState(initialSettings);
  const titleRef = useRef<HTMLHeadingElement>(null);
  const bodyRef = useRef<HTMLDivElement>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const prefersDark = usePrefersDark();
  const { measure, probe } = useLineMeasure(settings);
  // The article's language reaches its element so `:lang()` styles (upright CJK quotes) apply.
  const lang = useMemo(() => readerLanguage(article.lang, article.text), [article.lang, article.text]);

  // A CJK quote inside a post in another language gets its own `lang`, before the first paint.
  // biome-ignore lint/correctness/useExhaustiveDependencies: article.html is the trigger: a new body is marked again
  useLayoutEffect(() => {
    if (bodyRef.current) markCjkRuns(bodyRef.current);
  }, [article.html]);

  useEffect(() => subscribeSettings(setSettings), [subscribeSettings]);
  useReadingPosition(rootRef, bodyRef, readingChannel);
  // biome-ignore lint/correctness/useExhaustiveDependencies: focus and report once, on the first paint only
  useEffect(() => {
    // Focus moves into the dialog so keyboard and screen-reader users land on the article.
    titleRef.current?.focus({ preventScroll: true });
    onRendered?.();
  }, []);

  const change = (next: ReaderSettings) => {
    setSettings(next);
    onSettingsChange(next);
  };

  const style = {
    '--mr-font': FONT_STACKS[settings.font],
    '--mr-size': `${settings.fontSize}px`,
    '--mr-measure': measure,
    '--mr-leading': String(settings.lineHeight),
  } as CSSProperties;

  return (
    <div
      ref={rootRef}
      className="mr-root"
      role="dialog"
      aria-modal="true"
      aria-labelledby="mr-title"
      data-theme={effectiveTheme(settings.theme, prefersDark)}
      data-theme-setting={settings.theme}
      data-font={settings.font}
      style={style}
      onKeyDown={wrapTabFocus}
    >
      <ReaderToolbar settings={settings} onChange={change} onClose={onClose} />
      <main className="mr-main">
        <article className="mr-article" lang={lang ?? undefined}>
          <ReaderHeader article={article} titleRef={titleRef} />
          {/* biome-ignore lint/security/noDangerouslySetInnerHtml: the body was sanitized by DOMPurify at extraction (utils/sanitize) */}
          <div ref={bodyRef} className="mr-body" data-field="body" dangerouslySetInnerHTML={{ __html: article.html }} />
          <footer className="mr-footer">
            <a href={article.url}>Read the original on {article.siteName ?? new URL(article.url).hostname}</a>
          </footer>
        </article>
      </main>
      {probe}
    </div>
  );
}
