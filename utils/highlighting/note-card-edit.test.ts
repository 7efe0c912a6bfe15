import { describe, expect, test } from 'vitest';
import { formFor, notePatch } from './note-card-edit';
import { parseTags } from './parse-tags';

const saved = { note: 'Ask Dana before Friday', tags: ['work', 'follow up'], colour: 'green' as const };

describe('the note card saves what the user changed', () => {
  test.each([
    ['nothing changed', formFor(saved), {}],
    ['only spaces added around the note', { ...formFor(saved), note: '  Ask Dana before Friday \n' }, {}],
    ['tags typed again with other spacing', { ...formFor(saved), tags: 'work ,  follow up,' }, {}],
    ['a new note', { ...formFor(saved), note: 'Ask Dana on Monday' }, { note: 'Ask Dana on Monday' }],
    ['the note cleared', { ...formFor(saved), note: '   ' }, { note: '' }],
    [
      'a tag added',
      { ...formFor(saved), tags: 'work, follow up, layoffs' },
      { tags: ['work', 'follow up', 'layoffs'] },
    ],
    ['every tag removed', { ...formFor(saved), tags: '' }, { tags: [] }],
    ['another colour', { ...formFor(saved), colour: 'pink' as const }, { colour: 'pink' }],
  ])('%s', (_, form, patch) => {
    expect(notePatch(saved, form)).toEqual(patch);
  });

  test('the form starts from the saved highlight', () => {
    expect(formFor(saved)).toEqual({ note: 'Ask Dana before Friday', tags: 'work, follow up', colour: 'green' });
  });

  test('tags are comma-separated, trimmed, empty ones dropped', () => {
    expect(parseTags(' a, b ,, c ,')).toEqual(['a', 'b', 'c']);
  });
});
