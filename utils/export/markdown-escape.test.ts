import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blockquote, escapeMarkdown, markdownUrl } from './markdown-escape';

describe('escapeMarkdown', () => {
  it.each([
    // Ordinary prose stays as it is.
    ['It’s where the heart of KubeCon truly beats.', 'It’s where the heart of KubeCon truly beats.'],
    ["one-on-one, “hallway track,” don't", "one-on-one, “hallway track,” don't"],
    ['snake_case and CONSTANT_NAME', 'snake_case and CONSTANT_NAME'],
    ['C# and F#, 100% sure', 'C# and F#, 100% sure'],
    ['a - b + c = d', 'a - b + c = d'],
    // Inline formatting, code, links, HTML, math.
    ['*bold* and _em_', '\\*bold\\* and \\_em\\_'],
    ['`code`', '\\`code\\`'],
    ['[[Wiki link]] and [x](y)', '\\[\\[Wiki link\\]\\] and \\[x\\](y)'],
    ['<img src=x onerror=alert(1)>', '\\<img src=x onerror=alert(1)>'],
    ['$5 and $10', '\\$5 and \\$10'],
    ['back\\slash', 'back\\\\slash'],
    ['&amp; &#123; & ok', '\\&amp; \\&#123; & ok'],
    // Obsidian: tags, highlights, comments; strikethrough.
    ['see #kubernetes now', 'see \\#kubernetes now'],
    ['==marked== %%hidden%% ~~struck~~', '=\\=marked=\\= %\\%hidden%\\% ~\\~struck~\\~'],
    // Block structure at the start of a line.
    ['# Heading', '\\# Heading'],
    ['#tag', '\\#tag'],
    ['> quote', '\\> quote'],
    ['- item', '\\- item'],
    ['+ item', '\\+ item'],
    ['1. item', '1\\. item'],
    ['2) item', '2\\) item'],
    ['---', '\\---'],
    ['===', '=\\=\\='],
    ['title\n=', 'title\n\\='],
    ['first line\n- second\n  3. third', 'first line\n\\- second\n  3\\. third'],
    ['windows\r\nline', 'windows\nline'],
    // Right-to-left text and emoji pass through.
    ['שלום עולם 🙌', 'שלום עולם 🙌'],
    ['مرحبا - بالعالم', 'مرحبا - بالعالم'],
  ])('%j → %j', (text, markdown) => {
    expect(escapeMarkdown(text)).toBe(markdown);
  });
});

describe('escapeMarkdown (property)', () => {
  it('only ever adds backslashes before ASCII punctuation (CommonMark escapes), so the text reads the same', () => {
    const unit = fc.constantFrom(...'ab1 _*#=~%&;<>[]`$\\-+.)\n\r'.split(''), 'é', '😀', 'ש');
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 40 }), (text) => {
        const escaped = escapeMarkdown(text);
        expect(escaped.replace(/\\([!-/:-@[-`{-~])/g, '$1')).toBe(text.replace(/\r\n?/g, '\n'));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('blockquote', () => {
  it('keeps every line of a multi-line quote inside the quote, blank lines too', () => {
    expect(blockquote('first\n\nthird\n# not a heading')).toBe('> first\n>\n> third\n> \\# not a heading');
  });
});

describe('markdownUrl', () => {
  it('percent-encodes what would end a link destination early', () => {
    expect(markdownUrl('https://en.wikipedia.org/wiki/Foo_(bar)#:~:text=a%20b')).toBe(
      'https://en.wikipedia.org/wiki/Foo_%28bar%29#:~:text=a%20b',
    );
    expect(markdownUrl('https://e.x/a b<c>')).toBe('https://e.x/a%20b%3Cc%3E');
  });
});
