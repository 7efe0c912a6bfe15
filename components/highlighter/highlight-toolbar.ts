/**
 * The highlight toolbar: shown over a selection (colours, note, copy) or over a
 * clicked highlight (the same, plus delete), the note card's frame beside it, and
 * a toast for undo and for highlights that could not be placed.
 *
 * Everything lives in a closed shadow root, so page script cannot read or rewrite
 * it, and every control acts only on trusted events (a page's synthetic clicks do
 * nothing). No note or tag text is ever put here: notes are typed in the note card,
 * an extension page in an iframe (`entrypoints/note-card/`). Plain DOM, no React:
 * this runs in every page.
 */
import { HIGHLIGHT_COLOURS, type HighlightColour } from '@/utils/db/schema';
import { MARGIN_UI_ATTRIBUTE } from '@/utils/highlighting/margin-ui';
import toolbarCss from './toolbar.css?inline';

/** Kept here too for the popup, which imports it from this module. */
export { parseTags } from '@/utils/highlighting/parse-tags';

export interface ToolbarActions {
  colour(colour: HighlightColour): void;
  /** "Note": open the note card for the selection (highlighting it first) or the highlight. */
  note(): void;
  copy(): void;
  remove(): void;
}

export interface HighlightToolbar {
  /** Over a selection: nothing exists yet, so no delete and no current colour. */
  showForSelection(box: DOMRect): void;
  /** Over an existing highlight. */
  showForHighlight(box: DOMRect, current: { colour: HighlightColour }): void;
  hide(): void;
  isOpen(): boolean;
  /** Frames the extension page `src` (the note card) beside `box`, and gives it focus. */
  openCard(box: DOMRect, src: string): void;
  closeCard(): void;
  isCardOpen(): boolean;
  /** A message at the bottom of the viewport, with an optional action (Undo). Never note text. */
  toast(message: string, action?: { label: string; run: () => void }, ms?: number): void;
  /** Whether an event happened inside the toolbar, the card or the toast. */
  contains(event: Event): boolean;
  /**
   * A real pointer click, seen by a window listener registered before any page script:
   * runs the button under the pointer at once, so a page that stops clicks on their way
   * down cannot disable the toolbar. Keyboard clicks (no pointer) are left to the button.
   * @return whether a button ran
   */
  clickThrough(event: MouseEvent): boolean;
  destroy(): void;
}

const TOAST_MS = 8000;
const CARD_WIDTH = 340;
const CARD_HEIGHT = 210;

/** Clicks already run at the window (`clickThrough`): the button's own listener skips them. */
const ranAtWindow = new WeakSet<Event>();

/** What each toolbar button does, for `clickThrough`. */
const buttonActions = new WeakMap<Element, () => void>();

/** Runs `run` for a trusted click only: a page's `el.click()` or synthetic event does nothing. */
function onTrustedClick(el: HTMLElement, run: () => void) {
  buttonActions.set(el, run);
  el.addEventListener('click', (e) => {
    if (e.isTrusted && !ranAtWindow.has(e)) run();
  });
}

export function createHighlightToolbar(doc: Document, actions: ToolbarActions): HighlightToolbar {
  const host = doc.createElement('margin-toolbar');
  host.setAttribute(MARGIN_UI_ATTRIBUTE, '');
  const shadow = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = toolbarCss;
  shadow.append(style);

  const el = <K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, text = '') => {
    const e = doc.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
    if (text) e.textContent = text;
    return e;
  };

  const bar = el('div', { class: 'mt-bar', role: 'toolbar', 'aria-label': 'Margin highlight', hidden: '' });
  const swatches = HIGHLIGHT_COLOURS.map((colour) => {
    const b = el('button', {
      class: 'mt-swatch',
      'data-colour': colour,
      'aria-label': `Highlight ${colour}`,
      title: colour,
    });
    onTrustedClick(b, () => actions.colour(colour));
    return b;
  });
  const action = (name: string, label: string, run: () => void) => {
    const b = el('button', { class: 'mt-action', 'data-action': name }, label);
    onTrustedClick(b, run);
    return b;
  };
  const removeButton = action('delete', 'Delete', () => actions.remove());
  bar.append(
    ...swatches,
    el('span', { class: 'mt-sep' }),
    action('note', 'Note', () => actions.note()),
    action('copy', 'Copy', () => actions.copy()),
    removeButton,
  );
  // A mousedown on the toolbar would otherwise clear the page's selection before the click lands.
  bar.addEventListener('mousedown', (e) => e.preventDefault());

  const toastBox = el('div', { class: 'mt-toast', role: 'status', 'data-margin-toast': '', hidden: '' });
  shadow.append(bar, toastBox);

  let card: HTMLIFrameElement | null = null;
  let toastTimer: ReturnType<typeof setTimeout> | undefined;

  function attach() {
    // Last in <html>, so it sits above the reader overlay (same z-index, later in order).
    if (host.parentNode !== doc.documentElement || host.nextSibling) doc.documentElement.append(host);
  }

  function place(box: DOMRect) {
    const view = doc.defaultView!;
    bar.hidden = false;
    const width = bar.offsetWidth || 300;
    const height = bar.offsetHeight || 40;
    const left = Math.min(Math.max(8, box.left + box.width / 2 - width / 2), view.innerWidth - width - 8);
    const above = box.top - height - 8;
    // Kept on screen even when the passage runs past the viewport's edge.
    const top = Math.max(8, above >= 8 ? above : Math.min(box.bottom + 8, view.innerHeight - height - 8));
    bar.style.left = `${Math.round(left)}px`;
    bar.style.top = `${Math.round(top)}px`;
  }

  function show(box: DOMRect, current: HighlightColour | null) {
    attach();
    removeButton.hidden = current === null;
    for (const s of swatches) s.setAttribute('aria-pressed', String(s.dataset['colour'] === current));
    place(box);
  }

  const toolbar: HighlightToolbar = {
    showForSelection: (box) => show(box, null),
    showForHighlight: (box, current) => show(box, current.colour),
    hide() {
      bar.hidden = true;
    },
    isOpen: () => !bar.hidden,
    openCard(box, src) {
      attach();
      toolbar.closeCard();
      const view = doc.defaultView!;
      // Below the passage when it fits, else above it; always inside the viewport.
      const below = box.bottom + 8;
      const top = below + CARD_HEIGHT <= view.innerHeight - 8 ? below : Math.max(8, box.top - CARD_HEIGHT - 8);
      const left = Math.min(Math.max(8, box.left), view.innerWidth - CARD_WIDTH - 8);
      card = el('iframe', { class: 'mt-card', title: 'Margin note' });
      card.style.cssText = `left:${Math.round(left)}px;top:${Math.round(top)}px;width:${CARD_WIDTH}px;height:${CARD_HEIGHT}px`;
      card.src = src;
      // Typing goes straight to the card (the frame focuses its own note field when loaded).
      card.addEventListener('load', () => card?.focus(), { once: true });
      shadow.append(card);
      card.focus();
    },
    closeCard() {
      card?.remove();
      card = null;
    },
    isCardOpen: () => card !== null,
    toast(message, act, ms = TOAST_MS) {
      attach();
      clearTimeout(toastTimer);
      toastBox.replaceChildren(el('span', {}, message));
      if (act) {
        const b = el('button', { 'data-action': 'undo' }, act.label);
        onTrustedClick(b, () => {
          toastBox.hidden = true;
          act.run();
        });
        toastBox.append(b);
      }
      toastBox.hidden = false;
      toastTimer = setTimeout(() => (toastBox.hidden = true), ms);
    },
    contains: (event) => event.composedPath().includes(host),
    clickThrough(event) {
      if (!event.isTrusted || event.detail === 0 || !event.composedPath().includes(host)) return false;
      const button = shadow.elementFromPoint(event.clientX, event.clientY)?.closest('button');
      const run = button && !(button as HTMLButtonElement).hidden ? buttonActions.get(button) : undefined;
      if (!run) return false;
      ranAtWindow.add(event);
      run();
      return true;
    },
    destroy() {
      clearTimeout(toastTimer);
      host.remove();
    },
  };
  return toolbar;
}
