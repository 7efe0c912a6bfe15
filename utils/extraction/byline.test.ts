/**
 * Names marked up as such in a byline (`itemprop~=name`, `a[rel~=author]`)
 * are read alone, matched as jsdom's selector engine matches them: byline.ts
 * tests the attributes itself, since the engine is slow.
 */
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { bylineText } from './byline';

const SELECTOR = '[itemprop~="name"], a[rel~="author"]';

function bylineOf(html: string): Element {
  return new JSDOM(`<!doctype html><body><div id="b">${html}</div>`).window.document.getElementById('b')!;
}

/** The text of the marked names as the selector finds them: what `bylineText` must return. */
function bySelector(el: Element): string {
  const marked = [...(el.matches(SELECTOR) ? [el] : []), ...el.querySelectorAll(SELECTOR)];
  return marked.map((m) => m.textContent ?? '').join(' | ');
}

describe('bylineText with marked names', () => {
  it('takes author links in any case of `rel` and names among other item properties', () => {
    const el = bylineOf(
      'By <a rel="AUTHOR" href="/a">Ann Lee</a> and <span itemprop="author name">Bo Chen</span> · 5 min read',
    );
    expect(bylineText(el)).toBe('Ann Lee | Bo Chen');
    expect(bylineText(el)).toBe(bySelector(el));
  });

  it('splits tokens as the selector engine does and ignores near misses', () => {
    const el = bylineOf(
      [
        '<span itemprop="Name">Wrong Case</span>',
        '<span itemprop="x\u00a0name">Nbsp Token</span>',
        '<span itemprop="username">Not A Token</span>',
        '<span rel="author">Not A Link</span>',
        '<a rel="me\tauthor" href="/c">Tab Token</a>',
        '<svg><a rel="author"><text>Svg Link</text></a></svg>',
      ].join(' '),
    );
    expect(bylineText(el)).toBe(bySelector(el));
    expect(bylineText(el)).toBe('Nbsp Token | Tab Token | Svg Link');
  });

  it('counts the byline element itself when it is marked', () => {
    const doc = new JSDOM('<!doctype html><body><a id="b" rel="author" href="/d">Dee Ray</a>').window.document;
    const el = doc.getElementById('b')!;
    expect(bylineText(el)).toBe('Dee Ray');
    expect(bylineText(el)).toBe(bySelector(el));
  });
});
