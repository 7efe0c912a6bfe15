import { describe, expect, test, vi } from 'vitest';
import { readingActions, saveMessage, type ReadingDeps, type SaveAnswer } from './reading-actions';

function deps(answer: SaveAnswer | { error: string } | Error) {
  const said: Array<string | null> = [];
  const d: ReadingDeps = {
    save: vi.fn(async () => {
      if (answer instanceof Error) throw answer;
      return answer;
    }),
    set: vi.fn(async () => ({})),
    announce: vi.fn(async () => undefined),
    refresh: vi.fn(async () => undefined),
    showMessage: (text) => said.push(text),
  };
  return { d, said };
}

describe('Save for later', () => {
  test('saves the tab, reads its article again, and tells the page', async () => {
    const answer = { articleId: 'a1', alreadyListed: false, offline: true };
    const { d, said } = deps(answer);
    await readingActions(d).saveForLater(7);
    expect(d.save).toHaveBeenCalledWith(7);
    expect(said).toEqual(['Saving…', 'Saved for later, with a copy to read offline.']);
    expect(d.refresh).toHaveBeenCalled();
    expect(d.announce).toHaveBeenCalledWith(7, answer);
  });

  test('a page with no article is listed without a copy, and the user is told so', () => {
    expect(saveMessage({ articleId: 'a', alreadyListed: false, offline: false })).toMatch(
      /^Saved for later\. Margin found no article on this page to keep offline/,
    );
    expect(saveMessage({ articleId: 'a', alreadyListed: true, offline: true })).toBe('Already on your reading list.');
  });

  test('a refusal or a failure is shown, and nothing else happens', async () => {
    for (const failure of [{ error: 'Margin cannot run on this page.' }, new Error('the tab closed')]) {
      const { d, said } = deps(failure);
      await readingActions(d).saveForLater(7);
      expect(said.at(-1)).toMatch(/Margin cannot run on this page\.|the tab closed/);
      expect(d.refresh).not.toHaveBeenCalled();
      expect(d.announce).not.toHaveBeenCalled();
    }
  });
});

test('the state buttons send the change and say what happened', async () => {
  const { d, said } = deps({ articleId: 'a', alreadyListed: false, offline: true });
  const actions = readingActions(d);
  await actions.change('a1', { status: 'archived' });
  await actions.change('a1', { status: null });
  await actions.change('a1', { favourite: true });
  expect(d.set).toHaveBeenNthCalledWith(1, 'a1', { status: 'archived' });
  expect(d.set).toHaveBeenNthCalledWith(2, 'a1', { status: null });
  expect(said).toEqual(['Marked as read.', 'Removed from your reading list (its highlights and notes stay).', null]);
});
