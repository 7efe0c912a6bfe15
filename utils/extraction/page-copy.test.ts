import { describe, expect, it } from 'vitest';
import { PROSE } from '../../tests/support/test-pages';
import { parseHtml } from './node-dom';
import { copyPageForExtraction, markUnrendered } from './page-copy';

/** A stand-in for the browser's layout: elements with class `off` are not rendered, nor is anything inside them. */
const offByClass = (el: Element) => !el.closest('.off');

function pageWith(body: string) {
  return parseHtml(
    `<!doctype html><html><head><title>t</title></head><body>${body}</body></html>`,
    'https://example.com/',
  );
}

describe('the copy of the page extraction reads', () => {
  it('marks hidden, in the copy only, what the browser does not render', () => {
    const dom = pageWith(
      `<p>${PROSE[0]}</p><div class="off"><p>Lightbox copy</p></div><p class="off">Mobile teaser</p>`,
    );
    const before = dom.document.body.outerHTML;
    const copy = copyPageForExtraction(dom.document, offByClass);
    expect([...copy.querySelectorAll('[hidden]')].map((el) => el.textContent)).toEqual([
      'Lightbox copy',
      'Mobile teaser',
    ]);
    expect(dom.document.body.outerHTML).toBe(before);
    dom.close();
  });

  it('leaves an unrendered block holding two prose paragraphs (a collapsed article, not chrome)', () => {
    const dom = pageWith(
      `<div class="off"><p>${PROSE[0]}</p><p>${PROSE[1]}</p></div><aside class="off"><p>Ad</p></aside>`,
    );
    const copy = copyPageForExtraction(dom.document, offByClass);
    expect([...copy.querySelectorAll('[hidden]')].map((el) => el.localName)).toEqual(['aside']);
    dom.close();
  });

  it('never marks what extraction reads unrendered on purpose (noscript, a closed details, picture sources)', () => {
    const dom = pageWith(
      `<noscript class="off"><img src="a.jpg"></noscript><details class="off"><summary>Sources</summary><p>A list</p></details>
       <picture><source class="off" srcset="b.webp"><img src="b.jpg"></picture>`,
    );
    expect(copyPageForExtraction(dom.document, offByClass).querySelectorAll('[hidden]')).toHaveLength(0);
    dom.close();
  });

  it('marks nothing where the copy no longer matches the page, rather than the wrong element', () => {
    const dom = pageWith('<p>One</p><div class="off">Two</div>');
    const copy = dom.document.cloneNode(true) as Document;
    copy.body.firstElementChild!.replaceWith(copy.createElement('section'));
    expect(markUnrendered(dom.document.body, copy.body, offByClass)).toBe(0);
    dom.close();
  });
});
