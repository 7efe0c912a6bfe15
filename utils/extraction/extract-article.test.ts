import { describe, expect, it } from 'vitest';
import { PROSE, TEST_URL, extract, fragment, page, proseHtml } from '../../tests/support/test-pages';

describe('extractArticle', () => {
  it('returns the article text without the site navigation and footer', () => {
    const article = extract(page())!;
    expect(article).not.toBeNull();
    for (const p of PROSE) expect(article.text).toContain(p);
    expect(article.text).not.toContain('Archive');
    expect(article.text).not.toContain('independent magazine');
    expect(article.url).toBe(TEST_URL);
  });

  it('separates paragraphs with blank lines in `text`', () => {
    const { text } = extract(page())!;
    expect(text).toContain(`${PROSE[0]}\n\n${PROSE[1]}`);
  });

  it('does not repeat the title in the body', () => {
    const article = extract(page())!;
    expect(article.title).toBe('The last lighthouse keepers');
    expect(article.text.startsWith('The lighthouse on the northern cape')).toBe(true);
  });

  it('makes links and images absolute and opens links without leaking the opener', () => {
    const html = page({
      article: `${proseHtml(2)}<p>See <a href="../archive/keepers.html">the archive</a> and <a href="//cdn.example.net/map.pdf">the map</a>.</p>
        <p><img src="/img/lens.jpg" srcset="/img/lens-800.jpg 800w, lens-1600.jpg 1600w" alt="The lens"></p>${proseHtml(4).slice(0)}`,
    });
    const doc = fragment(extract(html)!.html);
    const links = [...doc.querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).toEqual([
      'https://example.com/blog/archive/keepers.html',
      'https://cdn.example.net/map.pdf',
    ]);
    for (const a of links) expect(a.getAttribute('rel')).toBe('noopener noreferrer');
    const img = doc.querySelector('img')!;
    expect(img.getAttribute('src')).toBe('https://example.com/img/lens.jpg');
    expect(img.getAttribute('srcset')).toBe(
      'https://example.com/img/lens-800.jpg 800w, https://example.com/blog/2024/lens-1600.jpg 1600w',
    );
  });

  it("resolves against the page's <base href>", () => {
    const html = page({
      head: '<base href="https://static.example.org/posts/">',
      article: `${proseHtml()}<p><a href="next.html">Next post in the series about lighthouses and the people who kept them</a></p>`,
    });
    const doc = fragment(extract(html)!.html);
    expect(doc.querySelector('a')!.getAttribute('href')).toBe('https://static.example.org/posts/next.html');
  });

  it('keeps footnotes, with in-page links left as fragments so they scroll the reader', () => {
    const html = page({
      article: `<p>${PROSE[0]}<sup id="ref1"><a href="#fn1">1</a></sup></p>${proseHtml(4)}
        <section class="footnotes"><ol><li id="fn1">Harbour records, 1952–1987. <a href="${TEST_URL}#ref1">↩</a></li></ol></section>`,
    });
    const article = extract(html)!;
    const doc = fragment(article.html);
    expect(doc.querySelector('sup a')!.getAttribute('href')).toBe('#fn1');
    expect(doc.getElementById('fn1')?.textContent).toContain('Harbour records');
    expect(doc.querySelector('#fn1 a')!.getAttribute('href')).toBe('#ref1');
  });

  it('strips page styling and classes from the result', () => {
    const html = page({
      article: `<p class="lead" style="color:red" data-track="x" onclick="steal()">${PROSE[0]}</p>${proseHtml(4)}`,
    });
    const p = fragment(extract(html)!.html).querySelector('p')!;
    expect(p.getAttributeNames()).toEqual([]);
  });

  it('estimates reading time from the extracted text', () => {
    expect(extract(page())!.readingMinutes).toBe(1);
    const long = page({ article: Array.from({ length: 12 }, () => proseHtml()).join('') });
    // 12 × ~190 words ≈ 2,300 words ≈ 10 minutes at 238 wpm.
    expect(extract(long)!.readingMinutes).toBeGreaterThanOrEqual(9);
  });
});

describe('pages without an article', () => {
  it('returns null for a tiny page', () => {
    expect(extract('<html><body><p>Hello.</p></body></html>')).toBeNull();
  });

  it('returns null for an app shell', () => {
    const shell = `<html><head><title>Inbox</title></head><body><div id="root"></div>
      <noscript>You need to enable JavaScript to run this app.</noscript><script src="/app.js"></script></body></html>`;
    expect(extract(shell)).toBeNull();
  });

  it('returns null for a search results page', () => {
    const results = Array.from(
      { length: 10 },
      (
        _,
        i,
      ) => `<li class="result"><h3><a href="https://site${i}.example/lighthouses">Lighthouse keepers of the northern cape, part ${i + 1}</a></h3>
      <cite>site${i}.example › lighthouses</cite><p>Stories of keepers, storms and supply boats on the northern cape, collected from harbour records …</p></li>`,
    ).join('');
    const html = `<html><head><title>lighthouse keepers - Search</title></head><body><form action="/search"><input name="q" value="lighthouse keepers"></form>
      <div id="results"><ol>${results}</ol></div><nav class="pagination"><a href="?p=2">Next</a></nav></body></html>`;
    expect(extract(html)).toBeNull();
  });

  it('still returns a short post made of real paragraphs', () => {
    expect(extract(page({ article: proseHtml(2) }))).not.toBeNull();
  });
});
