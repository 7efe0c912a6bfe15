/**
 * No chrome rule removes the article's prose: a class word, a "related"
 * heading or a dateline rule that matches an element holding paragraphs of
 * running text is overruled, and the text stays.
 */
import { describe, expect, it } from 'vitest';
import { PROSE, extract, page, proseHtml } from '../../tests/support/test-pages';

describe('chrome removal never takes the prose', () => {
  it('keeps a part of the body whose wrapper carries a chrome class word', () => {
    // Twelve paragraphs; two sit in a wrapper a theme named after its share buttons.
    const article = `${proseHtml()}${proseHtml()}<div class="sharing-enabled body-part"><p>${PROSE[2]}</p><p>${PROSE[3]}</p></div>${proseHtml(2)}`;
    const text = extract(page({ article }))!.text;
    expect(text.split(PROSE[3]!).length - 1).toBe(3);
  });

  it('still removes a share bar and a one-line pitch', () => {
    const article = `<div class="share-bar"><a href="#">Facebook</a> <a href="#">Email</a></div>${proseHtml()}<p class="newsletter-pitch">Get the weekly letter.</p>`;
    const text = extract(page({ article }))!.text;
    expect(text).not.toMatch(/Facebook|weekly letter/);
  });
});
