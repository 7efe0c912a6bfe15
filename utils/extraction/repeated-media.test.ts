import { describe, expect, it } from 'vitest';
import { extract, fragment, page, proseHtml, PROSE } from '../../tests/support/test-pages';

const CAPTION = 'Passengers wait for a bullet train in Hangzhou, where such journeys became more common.';
const CREDIT = 'Zhejiang Daily / AP';

/** A news site's photo block: the photo, its caption and credit, and a lightbox copy of all three. */
const photoWithLightbox = `<div class="bucketwrap image large">
  <div class="imagewrap"><picture><img src="/img/train.jpg" alt="A train in Hangzhou at dawn" width="800" height="500"></picture></div>
  <div class="credit-caption">
    <div class="caption-wrap"><div class="caption"><p>${CAPTION}<b class="hide-caption"><b>hide caption</b></b></p></div></div>
    <span class="credit">${CREDIT}</span>
  </div>
  <div class="enlarge_measure"><div class="img_wrap"><picture><img src="/img/train-1400.jpg" alt="A train in Hangzhou at dawn"></picture></div></div>
  <div class="enlarge_html"><div class="image_data"><p class="caption">${CAPTION}</p><span class="credit">${CREDIT}</span></div></div>
</div>`;

const count = (text: string, part: string) => text.split(part).length - 1;
/** The article's last two paragraphs, after the photo block. */
const rest = `<p>${PROSE[2]}</p><p>${PROSE[3]}</p>`;

describe('a photo shipped twice (a lightbox copy)', () => {
  it('shows the photo, its caption and its credit once', () => {
    const article = extract(page({ article: `${proseHtml(2)}${photoWithLightbox}${rest}` }))!;
    expect(count(article.text, CAPTION)).toBe(1);
    expect(count(article.text, CREDIT)).toBe(1);
    expect(fragment(article.html).querySelectorAll('img')).toHaveLength(1);
    for (const p of PROSE) expect(article.text).toContain(p);
  });

  it('keeps two different photos whose short alt is the same', () => {
    const pair = `<div class="photos"><p><img src="/img/a.jpg" alt="Photo"></p><p>${PROSE[2]}</p>
      <p><img src="/img/b.jpg" alt="Photo"></p></div>`;
    const article = extract(page({ article: `${proseHtml(2)}${pair}<p>${PROSE[3]}</p>` }))!;
    expect(fragment(article.html).querySelectorAll('img')).toHaveLength(2);
  });

  it('keeps a second copy that has a caption of its own', () => {
    const twice = `<div class="pair"><p><img src="/img/before.jpg" alt="A train in Hangzhou at dawn"></p><p>Before the storm.</p>
      <p><img src="/img/after.jpg" alt="A train in Hangzhou at dawn"></p><p>After the storm.</p></div>`;
    const article = extract(page({ article: `${proseHtml(2)}${twice}${rest}` }))!;
    expect(fragment(article.html).querySelectorAll('img')).toHaveLength(2);
    expect(article.text).toContain('Before the storm.');
    expect(article.text).toContain('After the storm.');
  });
});
