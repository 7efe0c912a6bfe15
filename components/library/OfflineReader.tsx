/**
 * The offline reader page: an article's saved copy in the reader view, with the
 * user's highlights painted on it (read-only). Reader settings are the reader
 * view's own, changed here as there. Closing goes to the library.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { ReaderApp } from '@/components/reader/ReaderApp';
import { articleReadingChannel } from '@/components/reading/reading-channels';
import type { MarginDb } from '@/utils/db';
import { loadOfflineCopy, type OfflineCopy } from '@/utils/library/offline-copy';
import { offlineReaderArticle } from '@/utils/library/offline-article';
import type { ReaderSettings } from '@/utils/settings/reader-settings';
import { sanitizeArticleHtml } from '@/utils/sanitize/sanitize-html';
import { loadReaderSettings, saveReaderSettings, watchReaderSettings } from '@/utils/settings/reader-settings-store';
import { paintHighlights, type PaintResult } from './paint-highlights';

export interface OfflineReaderProps {
  db: MarginDb;
  articleId: string | null;
  /** Leaves the reader (the close button, Esc). */
  onClose: () => void;
}

type Loaded = { copy: OfflineCopy; settings: ReaderSettings } | { error: string };

export function OfflineReader({ db, articleId, onClose }: OfflineReaderProps) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [painted, setPainted] = useState<PaintResult | null>(null);
  const host = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let current = true;
    Promise.all([loadOfflineCopy(db, articleId), loadReaderSettings()])
      .then(([copy, settings]) => current && setLoaded({ copy, settings }))
      .catch(
        (error: unknown) => current && setLoaded({ error: error instanceof Error ? error.message : String(error) }),
      );
    return () => {
      current = false;
    };
  }, [db, articleId]);

  const copy = loaded && 'copy' in loaded ? loaded.copy : null;
  // The offline copy keeps the article's place on the reading list, as the page and the reader view do.
  const readingChannel = useMemo(() => (articleId ? articleReadingChannel(articleId) : undefined), [articleId]);
  const readerArticle = useMemo(() => {
    if (copy?.status !== 'ready') return null;
    // Sanitized again, not only when it was saved: a copy may come back from sync or a
    // backup, and the reader renders it as HTML.
    return offlineReaderArticle(copy.article, { ...copy.body, html: sanitizeArticleHtml(copy.body.html, window).html });
  }, [copy]);
  useEffect(() => {
    if (copy?.status !== 'ready') return;
    document.title = `${copy.article.title} — Margin (offline copy)`;
    // ReaderApp's effects ran first (children before parents): the body is in the DOM.
    const body = host.current?.querySelector('[data-field="body"]');
    if (!body) return;
    const result = paintHighlights(body, copy.highlights);
    setPainted(result);
    return () => result.clear();
  }, [copy]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  if (!loaded)
    return (
      <p className="offline-message" role="status">
        Opening the saved copy…
      </p>
    );
  if ('error' in loaded) return <Missing title="The saved copy could not be opened">{loaded.error}</Missing>;
  if (loaded.copy.status === 'no-article') {
    return (
      <Missing title="Article not found">
        This article is not in your library: it may have been deleted, or the link is incomplete.
      </Missing>
    );
  }
  if (loaded.copy.status === 'no-copy') {
    const { article } = loaded.copy;
    return (
      <Missing title="No offline copy of this article">
        “{article.title}” is in your library, but no copy of it was saved for offline reading.{' '}
        <a href={article.pageUrl}>Read the original</a>.
      </Missing>
    );
  }

  const { article } = loaded.copy;
  if (!readerArticle) return null; // the copy is ready, so it was built: this only narrows the type
  return (
    <div
      className="offline-host"
      ref={host}
      data-offline-reader
      data-article-id={article.id}
      data-paint-mode={painted?.mode}
      data-painted={painted?.placed.length}
      data-unplaced={painted?.unplaced.length}
    >
      <ReaderApp
        article={readerArticle}
        initialSettings={loaded.settings}
        onSettingsChange={(s) => void saveReaderSettings(s)}
        subscribeSettings={watchReaderSettings}
        onClose={onClose}
        readingChannel={readingChannel}
      />
      {painted && <PaintStatus result={painted} />}
    </div>
  );
}

/** A short line saying how many highlights are shown and which could not be found in this copy. */
function PaintStatus({ result }: { result: PaintResult }) {
  const { placed, unplaced, doubtful } = result;
  if (placed.length === 0 && unplaced.length === 0) return null;
  return (
    <aside className="offline-status" aria-label="Highlights in this copy" data-paint-status>
      <p>
        {placed.length} highlight{placed.length === 1 ? '' : 's'} shown
        {doubtful.length > 0 && `, ${doubtful.length} where the text differs from when you highlighted it`}
        {unplaced.length > 0 && `; ${unplaced.length} not found in this copy`}.
      </p>
      {unplaced.length > 0 && (
        <details>
          <summary>Not found</summary>
          <ul>
            {unplaced.map((h) => (
              <li key={h.id} data-unplaced-id={h.id}>
                “{h.quote}”
              </li>
            ))}
          </ul>
        </details>
      )}
    </aside>
  );
}

function Missing({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <main className="offline-message" data-offline-missing>
      <h1>{title}</h1>
      <p>{children}</p>
      <p>
        <a href="library.html">Back to your library</a>
      </p>
    </main>
  );
}
