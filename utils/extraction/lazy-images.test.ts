import { describe, expect, it } from 'vitest';
import { extractArticle } from './extract-article';
import { isPlaceholderSrc } from './lazy-images';
import { parseHtml } from './node-dom';
import { PROSE, TEST_URL, extract, fragment, page, proseHtml } from '../../tests/support/test-pages';

/** The article's images (src, srcset) after extraction of a page holding `markup` mid-article. */
function imagesAfterExtraction(markup: string): { src: string | null; srcset: string | null; alt: string | null }[] {
  const html = page({ article: `${proseHtml(2)}${markup}<p>${PROSE[2]}</p><p>${PROSE[3]}</p>` });
  const doc = fragment(extract(html)!.html);
  return [...doc.querySelectorAll('img')].map((img) => ({
    src: img.getAttribute('src'),
    srcset: img.getAttribute('srcset'),
    alt: img.getAttribute('alt'),
  }));
}

describe('lazy images', () => {
  it('uses data-src over a blank placeholder', () => {
    const images = imagesAfterExtraction(
      '<figure><img src="/static/blank.gif" data-src="/photos/lens.jpg" alt="The lens"><figcaption>The lens, 1952.</figcaption></figure>',
    );
    expect(images).toEqual([{ src: 'https://example.com/photos/lens.jpg', srcset: null, alt: 'The lens' }]);
  });

  it('uses data-srcset and picks a src from it when there is none', () => {
    const images = imagesAfterExtraction(
      '<figure><img data-srcset="/p/lens-400.jpg 400w, /p/lens-1200.jpg 1200w, /p/lens-2400.jpg 2400w" class="lazyload" alt="Lens"></figure>',
    );
    expect(images[0]!.src).toBe('https://example.com/p/lens-1200.jpg');
    expect(images[0]!.srcset).toContain('https://example.com/p/lens-2400.jpg 2400w');
  });

  it('replaces an inline data: placeholder using srcset', () => {
    const pixel = 'data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7';
    const images = imagesAfterExtraction(
      `<figure><img src="${pixel}" srcset="/p/a-1x.jpg 1x, /p/a-2x.jpg 2x" alt="Cliff path"></figure>`,
    );
    expect(images[0]!.src).toBe('https://example.com/p/a-2x.jpg');
  });

  it('swaps a placeholder for the <noscript> fallback image (Medium style)', () => {
    const medium = `<figure><div><div><img src="https://cdn.example.com/max/60/abc123.png?q=20" width="800" height="400"></div>
      <img width="800" height="400"><noscript><img src="https://cdn.example.com/max/1600/abc123.png" width="800" height="400" alt="Storm"></noscript></div>
      <figcaption>The 1962 storm.</figcaption></figure>`;
    const images = imagesAfterExtraction(medium);
    // One picture, the full-size one: no empty placeholder, no blurred thumbnail left beside it.
    expect(images).toEqual([{ src: 'https://cdn.example.com/max/1600/abc123.png', srcset: null, alt: 'Storm' }]);
  });

  it('reads a <noscript> fallback that was parsed as text (scripting-enabled documents)', () => {
    // A browser parses <noscript> content as one text node; build that tree explicitly in jsdom.
    const dom = parseHtml(
      page({
        article: `${proseHtml(2)}<figure><img class="lazy" alt=""><noscript></noscript><figcaption>Keepers, 1970.</figcaption></figure>${proseHtml(4)}`,
      }),
      TEST_URL,
    );
    dom.document.querySelector('noscript')!.textContent = '<img src="/photos/keepers-1970.jpg" alt="Keepers">';
    const article = extractArticle(dom.document, { url: TEST_URL, window: dom.window })!;
    dom.close();
    const images = [...fragment(article.html).querySelectorAll('img')].map((img) => img.getAttribute('src'));
    expect(images).toEqual(['https://example.com/photos/keepers-1970.jpg']);
  });

  it('leaves analytics <noscript> pixels out of the article', () => {
    const images = imagesAfterExtraction(
      '<noscript><img src="https://tracker.example.net/p.gif?id=1" width="1" height="1"></noscript>',
    );
    expect(images).toEqual([]);
  });
});

describe('isPlaceholderSrc', () => {
  it.each([
    ['', true],
    ['data:image/gif;base64,R0lGODlhAQABAAAAACw=', true],
    ['/images/blank.gif', true],
    ['https://cdn.example.com/assets/placeholder-16x9.png', true],
    ['https://cdn.example.com/lazy-load.svg', true],
    ['https://cdn.example.com/photos/lighthouse.jpg', false],
    ['/img/loading-bay-at-dawn.jpg', false],
  ])('%s → %s', (src, expected) => {
    expect(isPlaceholderSrc(src)).toBe(expected);
  });
});
