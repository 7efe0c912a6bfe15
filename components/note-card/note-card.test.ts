// @vitest-environment happy-dom
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { mountNoteCard, type NoteCardDeps } from './note-card';

const stored = { quote: 'the hallway track', note: 'Ask Dana', tags: ['work'], colour: 'green' as const };

function deps(overrides: Partial<NoteCardDeps> = {}) {
  return {
    target: vi.fn(async () => ({ id: 'h1', tabId: 7 })),
    load: vi.fn(async () => stored),
    save: vi.fn(async () => null),
    close: vi.fn(),
    ...overrides,
  } satisfies NoteCardDeps;
}

const field = (name: string) => document.querySelector<HTMLInputElement>(`[data-field="${name}"]`)!;
const key = (init: KeyboardEventInit, on: EventTarget = document.activeElement ?? document.body) =>
  on.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init }));

describe('the note card', () => {
  beforeEach(() => document.body.replaceChildren());

  test('when the page takes the keyboard away, the card says typing now goes to the page; back, it clears', async () => {
    await mountNoteCard(document.body, deps());
    window.dispatchEvent(new FocusEvent('blur'));
    const message = document.querySelector('[data-card-message]')!;
    expect(message.textContent).toMatch(/Typing now goes to the page/);
    window.dispatchEvent(new FocusEvent('focus'));
    expect(message.textContent).toBe('');
  });

  test('shows the highlight’s quote, note, tags and colour, with the note focused', async () => {
    await mountNoteCard(document.body, deps());
    expect(field('quote').textContent).toBe('the hallway track');
    expect(field('note').value).toBe('Ask Dana');
    expect(field('tags').value).toBe('work');
    expect(document.querySelector('[data-colour="green"]')!.getAttribute('aria-checked')).toBe('true');
    expect(document.activeElement).toBe(field('note'));
  });

  test('Ctrl+Enter saves what changed, then closes the card in its tab', async () => {
    const d = deps();
    await mountNoteCard(document.body, d);
    field('note').value = 'Ask Dana before Friday';
    field('tags').value = 'work, layoffs';
    (document.querySelector('[data-colour="pink"]') as HTMLButtonElement).click();
    key({ key: 'Enter', ctrlKey: true });
    await vi.waitFor(() => expect(d.close).toHaveBeenCalledWith(7));
    expect(d.save).toHaveBeenCalledWith('h1', {
      note: 'Ask Dana before Friday',
      tags: ['work', 'layoffs'],
      colour: 'pink',
    });
  });

  test('Esc closes without saving', async () => {
    const d = deps();
    await mountNoteCard(document.body, d);
    field('note').value = 'dropped';
    key({ key: 'Escape' });
    expect(d.close).toHaveBeenCalledWith(7);
    expect(d.save).not.toHaveBeenCalled();
  });

  test('a failed save keeps the card open with the reason', async () => {
    const d = deps({ save: vi.fn(async () => 'Storage is full.') });
    await mountNoteCard(document.body, d);
    field('note').value = 'kept';
    (document.querySelector('[data-action="save"]') as HTMLButtonElement).click();
    await vi.waitFor(() => expect(document.querySelector('[data-card-message]')!.textContent).toBe('Storage is full.'));
    expect(d.close).not.toHaveBeenCalled();
  });

  test('when the background names no highlight, the card says why and edits nothing', async () => {
    const d = deps({ target: vi.fn(async () => 'No highlight to edit in this tab.') });
    await mountNoteCard(document.body, d);
    expect(document.querySelector('[data-card-message]')!.textContent).toBe('No highlight to edit in this tab.');
    expect(field('note').disabled).toBe(true);
    expect(d.load).not.toHaveBeenCalled();
  });
});
