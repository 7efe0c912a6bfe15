import { describe, expect, it } from 'vitest';
import { parseHtml } from './node-dom';
import { measureProse, proseGuard } from './prose-share';
import { PROSE, TEST_URL } from '../../tests/support/test-pages';

/** The `<article>` of a page whose article is `html`. */
const article = (html: string): Element =>
  parseHtml(`<body><article>${html}</article></body>`, TEST_URL).document.querySelector('article')!;
const links = (n: number): string =>
  Array.from(
    { length: n },
    (_, i) => `<a href="/story/${i}">A headline long enough to read as a sentence ${i}</a>`,
  ).join(' ');

describe('measureProse', () => {
  it('counts paragraphs of running text, not link lists, labels or short lines', () => {
    const root = article(`<p>${PROSE[0]}</p><p>Share this story</p><ul><li>${links(3)}</li></ul><p>${PROSE[1]}</p>`);
    expect(measureProse(root)).toEqual({ paragraphs: 2, chars: PROSE[0]!.length + PROSE[1]!.length });
  });

  it('weighs Chinese and Japanese characters as the article gate does', () => {
    const root = article(`<p>${'灯台守の仕事は毎日のレンズ磨きから始まった。'.repeat(2)}</p>`);
    expect(measureProse(root).paragraphs).toBe(1);
  });

  it('counts a bare block of text (a <div> with <br>s) as one paragraph', () => {
    expect(measureProse(article(`${PROSE[0]}<br>${PROSE[1]}`)).paragraphs).toBe(1);
  });
});

describe('proseGuard', () => {
  const body = `<div class="body">${PROSE.map((p) => `<p>${p}</p>`).join('')}</div>`;

  it('protects the container that holds the article body', () => {
    const root = article(`<div class="share-bar">${links(4)}</div>${body}`);
    const holdsProse = proseGuard(root);
    expect(holdsProse(root.querySelector('.body')!)).toBe(true);
    expect(holdsProse(root.querySelector('.share-bar')!)).toBe(false);
  });

  it('protects two paragraphs even when they are a small share of a long article', () => {
    const long = article(`${body}${body}${body}<div class="aside"><p>${PROSE[0]}</p><p>${PROSE[1]}</p></div>`);
    expect(proseGuard(long)(long.querySelector('.aside')!)).toBe(true);
  });

  it('lets a single short paragraph of a long article go', () => {
    const long = article(`${body}${body}<p class="pitch">${PROSE[2]}</p>`);
    expect(proseGuard(long)(long.querySelector('.pitch')!)).toBe(false);
  });

  it('protects the one paragraph of a short post', () => {
    const post = article(`<p class="entry">${PROSE[0]}</p><p>Posted in Notes</p>`);
    expect(proseGuard(post)(post.querySelector('.entry')!)).toBe(true);
  });
});
