/**
 * The side panel: the page beside it — its note, then its highlights as cards in
 * page order — kept live with the database (extension pages read it directly) and
 * following the active tab. Writes go through the background, so the page repaints.
 * Click a card (or move with j/k) and the page shows the passage; click a highlight
 * on the page and its card opens here.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { PageNoteEditor } from './PageNoteEditor';
import { announceSaved } from '@/components/reading/announce-saved';
import { readingActions, type ReadingChange } from '@/components/reading/reading-actions';
import { ReadingState, SaveForLaterButton } from '@/components/reading/ReadingControls';
import type { HighlightPatch } from '@/utils/db';
import type { HighlightRecord } from '@/utils/db/schema';
import { isMarginError, marginMessenger } from '@/utils/messaging/margin-protocol';
import { pageMessenger } from '@/utils/messaging/page-protocol';
import { syncMessenger } from '@/utils/messaging/sync-protocol';
import { cardState, isOnPage, orderCards } from '@/utils/sidepanel/card-order';
import type { PanelKeyAction } from '@/utils/sidepanel/panel-keys';
import { CardList, type CardActions } from './CardList';
import { PanelEmpty } from './PanelEmpty';
import { PanelHeader } from './PanelHeader';
import { usePanelData } from './panel-data';
import type { PanelStart } from './panel-start';
import { revealHighlight } from './reveal-highlight';
import { UndoBar } from './UndoBar';
import { useFollowedTab } from './use-followed-tab';
import { usePaintMark } from './use-paint-mark';
import { usePanelFocus } from './use-panel-focus';
import { usePanelKeys } from './use-panel-keys';
import { usePanelSubject } from './use-panel-subject';
import { useStableActions } from './use-stable-actions';

/**
 * @param start - what the panel's start (`panel-start.ts`) found and read before React
 *   rendered: the first render shows it, and the hooks carry on from there
 */
export function SidePanelApp({ start }: { start: PanelStart }) {
  const { db } = start;
  const followed = useFollowedTab(start.bound, start.found);
  const { subject, refresh } = usePanelSubject(db, followed.tabId, followed.version, start.subject);
  const articleId = subject.kind === 'page' || subject.kind === 'offline' ? subject.articleId : null;
  const tabId = subject.kind === 'loading' ? null : subject.tabId;

  // Tagged with the article it was read for: after a tab switch the previous answer is not this page's.
  const read = usePanelData(db, articleId, start.data);
  const data = read?.articleId === articleId ? read : undefined;
  const article = data?.article;
  const rows = data?.rows;
  const pageNote = data?.pageNote;
  const cards = useMemo(() => orderCards(rows ?? []), [rows]);

  const [focused, setFocused] = useState<string | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [deleted, setDeleted] = useState<HighlightRecord | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const main = useRef<HTMLElement>(null);
  // Another page beside the panel: nothing of the last one's focus, editing or undo carries over.
  // biome-ignore lint/correctness/useExhaustiveDependencies: articleId is the trigger: another page resets focus, editing and undo
  useEffect(() => {
    setFocused(null);
    setEditing(null);
    setDeleted(null);
    setProblems({});
  }, [articleId]);
  usePaintMark(main, subject.kind !== 'loading' && rows !== undefined);

  const show = (result: unknown) => setMessage(isMarginError(result) ? result.error : null);
  const reveal = (h: HighlightRecord) => {
    if (isOnPage(cardState(h.anchor))) void revealHighlight(subject, h);
  };
  const open = (id: string) => {
    setFocused(id);
    setEditing(id);
  };

  const actions = useStableActions<CardActions>({
    select(h) {
      setFocused(h.id);
      reveal(h);
    },
    edit: open,
    leave: () => setEditing(null),
    change: async (id, patch: HighlightPatch) =>
      show(await marginMessenger.sendMessage('highlight:update', { id, patch })),
    async remove(h) {
      setEditing(null);
      if (await marginMessenger.sendMessage('highlight:delete', { id: h.id })) setDeleted(h);
    },
    async reattach(id) {
      const ok =
        tabId !== null && (await pageMessenger.sendMessage('selection:reattach', { id }, tabId).catch(() => false));
      setProblems((p) => ({
        ...p,
        [id]: ok ? '' : 'Select the passage on the page first, then click “Attach to selection”.',
      }));
    },
    copy: (h: HighlightRecord) =>
      void copyMarkdown(h).catch((e: unknown) =>
        setMessage(`Could not copy: ${e instanceof Error ? e.message : String(e)}`),
      ),
  });
  const copyMarkdown = async (h: HighlightRecord) => {
    // Loaded on first use: the panel's first paint does not need the export code.
    const [{ collectExportData }, { copyHighlightMarkdown }, { markdownOptions }] = await Promise.all([
      import('@/utils/export/collect-export-data'),
      import('@/utils/export/markdown-export'),
      import('@/utils/export/markdown-template-store'),
    ]);
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
    if (subject.kind === 'offline')
      return show(await marginMessenger.sendMessage('page-note:set', { articleId: subject.articleId, text }));
    if (subject.kind !== 'page') return;
    show(await marginMessenger.sendMessage('page-note:set', { tabId: subject.tabId, text }));
    if (!articleId) await refresh();
  };

  // Picking a version is an edit like any other: the other versions go, here and, after sync, everywhere.
  const resolvePageNote = async (text: string) => {
    if (articleId) show(await syncMessenger.sendMessage('page-note:resolve', { articleId, text }));
  };

  const reading = readingActions({
    save: (id) => marginMessenger.sendMessage('reading:save', { tabId: id }),
    set: (id, change) => marginMessenger.sendMessage('reading:set', { articleId: id, ...change }),
    announce: async (id, answer) => void (await announceSaved(id, answer)),
    refresh,
    showMessage: setMessage,
  });
  const changeReading = (id: string, change: ReadingChange) => void reading.change(id, change);

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
      <PanelHeader
        title={article?.title ?? (subject.kind === 'page' ? subject.page.title : '')}
        offline={subject.kind === 'offline'}
      />
      {/* Beside a page: save it (its offline copy too); beside a saved copy: list the article. */}
      <div className="sp-reading" data-panel-reading>
        <SaveForLaterButton
          article={articleId ? article : null}
          onSave={subject.kind === 'page' ? () => void reading.saveForLater(subject.tabId) : undefined}
          onChange={changeReading}
        />
        <ReadingState article={articleId ? article : null} onChange={changeReading} />
      </div>
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
        {/* One list per article: the next page's cards again come first screenful first. */}
        <CardList
          key={articleId}
          cards={cards}
          focused={focused}
          editing={editing}
          problems={problems}
          actions={actions}
        />
        {cards.length > 0 && (
          <p className="pp-hint sp-keys">
            <kbd>j</kbd>/<kbd>k</kbd> move between highlights, <kbd>Enter</kbd> edits, <kbd>Esc</kbd> stops editing.
          </p>
        )}
      </section>
    </main>
  );
}
