/**
 * The popup: a quick view of the page in this tab — its title, how many highlights
 * it has (and how many could not be placed), and the page actions: open the side
 * panel (where highlights and notes are read and edited), the reader view, the
 * offline copy, save for later (and, once listed, the article's reading state with its
 * buttons), the library, this article's export, sync's status line, and a line when
 * the browser left one of Margin's keyboard shortcuts without a key.
 * Reads the database directly with live queries; writes go through the background.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { createMarginDb, getArticle, listHighlights } from '@/utils/db';
import { marginMessenger } from '@/utils/messaging/margin-protocol';
import { readerMessenger } from '@/utils/messaging/reader-protocol';
import { OpenSidePanelButton } from '@/components/sidepanel/OpenSidePanelButton';
import { announceSaved } from '@/components/reading/announce-saved';
import { readingActions } from '@/components/reading/reading-actions';
import { ReadingState, SaveForLaterButton } from '@/components/reading/ReadingControls';
import { SyncStatusLine } from '@/components/sync/SyncStatusLine';
import { ArticleExport } from './ArticleExport';
import { highlightCounts, popupActions } from './popup-actions';
import { ShortcutNotice } from './ShortcutNotice';
import { useTabArticle } from './use-tab-article';

export function PopupApp({ tabId }: { tabId: number | null }) {
  const db = useMemo(() => createMarginDb(), []);
  const tab = useTabArticle(tabId);
  const { articleId } = tab;
  const article = useLiveQuery(() => (articleId ? getArticle(db, articleId) : null), [db, articleId]);
  const highlights = useLiveQuery(() => (articleId ? listHighlights(db, articleId) : []), [db, articleId]) ?? [];
  const [message, setMessage] = useState<string | null>(null);

  const { placed, notFound } = highlightCounts(highlights);
  // Opened as a page of its own (`?tab=`, tests and the benchmark) it must not close itself.
  const closeUnlessPage = () => !new URLSearchParams(location.search).has('tab') && window.close();
  const { saveOffline, openReader } = popupActions(tabId, {
    saveOffline: (id) => marginMessenger.sendMessage('article:save-offline', { tabId: id }),
    toggleReader: (id) => readerMessenger.sendMessage('reader:toggle', { tabId: id }),
    refresh: tab.refresh,
    close: closeUnlessPage,
    showMessage: setMessage,
  });
  const reading = readingActions({
    save: (id) => marginMessenger.sendMessage('reading:save', { tabId: id }),
    set: (id, change) => marginMessenger.sendMessage('reading:set', { articleId: id, ...change }),
    announce: async (id, answer) => void (await announceSaved(id, answer)),
    refresh: tab.refresh,
    showMessage: setMessage,
  });
  const changeReading = (id: string, change: Parameters<typeof reading.change>[1]) => void reading.change(id, change);
  const openLibrary = () => void browser.tabs.create({ url: browser.runtime.getURL('/library.html' as '/popup.html') });

  if (tab.loading) return <main className="pp" aria-busy="true" />;
  if (!tab.page) {
    return (
      <main className="pp">
        <h1 className="pp-title">Margin</h1>
        <p className="pp-empty">
          Margin cannot run on this page (browser pages and stores are off limits to extensions).
        </p>
        <SyncStatusLine />
        <ShortcutNotice onOpened={closeUnlessPage} />
        <button type="button" className="pp-button" onClick={openLibrary}>
          Open library
        </button>
      </main>
    );
  }

  return (
    <main className="pp">
      <header className="pp-header">
        <h1 className="pp-title" data-field="title">
          {article?.title ?? tab.page.title}
        </h1>
        <p className="pp-summary">
          <span data-count="highlights">{placed}</span> {placed === 1 ? 'highlight' : 'highlights'} on this page
          {notFound > 0 && (
            <>
              {' · '}
              <span data-count="orphans">{notFound}</span> not found (kept: see the side panel)
            </>
          )}
        </p>
        <div className="pp-actions">
          {tabId !== null && <OpenSidePanelButton tabId={tabId} onOpened={closeUnlessPage} onError={setMessage} />}
          <button type="button" className="pp-button" data-action="reader" onClick={() => void openReader()}>
            Reader view
          </button>
          <button type="button" className="pp-button" data-action="save-offline" onClick={() => void saveOffline()}>
            {article?.savedAt ? 'Update offline copy' : 'Save for offline'}
          </button>
          {tabId !== null && (
            <SaveForLaterButton
              article={articleId ? article : null}
              onSave={() => void reading.saveForLater(tabId)}
              onChange={changeReading}
            />
          )}
          <button type="button" className="pp-button" data-action="library" onClick={openLibrary}>
            Library
          </button>
        </div>
        <ReadingState article={articleId ? article : null} onChange={changeReading} />
        {articleId && <ArticleExport db={db} articleId={articleId} onMessage={setMessage} />}
        {article?.savedAt && (
          <p className="pp-hint" data-saved-at={article.savedAt}>
            Offline copy saved {new Date(article.savedAt).toLocaleString()}
          </p>
        )}
        <SyncStatusLine />
        <ShortcutNotice onOpened={closeUnlessPage} />
      </header>

      {message && (
        <p className="pp-message" role="status" data-popup-message>
          {message}
        </p>
      )}
    </main>
  );
}
