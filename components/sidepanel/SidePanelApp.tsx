/**
 * The side panel: the page beside it — its note, then its highlights as cards in
 * page order — kept live with the database (extension pages read it directly) and
 * following the active tab. Writes go through the background, so the page repaints.
 * Click a card (or move with j/k) and the page shows the passage; click a highlight
 * on the page and its card opens here.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useRef, useState } from 'react';
import { PageNoteEditor } from './PageNoteEditor';
import { createMarginDb, getArticle, getPageNote, listHighlights, type HighlightPatch } from '@/utils/db';
import type { HighlightRecord } from '@/utils/db/schema';
import { collectExportData } from '@/utils/export/collect-export-data';
import { copyHighlightMarkdown } from '@/utils/export/markdown-export';
import { markdownOptions } from '@/utils/export/markdown-template-store';
import { isMarginError, marginMessenger } from '@/utils/messaging/margin-protocol';
import { pageMessenger } from '@/utils/messaging/page-protocol';
import { syncMessenger } from '@/utils/messaging/sync-protocol';
import { cardState, isOnPage, orderCards } from '@/utils/sidepanel/card-order';
import type { PanelKeyAction } from '@/utils/sidepanel/panel-keys';
import { CardList, type CardActions } from './CardList';
import { PanelEmpty } from './PanelEmpty';
import { PanelHeader } from './PanelHeader';
import { revealHighlight } from './reveal-highlight';
import { UndoBar } from './UndoBar';
import { useFollowedTab } from './use-followed-tab';
import { usePaintMark } from './use-paint-mark';
import { usePanelFocus } from './use-panel-focus';
import { usePanelKeys } from './use-panel-keys';
import { usePanelSubject } from './use-panel-subject';

export function SidePanelApp({ boundTab }: { boundTab: number | null }) {
  const db = useMemo(() => {
    const db = createMarginDb();
    // Opened now, while the tab is being asked about, not at the first query.
    void db.open().catch(() => undefined);
    return db;
  }, []);
  const followed = useFollowedTab(boundTab);
  const { subject, refresh } = usePanelSubject(db, followed.tabId, followed.version);
  const articleId = subject.kind === 'page' || subject.kind === 'offline' ? subject.articleId : null;
  const tabId = subject.kind === 'loading' ? null : subject.tabId;

  const article = useLiveQuery(() => (articleId ? getArticle(db, articleId) : null), [db, articleId]);
  // Tagged with the article it was read for: after a tab switch the previous answer is not this page's.
  const read = useLiveQuery(async () => ({ articleId, rows: articleId ? await listHighlights(db, articleId) : [] }), [db, articleId]);
  const rows = read?.articleId === articleId ? read.rows : undefined;
  const noteRead = useLiveQuery(async () => ({ articleId, note: articleId ? ((await getPageNote(db, articleId)) ?? null) : null }), [db, articleId]);
  const pageNote = noteRead?.articleId === articleId ? noteRead.note : undefined;
  const cards = useMemo(() => orderCards(rows ?? []), [rows]);

  const [focused, setFocused] = useState<string | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [deleted, setDeleted] = useState<HighlightRecord | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const main = useRef<HTMLElement>(null);
  // Another page beside the panel: nothing of the last one's focus, editing or undo carries over.
  useEffect(() => {
    setFocused(null);
    setEditing(null);
    setDeleted(null);
    setProblems({});
  }, [articleId]);
  usePaintMark(main, subject.kind !== 'loading' && rows !== undefined, cards.length);

  const show = (result: unknown) => setMessage(isMarginError(result) ? result.error : null);
  const reveal = (h: HighlightRecord) => {
    if (isOnPage(cardState(h.anchor))) void revealHighlight(subject, h);
  };
  const open = (id: string) => {
    setFocused(id);
    setEditing(id);
  };

  const actions: CardActions = {
    select(h) {
      setFocused(h.id);
      reveal(h);
    },
    edit: open,
    leave: () => setEditing(null),
    change: async (id, patch: HighlightPatch) => show(await marginMessenger.sendMessage('highlight:update', { id, patch })),
    async remove(h) {
      setEditing(null);
      if (await marginMessenger.sendMessage('highlight:delete', { id: h.id })) setDeleted(h);
    },
    async reattach(id) {
      const ok = tabId !== null && (await pageMessenger.sendMessage('selection:reattach', { id }, tabId).catch(() => false));
      setProblems((p) => ({ ...p, [id]: ok ? '' : 'Select the passage on the page first, then click “Attach to selection”.' }));
    },
    copy: (h) => void copyMarkdown(h).catch((e: unknown) => setMessage(`Could not copy: ${e instanceof Error ? e.message : String(e)}`)),
  };
  const copyMarkdown = async (h: HighlightRecord) => {
    const [exported] = (await collectExportData(db, { articleIds: [h.articleId], bodies: false })).articles;
    if (!exported) return;
    await navigator.clipboard.writeText(copyHighlightMarkdown(exported, h, await markdownOptions()));
    setMessage('Copied the highlight as Markdown.');
  };
  const undo = async () => {
    if (!deleted) return;
    await marginMessenger.sendMessage('highlight:restore', { id: deleted.id });
    setFocused(deleted.id);
    setDeleted(null);
  };
  const saveNote = async (text: string) => {
    if (subject.kind === 'offline') return show(await marginMessenger.sendMessage('page-note:set', { articleId: subject.articleId, text }));
    if (subject.kind !== 'page') return;
    show(await marginMessenger.sendMessage('page-note:set', { tabId: subject.tabId, text }));
    if (!articleId) await refresh();
  };

  // Picking a version is an edit like any other: the other versions go, here and, after sync, everywhere.
  const resolvePageNote = async (text: string) => {
    if (articleId) show(await syncMessenger.sendMessage('page-note:resolve', { articleId, text }));
  };

  usePanelFocus(tabId, open);
  usePanelKeys({ ids: cards.map((c) => c.id), focused, editing }, (action: PanelKeyAction) => {
    if (action.type === 'leave') return setEditing(null);
    if (action.type === 'edit') return open(action.id);
    setEditing(null);
    setFocused(action.id);
    const h = cards.find((c) => c.id === action.id);
    if (h) reveal(h);
  });

  if (subject.kind === 'loading') return <main className="sp" ref={main} aria-busy="true" />;
  if (subject.kind === 'none') {
    return (
      <main className="sp" ref={main} data-panel="none">
        <h1 className="pp-title">Margin</h1>
        <PanelEmpty reason={subject.tabId === null ? 'no-tab' : 'unsupported'} />
      </main>
    );
  }

  return (
    <main className="sp" ref={main} data-panel={subject.kind} data-article-id={articleId ?? undefined}>
      <PanelHeader title={article?.title ?? (subject.kind === 'page' ? subject.page.title : '')} offline={subject.kind === 'offline'} />
      {message && (
        <p className="pp-message" role="status" data-panel-message>
          {message}
        </p>
      )}
      {deleted && <UndoBar onUndo={() => void undo()} />}
      {/* Not before the note is read: typing into an empty field that the stored note then replaces would lose it. */}
      {pageNote !== undefined && (
        <PageNoteEditor
          text={pageNote?.text ?? ''}
          onSave={(t) => void saveNote(t)}
          conflicts={pageNote?.noteConflicts}
          onResolve={(t) => void resolvePageNote(t)}
        />
      )}
      <section aria-labelledby="sp-highlights">
        <h2 id="sp-highlights" className="pp-h2">
          Highlights <span data-count="cards">{cards.length}</span>
        </h2>
        {cards.length === 0 && rows !== undefined && <PanelEmpty reason="no-highlights" />}
        <CardList cards={cards} focused={focused} editing={editing} problems={problems} actions={actions} />
        {cards.length > 0 && (
          <p className="pp-hint sp-keys">
            <kbd>j</kbd>/<kbd>k</kbd> move between highlights, <kbd>Enter</kbd> edits, <kbd>Esc</kbd> stops editing.
          </p>
        )}
      </section>
    </main>
  );
}
