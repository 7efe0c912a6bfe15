import { describe, expect, it } from 'vitest';
import { PROSE, extract, fragment, page, proseHtml } from '../../tests/support/test-pages';

function extractWith(markup: string): DocumentFragment {
  return fragment(extract(page({ article: `${proseHtml(2)}${markup}<p>${PROSE[2]}</p><p>${PROSE[3]}</p>` }))!.html);
}

describe('figures', () => {
  it('keeps a figure with its caption', () => {
    const doc = extractWith(
      '<figure><img src="/p/lens.jpg" alt="Fresnel lens"><figcaption>The first-order Fresnel lens, installed in 1903.</figcaption></figure>',
    );
    const figure = doc.querySelector('figure')!;
    expect(figure.querySelector('img')!.getAttribute('src')).toBe('https://example.com/p/lens.jpg');
    expect(figure.querySelector('figcaption')!.textContent).toBe('The first-order Fresnel lens, installed in 1903.');
  });

  it('turns a WordPress caption box into a figure and figcaption', () => {
    const doc = extractWith(
      '<div class="wp-caption aligncenter"><a href="/p/cliff.jpg"><img src="/p/cliff-600.jpg" alt="Cliff path"></a><p class="wp-caption-text">The cliff path in August.</p></div>',
    );
    const figure = doc.querySelector('figure')!;
    expect(figure).not.toBeNull();
    expect(figure.querySelector('img')).not.toBeNull();
    expect(figure.querySelector('figcaption')!.textContent).toBe('The cliff path in August.');
  });

  it('shows a photo and its caption once, without the lightbox copy or caption controls', () => {
    const caption = 'Keepers gather at the foot of the lighthouse for their annual walk in June.';
    const photo = (size: string) =>
      `<picture><img src="https://media.example.com/keepers.jpg?s=${size}" alt="Keepers" width="1200" height="800"></picture>`;
    const doc = extractWith(`<div class="bucketwrap image">
      <div class="imagewrap">${photo('1100')}</div>
      <div class="credit-caption"><div class="caption-wrap"><div class="caption"><p>${caption}<b class="hide-caption"><b>hide caption</b></b></p></div>
        <b class="toggle-caption"><b>toggle caption</b></b></div><span class="credit">Ann Keeper/Coastal Notes</span></div>
      <div class="enlarge_measure"><div class="enlarge_html"><div class="image">${photo('6')}</div>
        <div class="credit-caption"><div class="caption"><p>${caption}</p></div><span class="credit">Ann Keeper/Coastal Notes</span></div></div></div>
    </div>`);
    const text = doc.textContent!;
    expect(doc.querySelectorAll('img')).toHaveLength(1);
    expect(text.split(caption)).toHaveLength(2);
    expect(text.split('Ann Keeper/Coastal Notes')).toHaveLength(2);
    expect(text).not.toMatch(/hide caption|toggle caption/);
  });

  it('keeps the same credit under two different photos', () => {
    const credit = 'Photo: Ann Keeper for Coastal Notes';
    const figure = (name: string) =>
      `<figure><img src="/p/${name}.jpg" width="800" height="600" alt=""><figcaption>${credit}</figcaption></figure>`;
    const text = extractWith(`${figure('cliff')}<p>${PROSE[1]}</p>${figure('lens')}`).textContent!;
    expect(text.split(credit)).toHaveLength(3);
  });

  it('keeps a caption and its credit apart, with the credit in the figure', () => {
    const article = extract(
      page({
        article: `${proseHtml(2)}<figure><img src="/p/bikes.jpg" alt=""><figcaption>Electric bikes have become more common.<span class="credit">Zhejiang Daily / AP</span></figcaption></figure><p>${PROSE[2]}</p>`,
      }),
    )!;
    expect(article.text).toContain('more common. Zhejiang Daily / AP');
    expect(fragment(article.html).querySelector('figure figcaption')!.textContent).toContain('Zhejiang Daily / AP');
    // The caption is a block of its own, not run into the paragraph after it.
    expect(article.text).toMatch(/Zhejiang Daily \/ AP\n+The keepers|Zhejiang Daily \/ AP\n+Maintenance/);
  });

  it('removes a caption toggle in any language, known by its markup', () => {
    const doc = extractWith(
      '<figure><img src="/p/keepers.jpg" alt=""><figcaption>Die Wärter beim Treffen im Juni. <b class="toggle-caption" aria-expanded="true"><b>Bildunterschrift ausblenden</b></b><span class="credit">Foto: Jane Roe</span></figcaption></figure>',
    );
    const caption = doc.querySelector('figcaption')!.textContent!;
    expect(caption).not.toContain('ausblenden');
    expect(caption).toContain('Die Wärter beim Treffen im Juni.');
    expect(caption).toContain('Foto: Jane Roe');
  });
});
