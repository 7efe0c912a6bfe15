/**
 * The note card: a small form (note, tags, colour) for one highlight, in an extension
 * page framed beside it on the page. It runs in the extension's origin, so what is typed
 * here never reaches the page: not its DOM, not its key events. Plain DOM, no React: the
 * card opens on every click of a highlight and must load at once.
 *
 * The card is wired to the browser through `NoteCardDeps`, so it can be tested apart from it.
 */
import { HIGHLIGHT_COLOURS, type HighlightColour, type HighlightRecord } from '@/utils/db/schema';
import { formFor, notePatch, type NoteCardPatch } from '@/utils/highlighting/note-card-edit';

export interface NoteCardDeps {
  /** Which highlight this card edits, in which tab; a string is an error to show. */
  target(): Promise<{ id: string; tabId: number } | string>;
  /** The highlight as stored (read from the extension's database); null when it was deleted. */
  load(id: string): Promise<Pick<HighlightRecord, 'quote' | 'note' | 'tags' | 'colour'> | null>;
  /** Writes the changes; a string is an error to show. */
  save(id: string, patch: NoteCardPatch): Promise<string | null>;
  /** Asks the tab to remove this card. */
  close(tabId: number | null): Promise<void> | void;
}

const SAVE_HINT = /Mac|iPhone|iPad/.test(globalThis.navigator?.platform ?? '') ? '⌘+Enter saves' : 'Ctrl+Enter saves';

/**
 * Builds the card in `root` and loads its highlight.
 * @return resolves once the highlight is shown (or the error that stopped it)
 */
export async function mountNoteCard(root: HTMLElement, deps: NoteCardDeps): Promise<void> {
  const doc = root.ownerDocument;
  const el = <K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, text = '') => {
    const e = doc.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
    if (text) e.textContent = text;
    return e;
  };

  const quote = el('blockquote', { class: 'nc-quote', 'data-field': 'quote' });
  const colours = el('div', { class: 'nc-colours', role: 'radiogroup', 'aria-label': 'Colour' });
  const note = el('textarea', { 'data-field': 'note', 'aria-label': 'Note', placeholder: 'Write a note…', rows: '3' });
  const tags = el('input', {
    'data-field': 'tags',
    'aria-label': 'Tags, separated by commas',
    placeholder: 'tags, separated, by commas',
  });
  const message = el('p', { class: 'nc-message', role: 'status', 'data-card-message': '' });
  const save = el('button', { class: 'nc-save', 'data-action': 'save', type: 'button' }, 'Save');
  const cancel = el('button', { 'data-action': 'cancel', type: 'button' }, 'Cancel');
  const actions = el('div', { class: 'nc-actions' });
  actions.append(el('span', { class: 'nc-hint' }, SAVE_HINT), cancel, save);
  root.replaceChildren(quote, colours, note, tags, actions, message);
  for (const control of [note, tags, save]) control.disabled = true;

  let colour: HighlightColour = 'yellow';
  const swatches = HIGHLIGHT_COLOURS.map((c) => {
    const b = el('button', {
      class: 'nc-swatch',
      type: 'button',
      role: 'radio',
      'data-colour': c,
      'aria-label': c,
      title: c,
    });
    b.addEventListener('click', () => pick(c));
    return b;
  });
  colours.append(...swatches);
  function pick(c: HighlightColour) {
    colour = c;
    for (const s of swatches) s.setAttribute('aria-checked', String(s.dataset['colour'] === c));
  }

  let tabId: number | null = null;
  let id: string | null = null;
  let saved: Pick<HighlightRecord, 'note' | 'tags' | 'colour'> | null = null;
  const close = () => void deps.close(tabId);

  async function submit() {
    if (!id || !saved) return;
    const patch = notePatch(saved, { note: note.value, tags: tags.value, colour });
    if (Object.keys(patch).length) {
      save.disabled = true;
      const error = await deps.save(id, patch);
      save.disabled = false;
      if (error) {
        message.textContent = error;
        return;
      }
    }
    close();
  }

  save.addEventListener('click', () => void submit());
  cancel.addEventListener('click', close);
  doc.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      close();
    } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey || e.target === tags)) {
      e.preventDefault();
      void submit();
    }
  });

  const target = await deps.target();
  if (typeof target === 'string') {
    message.textContent = target;
    return;
  }
  ({ tabId, id } = target);
  const highlight = await deps.load(target.id);
  if (!highlight) {
    message.textContent = 'This highlight was deleted.';
    return;
  }
  saved = highlight;
  const form = formFor(highlight);
  quote.textContent = highlight.quote;
  note.value = form.note;
  tags.value = form.tags;
  pick(form.colour);
  for (const control of [note, tags, save]) control.disabled = false;
  note.focus();
  note.setSelectionRange(note.value.length, note.value.length);

  // The page may take the keyboard back from this frame at any moment (a top-level page can
  // always focus itself): say so at once, so the rest of a note is not typed into the page.
  const view = doc.defaultView;
  view?.addEventListener('blur', () => {
    message.textContent = 'Typing now goes to the page, not to this note. Click the note to go on.';
    message.dataset['cardMessage'] = 'unfocused';
  });
  view?.addEventListener('focus', () => {
    if (message.dataset['cardMessage'] !== 'unfocused') return;
    message.textContent = '';
    message.dataset['cardMessage'] = '';
  });
}
