import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeSpan } from '@/utils/anchoring/describe';
import { deepLink } from './deep-link';

const quote = (exact: string, prefix?: string, suffix?: string) => ({
  type: 'TextQuoteSelector' as const,
  exact,
  ...(prefix !== undefined && { prefix }),
  ...(suffix !== undefined && { suffix }),
});

describe('deepLink', () => {
  it('links a short quote with a few words of context on each side', () => {
    expect(
      deepLink(
        'https://medium.com/@s/post?x=1',
        quote('hallway track', 'the day was all about the ', ', which beats any keynote'),
      ),
    ).toBe('https://medium.com/@s/post?x=1#:~:text=all%20about%20the-,hallway%20track,-%2C%20which%20beats');
  });

  it('links a long quote by its first and last words, and escapes the syntax characters', () => {
    const link = deepLink(
      'https://example.com/a',
      quote('one two three four five - six seven eight nine ten eleven & twelve'),
    );
    expect(link).toBe('https://example.com/a#:~:text=one%20two%20three%20four,ten%20eleven%20%26%20twelve');
  });

  // The spec's grammar: a term is explicit characters (ALPHA DIGIT ! $ ' ( ) * + . / : ; = ? @ _ ~)
  // and percent-encoded bytes; `-`, `&` and `,` delimit terms and directives.
  it.each([
    ['-', '%2D'],
    ['&', '%26'],
    [',', '%2C'],
    ['#', '%23'],
    ['%', '%25'],
    ['a b', 'a%20b'],
    ['"', '%22'],
    ['é', '%C3%A9'],
    ['😀', '%F0%9F%98%80'],
    ["it's (x)!", "it's%20(x)!"],
  ])('encodes %j inside a term as %s', (text, encoded) => {
    expect(deepLink('https://example.com/', quote(text))).toBe(`https://example.com/#:~:text=${encoded}`);
  });

  it('never lets a term contain a bare delimiter or a character outside the grammar', () => {
    const nasty = 'a-b&c,d e#f%g"h<i>j`k[l]m{n}o|p\\q^r — “s” 😀 ß';
    const link = deepLink('https://example.com/', quote(nasty, 'x-y&z, ', ', u-v&w'));
    const directive = link.slice(link.indexOf(':~:text=') + ':~:text='.length);
    for (const term of directive.split(',')) {
      expect(term.replace(/^-|-$/g, '')).toMatch(/^(?:[A-Za-z0-9!$'()*+./:;=?@_~]|%[0-9A-F]{2})+$/);
    }
    expect(directive.split(',').map((t) => decodeURIComponent(t.replace(/^-|-$/g, '')))).toEqual([
      'x-y&z,',
      nasty,
      ', u-v&w',
    ]);
  });

  it('keeps the page fragment (hash routes, section anchors) and replaces an earlier text directive', () => {
    expect(deepLink('https://app.example/#/post/1', quote('word'))).toBe('https://app.example/#/post/1:~:text=word');
    expect(deepLink('https://example.com/a#intro', quote('word'))).toBe('https://example.com/a#intro:~:text=word');
    expect(deepLink('https://example.com/a#:~:text=old', quote('word'))).toBe('https://example.com/a#:~:text=word');
    expect(deepLink('https://example.com/a#sec:~:text=old', quote('word'))).toBe(
      'https://example.com/a#sec:~:text=word',
    );
  });

  it('leaves out a context word cut in half by the stored context length (the spec needs whole words at the outer ends)', () => {
    const text =
      'Extraordinarily unbelievable circumstances surrounded everything. The hallway track mattered. Conversations everywhere, extraordinarily.';
    const start = text.indexOf('The hallway');
    const [q] = describeSpan(text, start, start + 'The hallway track mattered.'.length);
    expect(q.prefix).toBe('le circumstances surrounded everything. '.slice(-32));
    expect(q.suffix).toBe(' Conversations everywhere, extra');
    expect(deepLink('https://e.x/', q)).toBe(
      'https://e.x/#:~:text=surrounded%20everything.-,The%20hallway%20track%20mattered.,-Conversations%20everywhere%2C',
    );
  });

  it('keeps whole context words and short context that begins at the start of the text', () => {
    expect(deepLink('https://e.x/', quote('b', 'a ', ' c'))).toBe('https://e.x/#:~:text=a-,b,-c');
  });

  it('does not throw on a context cut through an emoji (a lone surrogate)', () => {
    const cut = '\uDE00' + '😀'.repeat(15) + ' ok';
    expect(() => deepLink('https://e.x/', quote('fine', cut, cut))).not.toThrow();
    expect(deepLink('https://e.x/', quote('a\uD83Db'))).toBe('https://e.x/#:~:text=a%EF%BF%BDb');
  });

  it('throws a TypeError for an address that is not a URL', () => {
    expect(() => deepLink('not a url', quote('x'))).toThrow(TypeError);
  });

  it('picks the same words as splitting the whole quote would (property)', () => {
    // The straightforward way, which the link builder avoids for speed on long quotes.
    const split = (t: string) => t.split(/\s+/).filter(Boolean);
    const reference = (q: { exact: string; prefix: string; suffix: string }) => {
      const exact = split(q.exact);
      let prefix = split(q.prefix);
      if (q.prefix.length >= 32 && !/^\s/.test(q.prefix)) prefix.shift();
      prefix = prefix.slice(-3);
      let suffix = split(q.suffix);
      if (q.suffix.length >= 32 && !/\s$/.test(q.suffix)) suffix.pop();
      suffix = suffix.slice(0, 3);
      const enc = (t: string) => encodeURIComponent(t.toWellFormed()).replace(/-/g, '%2D');
      const target =
        exact.length > 10
          ? `${enc(exact.slice(0, 4).join(' '))},${enc(exact.slice(-4).join(' '))}`
          : enc(exact.join(' '));
      return [prefix.length && `${enc(prefix.join(' '))}-`, target, suffix.length && `-${enc(suffix.join(' '))}`]
        .filter(Boolean)
        .join(',');
    };
    const text = fc.string({
      unit: fc.constantFrom('a', 'b', 'é', ' ', '\n', '\t', '\u00a0', '-', ',', '😀'),
      maxLength: 60,
    });
    fc.assert(
      fc.property(
        text.filter((t) => t.trim() !== ''),
        text,
        text,
        (exact, prefix, suffix) => {
          const link = deepLink('https://e.x/', { type: 'TextQuoteSelector', exact, prefix, suffix });
          expect(link).toBe(`https://e.x/#:~:text=${reference({ exact, prefix, suffix })}`);
        },
      ),
      { numRuns: 500 },
    );
  });
});
