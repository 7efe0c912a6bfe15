/**
 * The popup: this page's highlights in page order with their notes, the page's
 * own note, highlights that could not be placed, the page actions (reader view,
 * offline copy, library), sync's status line and notes edited in two browsers. Reads the database directly with live queries;
 * writes go through the background so the page repaints at once.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { createMarginDb, getArticle, getPageNote, listHighlights, type HighlightPatch } from '@/utils/db';
import type { HighlightRecord } from '@/utils/db/schema';
import { collectExportData } from '@/utils/export/collect-export-data';
import { copyHighlightMarkdown } from '@/utils/export/markdown-export';
import { markdownOptions } from '@/utils/export/markdown-template-store';
import { isMarginError, marginMessenger } from '@/utils/messaging/margin-protocol';
import { pageMessenger } from '@/utils/messaging/page-protocol';
import { readerMessenger } from '@/utils/messaging/reader-protocol';
import { syncMessenger } from '@/utils/messaging/sync-protocol';
import { OpenSidePanelButton } from '@/components/sidepanel/OpenSidePanelButton';
import { SyncStatusLine } from '@/components/sync/SyncStatusLine';
import { ArticleExport } from './ArticleExport';
import { HighlightItem } from './HighlightItem';
import { OrphanItem } from './OrphanItem';
import { PageNoteEditor } from './PageNoteEditor';
import { useTabArticle } from './use-tab-article';

export function PopupApp({ tabId }: { tabId: number | null }) {
  const db = useMemo(() => createMarginDb(), []);
  const tab = useTabArticle(tabId);
  const { articleId } = tab;
  const article = useLiveQuery(() => (articleId ? getArticle(db, articleId) : null), [db, articleId]);
  const highlights = useLiveQuery(() => (articleId ? listHighlights(db, articleId) : []), [db, articleId]) ?? [];
  const pageNote = useLiveQuery(() => (articleId ? getPageNote(db, articleId) : null), [db, articleId]);
  const [message, setMessage] = useState<string | null>(null);
  const [deleted, setDeleted] = useState<HighlightRecord | null>(null);
  const [problems, setProblems] = useState<Record<string, string>>({});

  const placed = highlights.filter((h) => h.anchor === 'anchored' || h.anchor === 'weak');
  const orphans = highlights.filter((h) => h.anchor === 'orphaned' || h.anchor === 'detached');

  const show = (result: unknown, success?: string) => setMessage(isMarginError(result) ? result.error : (success ?? null));

  const update = async (id: string, patch: HighlightPatch) => show(await marginMessenger.sendMessage('highlight:update', { id, patch }));
  const remove = async (h: HighlightRecord) => {
    if (await marginMessenger.sendMessage('highlight:delete', { id: h.id })) setDeleted(h);
  };
  const undo = async () => {
    if (!deleted) return;
    await marginMessenger.sendMessage('highlight:restore', { id: deleted.id });
    setDeleted(null);
  };
  const copyMarkdown = async (h: HighlightRecord) => {
    const [exported] = (await collectExportData(db, { articleIds: [h.articleId], bodies: false })).articles;
    if (!exported) return;
    await navigator.clipboard.writeText(copyHighlightMarkdown(exported, h, await markdownOptions()));
    setMessage('Copied the highlight as Markdown.');
  };
  const reveal = (id: string) => tabId !== null && void pageMessenger.sendMessage('highlight:reveal', { id }, tabId).catch(() => false);
  const reattach = async (id: string) => {
    const ok = tabId !== null && (await pageMessenger.sendMessage('selection:reattach', { id }, tabId).catch(() => false));
    setProblems((p) => ({ ...p, [id]: ok ? '' : 'Select the passage on the page first, then click “Attach to selection”.' }));
  };
  const saveNote = async (text: string) => {
    if (tabId === null) return;
    show(await marginMessenger.sendMessage('page-note:set', { tabId, text }));
    if (!articleId) await tab.refresh();
  };
  // Picking a version is an edit like any other: the other versions go, here and, after sync, everywhere.
  const resolveHighlightNote = (id: string, note: string) => void update(id, { note, noteConflicts: [] });
  const resolvePageNote = async (text: string) => {
    if (!articleId) return;
    show(await syncMessenger.sendMessage('page-note:resolve', { articleId, text }));
  };
  const saveOffline = async () => {
    if (tabId === null) return;
    setMessage('Saving…');
    const result = await marginMessenger.sendMessage('article:save-offline', { tabId });
    show(result, 'Saved for offline reading.');
    await tab.refresh();
  };
  const openReader = async () => {
    if (tabId === null) return;
    const result = await readerMessenger.sendMessage('reader:toggle', { tabId });
    if (result.state === 'error') setMessage(result.message);
    else if (result.state === 'no-article') setMessage('Margin found no article on this page.');
    else if (!new URLSearchParams(location.search).has('tab')) window.close();
  };
  const openLibrary = () => void browser.tabs.create({ url: browser.runtime.getURL('/library.html' as '/popup.html') });

  if (tab.loading) return <main className="pp" aria-busy="true" />;
  if (!tab.page) {
    return (
      <main className="pp">
        <h1 className="pp-title">Margin</h1>
        <p className="pp-empty">Margin cannot run on this page (browser pages and stores are off limits to extensions).</p>
        <SyncStatusLine />
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
        <div className="pp-actions">
          {tabId !== null && (
            <OpenSidePanelButton
              tabId={tabId}
              onOpened={() => !new URLSearchParams(location.search).has('tab') && window.close()}
              onError={setMessage}
            />
          )}
          <button type="button" className="pp-button" data-action="reader" onClick={() => void openReader()}>
            Reader view
          </button>
          <button type="button" className="pp-button" data-action="save-offline" onClick={() => void saveOffline()}>
            {article?.savedAt ? 'Update offline copy' : 'Save for offline'}
          </button>
          <button type="button" className="pp-button" data-action="library" onClick={openLibrary}>
            Library
          </button>
        </div>
        {articleId && <ArticleExport db={db} articleId={articleId} onMessage={setMessage} />}
        {article?.savedAt && (
          <p className="pp-hint" data-saved-at={article.savedAt}>
            Offline copy saved {new Date(article.savedAt).toLocaleString()}
          </p>
        )}
        <SyncStatusLine />
      </header>

      {message && (
        <p className="pp-message" role="status" data-popup-message>
          {message}
        </p>
      )}
      {deleted && (
        <p className="pp-message" role="status">
          Highlight deleted.{' '}
          <button type="button" className="pp-link" data-action="undo" onClick={() => void undo()}>
            Undo
          </button>
        </p>
      )}

      <PageNoteEditor
        text={pageNote?.text ?? ''}
        onSave={(t) => void saveNote(t)}
        conflicts={pageNote?.noteConflicts}
        onResolve={(t) => void resolvePageNote(t)}
      />

      <section aria-labelledby="pp-highlights">
        <h2 id="pp-highlights" className="pp-h2">
          Highlights <span data-count="highlights">{placed.length}</span>
        </h2>
        {placed.length === 0 && orphans.length === 0 && (
          <p className="pp-empty">No highlights yet. Select text on the page to highlight it (or press Alt+Shift+H).</p>
        )}
        <ol className="pp-list" data-list="highlights">
          {placed.map((h) => (
            <HighlightItem
              key={h.id}
              highlight={h}
              onReveal={() => reveal(h.id)}
              onChange={(patch) => void update(h.id, patch)}
              onDelete={() => void remove(h)}
              onCopy={() => void copyMarkdown(h).catch((e: unknown) => setMessage(`Could not copy: ${e instanceof Error ? e.message : String(e)}`))}
              onResolve={(note) => resolveHighlightNote(h.id, note)}
            />
          ))}
        </ol>
      </section>

      {orphans.length > 0 && (
        <section aria-labelledby="pp-orphans" data-list="orphans">
          <h2 id="pp-orphans" className="pp-h2">
            Not found on this page <span data-count="orphans">{orphans.length}</span>
          </h2>
          <p className="pp-hint">The page changed and these passages are gone or moved. Nothing is lost: re-attach them or keep them as notes.</p>
          <ol className="pp-list">
            {orphans.map((h) => (
              <OrphanItem
                key={h.id}
                highlight={h}
                problem={problems[h.id]}
                onReattach={() => void reattach(h.id)}
                onKeepAsNote={() => void update(h.id, { anchor: 'detached' })}
                onDelete={() => void remove(h)}
                onResolve={(note) => resolveHighlightNote(h.id, note)}
              />
            ))}
          </ol>
        </section>
      )}
    </main>
  );
}
