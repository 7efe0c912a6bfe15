/**
 * The highlight toolbar: shown over a selection (colours, note, tag, copy) or
 * over a clicked highlight (the same, plus delete, with its note open), and a
 * toast for undo and for highlights that could not be placed. Plain DOM in a
 * shadow root of its own: the page's CSS cannot reach it and it adds nothing
 * to the page's layout. Kept free of React so the script on every page stays small.
 */
import { HIGHLIGHT_COLOURS, type HighlightColour } from '@/utils/db/schema';
import { MARGIN_UI_ATTRIBUTE } from '@/utils/highlighting/margin-ui';
import toolbarCss from './toolbar.css?inline';

export interface ToolbarActions {
  colour(colour: HighlightColour): void;
  note(): void;
  tags(): void;
  copy(): void;
  remove(): void;
  saveNote(text: string): void;
  saveTags(tags: string[]): void;
  /** The toolbar was dismissed (Esc, a click elsewhere). */
  closed(): void;
}

export interface HighlightToolbar {
  /** Over a selection: nothing exists yet, so no delete and no current colour. */
  showForSelection(box: DOMRect): void;
  /** Over an existing highlight. */
  showForHighlight(box: DOMRect, current: { colour: HighlightColour }): void;
  openNote(text: string): void;
  openTags(tags: string[]): void;
  hide(): void;
  isOpen(): boolean;
  /** A message at the bottom of the viewport, with an optional action (Undo). */
  toast(message: string, action?: { label: string; run: () => void }, ms?: number): void;
  /** Whether an event happened inside the toolbar or the toast. */
  contains(event: Event): boolean;
  destroy(): void;
}

const TOAST_MS = 8000;

export function parseTags(input: string): string[] {
  return input
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
}

export function createHighlightToolbar(doc: Document, actions: ToolbarActions): HighlightToolbar {
  const host = doc.createElement('margin-toolbar');
  host.setAttribute(MARGIN_UI_ATTRIBUTE, '');
  const shadow = host.attachShadow({ mode: 'open' });
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
  const row = el('div', { class: 'mt-row' });
  const swatches = HIGHLIGHT_COLOURS.map((colour) => {
    const b = el('button', { class: 'mt-swatch', 'data-colour': colour, 'aria-label': `Highlight ${colour}`, title: colour });
    b.addEventListener('click', () => actions.colour(colour));
    return b;
  });
  const action = (name: string, label: string, run: () => void) => {
    const b = el('button', { class: 'mt-action', 'data-action': name }, label);
    b.addEventListener('click', run);
    return b;
  };
  const removeButton = action('delete', 'Delete', () => actions.remove());
  row.append(
    ...swatches,
    el('span', { class: 'mt-sep' }),
    action('note', 'Note', () => actions.note()),
    action('tag', 'Tag', () => actions.tags()),
    action('copy', 'Copy', () => actions.copy()),
    removeButton,
  );

  const notePanel = el('div', { class: 'mt-panel', hidden: '' });
  const noteInput = el('textarea', { 'data-field': 'note', 'aria-label': 'Note', placeholder: 'Write a note…' });
  const noteRow = el('div', { class: 'mt-row' });
  noteRow.append(action('save-note', 'Save note', () => actions.saveNote(noteInput.value)), el('span', { class: 'mt-hint' }, 'Ctrl+Enter saves'));
  notePanel.append(noteInput, noteRow);

  const tagPanel = el('div', { class: 'mt-panel', hidden: '' });
  const tagInput = el('input', { 'data-field': 'tags', 'aria-label': 'Tags, separated by commas', placeholder: 'tags, separated, by commas' });
  const tagRow = el('div', { class: 'mt-row' });
  tagRow.append(action('save-tags', 'Save tags', () => actions.saveTags(parseTags(tagInput.value))));
  tagPanel.append(tagInput, tagRow);

  bar.append(row, notePanel, tagPanel);

  const toastBox = el('div', { class: 'mt-toast', role: 'status', 'data-margin-toast': '', hidden: '' });
  shadow.append(bar, toastBox);

  noteInput.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      actions.saveNote(noteInput.value);
    }
  });
  tagInput.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      actions.saveTags(parseTags(tagInput.value));
    }
  });
  // Keys typed into the toolbar are the user's, not the page's shortcuts.
  for (const type of ['keydown', 'keyup', 'keypress'] as const) {
    host.addEventListener(type, (e) => {
      e.stopPropagation();
      if (type === 'keydown' && (e as KeyboardEvent).key === 'Escape') {
        toolbar.hide();
        actions.closed();
      }
    });
  }
  // A mousedown on the toolbar would otherwise clear the page's selection before the click lands.
  bar.addEventListener('mousedown', (e) => {
    if (!(e.target instanceof HTMLTextAreaElement || e.target instanceof HTMLInputElement)) e.preventDefault();
  });

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
    notePanel.hidden = true;
    tagPanel.hidden = true;
    removeButton.hidden = current === null;
    for (const s of swatches) s.setAttribute('aria-pressed', String(s.dataset['colour'] === current));
    place(box);
  }

  const toolbar: HighlightToolbar = {
    showForSelection: (box) => show(box, null),
    showForHighlight: (box, current) => show(box, current.colour),
    openNote(text) {
      tagPanel.hidden = true;
      notePanel.hidden = false;
      noteInput.value = text;
      noteInput.focus({ preventScroll: true });
    },
    openTags(tags) {
      notePanel.hidden = true;
      tagPanel.hidden = false;
      tagInput.value = tags.join(', ');
      tagInput.focus({ preventScroll: true });
    },
    hide() {
      bar.hidden = true;
    },
    isOpen: () => !bar.hidden,
    toast(message, act, ms = TOAST_MS) {
      attach();
      clearTimeout(toastTimer);
      toastBox.replaceChildren(el('span', {}, message));
      if (act) {
        const b = el('button', { 'data-action': 'undo' }, act.label);
        b.addEventListener('click', () => {
          toastBox.hidden = true;
          act.run();
        });
        toastBox.append(b);
      }
      toastBox.hidden = false;
      toastTimer = setTimeout(() => (toastBox.hidden = true), ms);
    },
    contains: (event) => event.composedPath().includes(host),
    destroy() {
      clearTimeout(toastTimer);
      host.remove();
    },
  };
  return toolbar;
}
