import { describe, expect, it } from 'vitest';
import type { WindowLike } from 'dompurify';
import { sanitizeArticleHtml } from '../sanitize/sanitize-html';
import { declaredPageUrl, parseHtml, releaseDocument, stripUnreadMarkup } from './node-dom';

describe('stripUnreadMarkup', () => {
  it('drops stylesheets and inline script code but keeps JSON-LD and script elements', () => {
    const html =
      '<style>p{color:red}</style><script>var big = 1;</script><script src="/app.js"></script><script type="application/ld+json">{"@type":"Article"}</script><p>Body</p>';
    expect(stripUnreadMarkup(html)).toBe(
      '<script></script><script src="/app.js"></script><script type="application/ld+json">{"@type":"Article"}</script><p>Body</p>',
    );
  });

  it('never swallows content when "<style" or "<script" appears inside other code', () => {
    const html = '<script>document.write("<style>");</script><p>Keep me</p><style>p{}</style>';
    const stripped = stripUnreadMarkup(html);
    expect(stripped).toContain('<p>Keep me</p>');
    const commented = '<!-- <style> --><p>Keep me too</p><style>p{}</style>';
    expect(stripUnreadMarkup(commented)).toContain('<p>Keep me too</p>');
  });
});

describe('parseHtml', () => {
  it('survives stylesheets and style attributes jsdom cannot parse', () => {
    const html =
      '<html><head><style>@media screen and (max-width: {{ x }}) { .a { color: red </style></head><body><div style="color: red; {{{ broken"><p>Text</p></div></body></html>';
    const dom = parseHtml(html, 'https://example.com/');
    expect(dom.document.querySelector('p')!.textContent).toBe('Text');
    dom.close();
  });

  it('runs no page script and loads nothing', () => {
    const dom = parseHtml(
      '<body><img src="https://example.invalid/x.png" onerror="window.ran = true"><script>window.ran = true</script></body>',
      'https://example.com/',
    );
    expect((dom.window as unknown as { ran?: boolean }).ran).toBeUndefined();
    dom.close();
  });

  it('reads the page URL a saved page declares', () => {
    const dom = parseHtml(
      '<head><link rel="canonical" href="https://news.example.com/a/1"></head>',
      'file:///tmp/page.html',
    );
    expect(declaredPageUrl(dom.document)).toBe('https://news.example.com/a/1');
    dom.close();
  });
});

describe('releasing documents', () => {
  // jsdom lists every element with an id of every document of a window as a
  // property of that window; a document still listed there is never collected.
  const listed = (window: Window, id: string): boolean =>
    (window as unknown as Record<string, unknown>)[id] !== undefined;

  it('a closed page, and a released copy of it, leave nothing behind in the shared window', () => {
    const dom = parseHtml(
      '<div id="margin-released-page"><p id="margin-released-para">Text</p></div>',
      'https://example.com/',
    );
    const copy = dom.document.cloneNode(true) as Document;
    expect(listed(dom.window, 'margin-released-page')).toBe(true);
    releaseDocument(copy);
    dom.close();
    expect(listed(dom.window, 'margin-released-page')).toBe(false);
    expect(listed(dom.window, 'margin-released-para')).toBe(false);
    expect(dom.document.documentElement).toBeNull();
  });
});

describe('sanitizer on an unsupported DOM', () => {
  it('refuses instead of returning the input unsanitized', () => {
    const notADom = {} as WindowLike;
    expect(() => sanitizeArticleHtml('<img src=x onerror=alert(1)>', notADom)).toThrow(/cannot sanitize/);
  });
});
