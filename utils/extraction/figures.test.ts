import { describe, expect, it } from 'vitest';
import { PROSE, extract, fragment, page, proseHtml } from './test-pages';

function extractWith(markup: string): DocumentFragment {
  return fragment(extract(page({ article: `${proseHtml(2)}${markup}<p>${PROSE[2]}</p><p>${PROSE[3]}</p>` }))!.html);
}

describe('figures', () => {
  it('keeps a figure with its caption', () => {
    const doc = extractWith('<figure><img src="/p/lens.jpg" alt="Fresnel lens"><figcaption>The first-order Fresnel lens, installed in 1903.</figcaption></figure>');
    const figure = doc.querySelector('figure')!;
    expect(figure.querySelector('img')!.getAttribute('src')).toBe('https://example.com/p/lens.jpg');
    expect(figure.querySelector('figcaption')!.textContent).toBe('The first-order Fresnel lens, installed in 1903.');
  });

  it('turns a WordPress caption box into a figure and figcaption', () => {
    const doc = extractWith('<div class="wp-caption aligncenter"><a href="/p/cliff.jpg"><img src="/p/cliff-600.jpg" alt="Cliff path"></a><p class="wp-caption-text">The cliff path in August.</p></div>');
    const figure = doc.querySelector('figure')!;
    expect(figure).not.toBeNull();
    expect(figure.querySelector('img')).not.toBeNull();
    expect(figure.querySelector('figcaption')!.textContent).toBe('The cliff path in August.');
  });
});
