/**
 * One tab's highlights: asks the background for the page's annotations, anchors
 * them on each surface (the page body, and the reader view's article while it is
 * open), paints them, reports where each was found, and turns toolbar actions,
 * commands and popup requests into messages to the background, which owns the
 * database.
 *
 * The page is not trusted: only trusted input (`isTrusted`) drives the toolbar,
 * only our extension's messages are answered, and no note or tag text is held in
 * the page's DOM: notes are read and typed in the note card, an extension frame.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createAnchorer, findSelector, LOW_CONFIDENCE, type Selector } from '@/utils/anchoring';
import type { HighlightColour, HighlightRecord } from '@/utils/db/schema';
import { DEFAULT_HIGHLIGHT_SETTINGS, type HighlightSettings } from '@/utils/settings/highlight-settings';
import { watchHighlightSettings } from '@/utils/settings/highlight-settings-store';
import { deepLink } from '@/utils/highlighting/deep-link';
import { highlightCss } from '@/utils/highlighting/highlight-colours';
import { createHighlightPainter, type HighlightPainter } from '@/utils/highlighting/highlight-painter';
import { highlightAtPoint } from '@/utils/highlighting/hit-test';
import { MARGIN_UI_ATTRIBUTE } from '@/utils/highlighting/margin-ui';
import { readPageInfo } from '@/utils/highlighting/page-info';
import { selectionRangeIn } from '@/utils/highlighting/selection-range';
import {
  isMarginError,
  marginMessenger,
  type PaintedHighlight,
  type PlacementReport,
} from '@/utils/messaging/margin-protocol';
import { pageMessenger, type PageProtocol } from '@/utils/messaging/page-protocol';
import type { HighlighterInstance } from '@/utils/messaging/reader-instance';
import { createHighlightToolbar, type HighlightToolbar } from '@/components/highlighter/highlight-toolbar';
import { watchForLateContent } from '@/utils/highlighting/late-content';
import { createPageReading } from './page-reading';

const NOTE_CARD_PATH = '/note-card.html';

/** Whether a message comes from Margin itself (its background, popup, note card), not another extension. */
function fromMargin(sender: { id?: string } | undefined): boolean {
  return sender?.id === browser.runtime.id;
}

interface Surface {
  kind: 'page' | 'reader';
  root: HTMLElement;
  painter: HighlightPainter;
}

export interface HighlighterController extends HighlighterInstance {
  /**
   * Listens for the user's input on `window`, capturing, at `document_start`: before any page
   * script can add a listener that stops real events on their way down (and so switch Margin off).
   */
  listen(): void;
  start(): Promise<void>;
  stop(): void;
  /**
   * The page was saved for later (the background calls this in the tab's content-script
   * world after `saveForLater`): says so on the page and starts following its reading progress.
   */
  savedForLater(articleId: string, alreadyListed: boolean): void;
}

export function createHighlighterController(ctx: ContentScriptContext): HighlighterController {
  let articleId: string | null = null;
  let records = new Map<string, PaintedHighlight>();
  let settings: HighlightSettings = { ...DEFAULT_HIGHLIGHT_SETTINGS };
  const surfaces: Surface[] = [];
  let toolbar: HighlightToolbar | null = null;
  /** Input before `start()` (the page's DOM not parsed yet) is the page's alone. */
  let started = false;
  /** What the toolbar acts on: a selection not yet highlighted, or a highlight. */
  let target: { kind: 'selection'; surface: Surface; range: Range } | { kind: 'highlight'; id: string } | null = null;
  let stopLateContent: (() => void) | null = null;
  let orphansAnnounced = false;
  /** Imported highlights whose first placement the user was told of. */
  const importedAnnounced = new Set<string>();
  const reading = createPageReading(ctx);

  const pageSurface = (): Surface => {
    let s = surfaces.find((x) => x.kind === 'page');
    if (!s) {
      s = { kind: 'page', root: document.body, painter: createHighlightPainter(window) };
      surfaces.unshift(s);
    }
    return s;
  };

  function installStyles(where: Document | ShadowRoot) {
    const parent = where instanceof Document ? (where.head ?? where.documentElement) : where;
    if (parent.querySelector(':scope > style[data-margin-highlights]')) return;
    const style = document.createElement('style');
    style.setAttribute('data-margin-highlights', '');
    style.setAttribute(MARGIN_UI_ATTRIBUTE, '');
    style.textContent = highlightCss();
    parent.append(style);
  }

  function ensureToolbar(): HighlightToolbar {
    toolbar ??= createHighlightToolbar(document, toolbarActions);
    return toolbar;
  }

  const pageInfo = () => readPageInfo(document, location.href);

  /**
   * Anchors every live highlight not yet placed on a surface (all of them after a
   * change of page), then paints: painting with marks splits text nodes, so every
   * highlight is found in one index first.
   * @return where each highlight was found (page surface only is reported)
   */
  function anchorOn(surface: Surface, only?: Set<string>): PlacementReport[] {
    const todo = [...records.values()].filter(
      (h) => h.anchor !== 'detached' && (!only || only.has(h.id)) && !isPlaced(surface, h.id),
    );
    if (!todo.length) return [];
    const anchorer = createAnchorer(surface.root);
    const results = todo.map((h) => ({ h, found: anchorer.anchor(h.selectors) }));
    const reports: PlacementReport[] = [];
    for (const { h, found } of results) {
      if (!found) {
        reports.push({ id: h.id, anchor: 'orphaned' });
        continue;
      }
      if (surface.kind === 'page') installStyles(document);
      surface.painter.paint(h.id, found.range, h.colour);
      const described = anchorer.describe(found.range);
      const start = described.find((s) => s.type === 'TextPositionSelector');
      reports.push({
        id: h.id,
        anchor: found.confidence >= LOW_CONFIDENCE ? 'anchored' : 'weak',
        ...(start && { position: start.start }),
        // An imported quote found for the first time: where, so later visits anchor it like any highlight.
        ...(h.anchor === 'unplaced' && surface.kind === 'page' && { selectors: described }),
      });
    }
    return reports;
  }

  function isPlaced(surface: Surface, id: string): boolean {
    const range = surface.painter.rangeOf(id);
    return Boolean(range && !range.collapsed && range.startContainer.isConnected);
  }

  /** Sends where highlights were found; the ones not found wait for the page to settle (see `settleOrphans`). */
  async function report(reports: PlacementReport[]) {
    const placed = reports.filter((r) => r.anchor !== 'orphaned');
    if (!articleId || !placed.length) return;
    await marginMessenger.sendMessage('highlights:placed', { articleId, placements: placed });
    const imported = placed.filter((r) => r.selectors && !importedAnnounced.has(r.id));
    if (!imported.length) return;
    for (const r of imported) importedAnnounced.add(r.id);
    const n = imported.length;
    ensureToolbar().toast(
      n === 1 ? '1 imported highlight placed on this page.' : `${n} imported highlights placed on this page.`,
    );
  }

  /** The page stopped changing and some highlights are still not on it: record them and tell the user. */
  async function settleOrphans() {
    const missing = [...records.values()].filter((h) => h.anchor !== 'detached' && !isPlaced(pageSurface(), h.id));
    if (!articleId || !missing.length) return;
    await marginMessenger.sendMessage('highlights:placed', {
      articleId,
      placements: missing.map((h) => ({ id: h.id, anchor: 'orphaned' as const })),
    });
    if (orphansAnnounced) return;
    orphansAnnounced = true;
    const n = missing.length;
    ensureToolbar().toast(
      n === 1
        ? 'Margin could not find 1 highlight on this page. It is kept: open Margin’s popup to see it.'
        : `Margin could not find ${n} highlights on this page. They are kept: open Margin’s popup to see them.`,
    );
  }

  /** Fetches the page's annotations and brings every surface in step with them. */
  async function load(): Promise<void> {
    const annotations = await marginMessenger.sendMessage('page:open', pageInfo());
    settings = annotations.settings;
    articleId = annotations.article?.id ?? null;
    const next = new Map(annotations.highlights.map((h) => [h.id, h]));
    for (const surface of surfaces) {
      for (const id of surface.painter.ids()) {
        const now = next.get(id);
        const before = records.get(id);
        if (!now || now.anchor === 'detached' || JSON.stringify(now.selectors) !== JSON.stringify(before?.selectors)) {
          surface.painter.remove(id);
        } else if (now.colour !== before?.colour) surface.painter.recolour(id, now.colour);
      }
    }
    records = next;
    // Only an article on the reading list has a place to return to: the others cost no second message.
    reading.articleKnown(annotations.article?.readingStatus ? articleId : null);
    for (const surface of surfaces) {
      const reports = anchorOn(surface);
      if (surface.kind === 'page') await report(reports);
    }
    watchLateContent();
  }

  /** Dynamic pages add their article after load: look again, debounced, until the page settles. */
  function watchLateContent() {
    stopLateContent?.();
    const waiting = () => [...records.values()].some((h) => h.anchor !== 'detached' && !isPlaced(pageSurface(), h.id));
    if (!waiting()) return;
    stopLateContent = watchForLateContent(document.body, {
      onChange: () => void report(anchorOn(pageSurface())),
      done: () => !waiting(),
      onSettled: () => void settleOrphans(),
    });
  }

  async function create(surface: Surface, range: Range, colour: HighlightColour, extra: { note?: string } = {}) {
    const selectors = createAnchorer(surface.root).describe(range);
    if (!findSelector(selectors, 'TextQuoteSelector')) return null;
    const result = await marginMessenger.sendMessage('highlight:create', {
      page: pageInfo(),
      selectors,
      colour,
      ...extra,
    });
    if (isMarginError(result)) {
      ensureToolbar().toast(result.error);
      return null;
    }
    articleId = result.articleId;
    records.set(result.id, result);
    surface.painter.paint(result.id, range, result.colour);
    if (surface.kind === 'page') installStyles(document);
    // The same passage on the other surface (the page behind the reader, or the reader).
    for (const other of surfaces) if (other !== surface) anchorOn(other, new Set([result.id]));
    document.getSelection()?.removeAllRanges();
    return result;
  }

  async function update(
    id: string,
    patch: Partial<Pick<HighlightRecord, 'colour' | 'note' | 'tags' | 'selectors' | 'anchor' | 'position' | 'quote'>>,
  ) {
    const result = await marginMessenger.sendMessage('highlight:update', { id, patch });
    if (isMarginError(result)) {
      ensureToolbar().toast(result.error);
      return null;
    }
    if (result) {
      records.set(id, result);
      for (const s of surfaces) s.painter.recolour(id, result.colour);
    }
    return result;
  }

  async function remove(id: string) {
    if (!(await marginMessenger.sendMessage('highlight:delete', { id }))) return;
    records.delete(id);
    for (const s of surfaces) s.painter.remove(id);
    ensureToolbar().toast('Highlight deleted.', {
      label: 'Undo',
      run: () =>
        void (async () => {
          const back = await marginMessenger.sendMessage('highlight:restore', { id });
          if (!back) return;
          records.set(id, back);
          for (const s of surfaces) anchorOn(s, new Set([id]));
        })(),
    });
  }

  /** The highlight the toolbar works on, creating it from the selection when there is none yet. */
  async function targetHighlight(): Promise<PaintedHighlight | null> {
    if (!target) return null;
    if (target.kind === 'highlight') return records.get(target.id) ?? null;
    const made = await create(target.surface, target.range, settings.defaultColour);
    if (made) target = { kind: 'highlight', id: made.id };
    return made;
  }

  async function copy(h: Pick<PaintedHighlight, 'quote' | 'selectors'>) {
    const quote = findSelector(h.selectors, 'TextQuoteSelector');
    const link = quote ? deepLink(location.href, quote) : location.href;
    const text = `“${h.quote}” — ${document.title}\n${link}`;
    try {
      await navigator.clipboard.writeText(text);
    } catch {
      // Pages may block the async clipboard; a hidden textarea and execCommand still work in a click.
      const area = document.createElement('textarea');
      area.value = text;
      area.setAttribute(MARGIN_UI_ATTRIBUTE, '');
      area.style.cssText = 'position:fixed;opacity:0;left:-9999px';
      document.documentElement.append(area);
      area.select();
      document.execCommand('copy');
      area.remove();
    }
    ensureToolbar().toast('Quote and link copied.');
  }

  /**
   * Opens the note card beside highlight `id`. The background learns which highlight
   * it is first (the card asks it), so the id never travels in the frame's URL.
   */
  async function openNoteCard(id: string) {
    const range = surfaceOf(id)?.painter.rangeOf(id);
    if (!range) return;
    try {
      await marginMessenger.sendMessage('highlight:focused', { id, noteCard: true });
    } catch {
      return; // The background is gone (extension reloaded): the card would have nothing to edit.
    }
    if (target?.kind !== 'highlight' || target.id !== id) return; // the user moved on meanwhile
    ensureToolbar().openCard(
      range.getBoundingClientRect(),
      browser.runtime.getURL(NOTE_CARD_PATH as '/note-card.html'),
    );
  }

  const toolbarActions = {
    colour: (colour: HighlightColour) =>
      void (async () => {
        if (target?.kind === 'highlight') {
          await update(target.id, { colour });
          ensureToolbar().hide();
        } else if (target?.kind === 'selection') {
          const made = await create(target.surface, target.range, colour);
          if (made) showForHighlight(made.id);
        }
      })(),
    note: () =>
      void (async () => {
        const h = await targetHighlight();
        if (h) {
          showForHighlight(h.id);
          await openNoteCard(h.id);
        }
      })(),
    copy: () =>
      void (async () => {
        if (target?.kind === 'selection') {
          const selectors = createAnchorer(target.surface.root).describe(target.range);
          const quote = findSelector(selectors, 'TextQuoteSelector');
          if (quote) await copy({ quote: quote.exact, selectors });
        } else if (target?.kind === 'highlight') {
          const h = records.get(target.id);
          if (h) await copy(h);
        }
      })(),
    remove: () =>
      void (async () => {
        if (target?.kind !== 'highlight') return;
        const id = target.id;
        closeToolbar();
        await remove(id);
      })(),
  };

  function closeToolbar() {
    toolbar?.closeCard();
    toolbar?.hide();
    target = null;
    for (const s of surfaces) s.painter.focus(null);
  }

  function surfaceOf(id: string): Surface | undefined {
    // The reader, when open, covers the page: prefer it.
    return [...surfaces].reverse().find((s) => isPlaced(s, id));
  }

  function showForHighlight(id: string) {
    const h = records.get(id);
    const surface = surfaceOf(id);
    const range = surface?.painter.rangeOf(id);
    if (!h || !surface || !range) return;
    target = { kind: 'highlight', id };
    for (const s of surfaces) s.painter.focus(s === surface ? id : null);
    ensureToolbar().showForHighlight(range.getBoundingClientRect(), h);
  }

  function activeSurfaces(): Surface[] {
    pageSurface();
    // The reader overlay hides the page: only its surface takes selections while open.
    const reader = surfaces.find((s) => s.kind === 'reader');
    return reader ? [reader] : surfaces;
  }

  function onSelectionEnd(event: Event) {
    // A page's synthetic mouseup/keyup must not open the toolbar or a note.
    if (!event.isTrusted || toolbar?.contains(event)) return;
    // Let the browser finish updating the selection first.
    ctx.setTimeout(() => {
      for (const surface of activeSurfaces()) {
        const range = selectionRangeIn(surface.root);
        if (!range) continue;
        const hasText = range.toString().trim().length > 0;
        if (!hasText) continue;
        target = { kind: 'selection', surface, range: range.cloneRange() };
        if (settings.toolbarOnSelect) ensureToolbar().showForSelection(range.getBoundingClientRect());
        return;
      }
      if (event.type === 'mouseup' && event instanceof MouseEvent) onClick(event);
    }, 0);
  }

  /** A selection made with Shift+arrows shows the toolbar too. */
  function onKeyUp(event: KeyboardEvent) {
    if (event.isTrusted && (event.shiftKey || event.key === 'Shift')) onSelectionEnd(event);
  }

  /** A (trusted) click on a highlight opens the toolbar and its note card; elsewhere, closes them. */
  /**
   * Whether what the pointer is on is the highlighted text itself, not something the page
   * laid over it: a transparent lure over a highlight must not turn a click meant for the
   * page into one on Margin's toolbar.
   */
  function pointsAtHighlight(surface: Surface, id: string, x: number, y: number): boolean {
    const range = surface.painter.rangeOf(id);
    const under = (surface.root.getRootNode() as Document | ShadowRoot).elementFromPoint(x, y);
    return Boolean(range && under && range.intersectsNode(under));
  }

  function onClick(event: MouseEvent) {
    if (!event.isTrusted) return;
    for (const surface of activeSurfaces()) {
      const id = highlightAtPoint(surface.painter.ids(), surface.painter.rangeOf, event.clientX, event.clientY);
      if (id && pointsAtHighlight(surface, id, event.clientX, event.clientY)) {
        showForHighlight(id);
        void openNoteCard(id);
        return;
      }
    }
    if (toolbar?.isOpen() || toolbar?.isCardOpen()) closeToolbar();
  }

  /**
   * Esc closes the note card or the toolbar, and only that: the reader view (whose own
   * Esc listener was added after this one) stays open at the reading place.
   */
  function onEscape(event: KeyboardEvent) {
    if (event.key !== 'Escape' || !event.isTrusted || !(toolbar?.isOpen() || toolbar?.isCardOpen())) return;
    event.stopImmediatePropagation();
    event.preventDefault();
    closeToolbar();
  }

  /** Answers `type` only when the message comes from Margin itself. */
  function answer<K extends keyof PageProtocol>(
    type: K,
    run: (data: Parameters<PageProtocol[K]>[0]) => ReturnType<PageProtocol[K]> | Promise<ReturnType<PageProtocol[K]>>,
  ) {
    pageMessenger.onMessage(type, (message) => {
      if (!fromMargin(message.sender)) throw new Error('Margin answers only Margin');
      return run(message.data as Parameters<PageProtocol[K]>[0]);
    });
  }

  function revealHighlight(id: string): boolean {
    const surface = surfaceOf(id);
    const range = surface?.painter.rangeOf(id);
    if (!surface || !range) return false;
    const el =
      range.startContainer.nodeType === 1 ? (range.startContainer as Element) : range.startContainer.parentElement;
    el?.scrollIntoView({ block: 'center', behavior: 'instant' as ScrollBehavior });
    for (const s of surfaces) s.painter.focus(s === surface ? id : null);
    ctx.setTimeout(() => surface.painter.focus(null), 2500);
    return true;
  }

  async function highlightSelection(colour?: HighlightColour): Promise<boolean> {
    for (const surface of activeSurfaces()) {
      const range = selectionRangeIn(surface.root);
      if (range && range.toString().trim()) {
        const made = await create(surface, range.cloneRange(), colour ?? settings.defaultColour);
        return made !== null;
      }
    }
    return false;
  }

  async function reattach(id: string): Promise<boolean> {
    for (const surface of activeSurfaces()) {
      const range = selectionRangeIn(surface.root);
      if (!range || !range.toString().trim()) continue;
      const selectors: Selector[] = createAnchorer(surface.root).describe(range.cloneRange());
      const quote = findSelector(selectors, 'TextQuoteSelector');
      const position = findSelector(selectors, 'TextPositionSelector');
      if (!quote) return false;
      const updated = await update(id, {
        selectors,
        quote: quote.exact,
        anchor: 'anchored',
        ...(position && { position: position.start }),
      });
      if (!updated) return false;
      for (const s of surfaces) {
        s.painter.remove(id);
        anchorOn(s, new Set([id]));
      }
      document.getSelection()?.removeAllRanges();
      return true;
    }
    return false;
  }

  /**
   * WXT reports a navigation when it starts (Navigation API), before `location`
   * changes; the page's info must be read at the new address.
   */
  async function addressCommitted(href: string): Promise<void> {
    for (let waited = 0; location.href !== href && waited < 2000; waited += 50) {
      await new Promise<void>((resolve) => ctx.setTimeout(() => resolve(), 50));
    }
  }

  return {
    listen() {
      const when =
        <E extends Event>(handle: (event: E) => void) =>
        (event: E) => {
          if (started) handle(event);
        };
      // On window, capturing, registered before the page's scripts run: they can neither stop
      // these events before Margin sees them nor (with isTrusted) fake them. Esc here also
      // comes before the reader's own Esc.
      ctx.addEventListener(window, 'mouseup', when(onSelectionEnd), { capture: true });
      ctx.addEventListener(window, 'keyup', when(onKeyUp), { capture: true });
      ctx.addEventListener(window, 'keydown', when(onEscape), { capture: true });
      ctx.addEventListener(
        window,
        'click',
        when((event: MouseEvent) => void toolbar?.clickThrough(event)),
        { capture: true },
      );
    },

    async start() {
      pageSurface();
      answer('highlights:changed', (data) => {
        if (data.all || data.articleId === articleId || articleId === null) void load();
      });
      answer('highlight:reveal', (data) => revealHighlight(data.id));
      answer('selection:highlight', (data) => highlightSelection(data.colour));
      answer('selection:reattach', (data) => reattach(data.id));
      answer('page:info', () => pageInfo());
      answer('note-card:close', () => closeToolbar());
      // Single-page apps change the address without a load: a new address may be a new article.
      ctx.addEventListener(window, 'wxt:locationchange', (event) => {
        // A note being typed survives the page's own pushState (a hash, a scroll-spy) while its
        // highlight is still on the page afterwards; on another article the card closes.
        const editing = toolbar?.isCardOpen() && target?.kind === 'highlight' ? target.id : null;
        if (editing) toolbar?.hide();
        else closeToolbar();
        for (const s of surfaces) s.painter.clear();
        records = new Map();
        orphansAnnounced = false;
        void addressCommitted(event.newUrl.href)
          .then(load)
          .finally(() => {
            const stillThere =
              editing !== null && target?.kind === 'highlight' && target.id === editing && surfaceOf(editing);
            if (editing !== null && !stillThere) closeToolbar();
          });
      });
      ctx.onInvalidated(watchHighlightSettings((s) => (settings = s)));
      started = true;
      await load();
    },

    stop() {
      stopLateContent?.();
      for (const s of surfaces) s.painter.clear();
      toolbar?.destroy();
      pageMessenger.removeAllListeners();
    },

    savedForLater(id, alreadyListed) {
      ensureToolbar().toast(alreadyListed ? 'Already on your reading list.' : 'Saved for later.');
      reading.listed(id);
      // Saving may have filed the page's article just now: its highlights are this article's from here.
      if (articleId !== id) void load();
    },

    addSurface(root, styleRoot) {
      // The reader view covers the page and reports its own reading position meanwhile.
      reading.pause();
      installStyles(styleRoot);
      const surface: Surface = { kind: 'reader', root, painter: createHighlightPainter(window) };
      surfaces.push(surface);
      anchorOn(surface);
      // Keys typed in the reader reach the window's capturing listener (`listen`) before the
      // reader stops them at its host.
      return () => {
        reading.resume();
        surface.painter.clear();
        surfaces.splice(surfaces.indexOf(surface), 1);
        if (target && (target.kind === 'highlight' || target.surface === surface)) closeToolbar();
      };
    },
  };
}
