import { describe, expect, it } from 'vitest';
import { markdownFilename, uniqueMarkdownFilenames } from './markdown-filename';

describe('markdownFilename', () => {
  it.each([
    [
      'KubeCon EU 2024: Day Two — Embracing the Hallway Track',
      'KubeCon EU 2024 - Day Two — Embracing the Hallway Track.md',
    ],
    ['Why/How: a\\b', 'Why-How - a-b.md'],
    ['What? *Really* "yes" <no> |x| #1 ^a [b]', "What Really 'yes' no -x- 1 a b.md"],
    ['...hidden', 'hidden.md'],
    ['- dash first', 'dash first.md'],
    ['Ends with dots...', 'Ends with dots.md'],
    ['', 'Untitled.md'],
    ['???', 'Untitled.md'],
    ['CON', 'CON_.md'],
    ['nul.txt', 'nul_.txt.md'],
    ['Line\nbreak\ttab', 'Line break tab.md'],
    ['evil\u202etxt.exe', 'evil txt.exe.md'],
    ['مقالة عن الشبكات', 'مقالة عن الشبكات.md'],
    ['Emoji 🙌🏽 title', 'Emoji 🙌🏽 title.md'],
  ])('%j → %j', (title, name) => {
    expect(markdownFilename(title)).toBe(name);
  });

  it('cuts a long title at a word, never inside a character', () => {
    const name = markdownFilename(`${'word '.repeat(30)}end`);
    expect(name.length).toBeLessThanOrEqual(83);
    expect(name).toMatch(/^(word )+word\.md$/);
    const emoji = markdownFilename('👩‍👩‍👧‍👦'.repeat(100));
    expect(emoji).toBe(`${'👩‍👩‍👧‍👦'.repeat(80)}.md`);
  });
});

describe('uniqueMarkdownFilenames', () => {
  it('numbers repeats, counting names equal but for case or Unicode normalization', () => {
    expect(uniqueMarkdownFilenames(['Notes', 'notes', 'NOTES', 'Café', 'Cafe\u0301', 'Notes (2)'])).toEqual([
      'Notes.md',
      'notes (2).md',
      'NOTES (3).md',
      'Café.md',
      'Café (2).md',
      'Notes (2) (2).md',
    ]);
  });
});
