/**
 * Chrome found by structure rather than by English words: other posts merged
 * into the article, card lists, trailing links into the site under a heading
 * in any language, the page's own address or title at the end, `<time>`
 * datelines and print-only copies.
 */
import { describe, expect, it } from 'vitest';
import { PROSE, extract, page } from '../../tests/support/test-pages';

/** Extracted text of an article made of PROSE with markup before, in the middle of and after it. */
function textWith({
  before = '',
  middle = '',
  after = '',
}: {
  before?: string;
  middle?: string;
  after?: string;
}): string {
  const article = `${before}<p>${PROSE[0]}</p><p>${PROSE[1]}</p>${middle}<p>${PROSE[2]}</p><p>${PROSE[3]}</p>${after}`;
  const text = extract(page({ article }))!.text;
  for (const p of PROSE) expect(text).toContain(p);
  return text;
}

describe('structural chrome rules', () => {
  it('removes another post merged into the article as a nested <article>', () => {
    const text = textWith({
      after: `<article class="teaser"><h3><a href="/blog/2024/fog-horns.html">Why the fog horns went quiet</a></h3>
        <p>A short history of the sound that guided ships home for a century, and of the neighbours who wanted it gone.</p></article>`,
    });
    expect(text).not.toMatch(/fog horns|neighbours/);
  });

  it('keeps entries of a live blog, which are articles whose headings link nowhere', () => {
    const entry =
      'Update: the ferry is running again, and the keepers’ walk starts an hour late from the harbour steps, weather permitting.';
    const text = textWith({ middle: `<article><h3>11:02</h3><p>${entry}</p></article>` });
    expect(text).toContain(entry);
  });

  it('removes a carousel of cards linking to other pages of the site', () => {
    const card = (slug: string, title: string) =>
      `<li class="card"><a href="/blog/${slug}.html"><img src="/i/${slug}.jpg" alt=""></a><h4><a href="/blog/${slug}.html">${title}</a></h4><p>Ein kurzer Anriss.</p></li>`;
    const text = textWith({
      middle: `<ul class="row">${card('a', 'Das Leuchtfeuer von Helgoland')}${card('b', 'Zehn Gezeiten, die die Stadt veränderten')}${card('c', 'Der Tagebuch des Hafenmeisters')}</ul>`,
    });
    expect(text).not.toMatch(/Helgoland|Gezeiten|Hafenmeisters/);
  });

  it('removes a heading left with nothing under it at the end', () => {
    const text = textWith({
      after:
        '<h3>Lesen Sie auch</h3><div><a href="/blog/a.html">Das Leuchtfeuer</a> <a href="/blog/b.html">Zehn Gezeiten</a></div>',
    });
    expect(text).not.toMatch(/Lesen Sie auch/);
  });

  it('removes trailing links into the site under a non-English heading, and keeps links to sources elsewhere', () => {
    const text = textWith({
      after: `<h4>Leia também</h4><p><a href="/blog/2023/faroleiros.html">Os últimos faroleiros do Atlântico</a></p>
        <h4>Quellen</h4><ul><li><a href="https://doi.org/10.1000/keepers">Smith, J. (2015): Lighthouse keeping in the twentieth century</a></li></ul>`,
    });
    expect(text).not.toMatch(/Leia também|faroleiros/);
    expect(text).toMatch(/Quellen[\s\S]*Smith, J\. \(2015\)/);
  });

  it("removes the page's own address and the title with the site's name at the end", () => {
    const text = textWith({
      after:
        '<p>The last lighthouse keepers – Coastal Notes</p><p>https://example.com/blog/2024/lighthouse-keepers.html</p>',
    });
    expect(text).not.toMatch(/Coastal Notes|https:\/\/example\.com/);
  });

  it.each([
    [
      'a heading linking to the post',
      '<h2><a href="/blog/2024/lighthouse-keepers.html">The last lighthouse keepers</a></h2>',
    ],
    ['the title with a date', '<p>The last lighthouse keepers — 12 March 2024</p>'],
    ['a bold title', '<p><strong>The last lighthouse keepers</strong></p>'],
    [
      'a permalink',
      '<p><a href="https://example.com/blog/2024/lighthouse-keepers.html" rel="bookmark">The last lighthouse keepers</a></p>',
    ],
    ['the title in capitals', '<div>THE LAST LIGHTHOUSE KEEPERS</div>'],
  ])('removes the title repeated at the end: %s', (_, after) => {
    const text = textWith({ after });
    expect(text).not.toMatch(/lighthouse keepers/i);
    expect(text).toContain(PROSE[3]);
  });

  it('removes a dateline marked up with <time>, in any language', () => {
    const text = textWith({ before: '<p>Veröffentlicht am <time datetime="2019-03-18">18. März 2019</time></p>' });
    expect(text).not.toMatch(/Veröffentlicht|März/);
  });

  it('removes a print-only copy of the article header', () => {
    const text = textWith({
      middle:
        '<div class="visible-print-block"><p>Printed from Coastal Notes, the magazine of the northern cape.</p></div>',
    });
    expect(text).not.toMatch(/Printed from/);
  });

  it('keeps an article body that a print plugin also marks print-only (its prose is the article)', () => {
    const article = `<div class="entry-content print-only">${PROSE.map((p) => `<p>${p}</p>`).join('')}</div>`;
    const text = extract(page({ article }))!.text;
    for (const p of PROSE) expect(text).toContain(p);
  });

  it('removes three or more teaser cards (nested <article>s leading elsewhere on the site) under a heading', () => {
    const card = (n: number) =>
      `<article><picture><img src="/img/${n}.jpg" alt=""></picture><h3><span>Leuchtturm ${n}</span></h3>
        <p>Ein kurzer Anriss der Geschichte dieses Turms, damit man weiterliest.</p>
        <p><a href="/blog/2023/turm-${n}.html">Mehr erfahren</a></p></article>`;
    const text = textWith({ after: `<h2>Zum Weiterlesen</h2><div>${card(1)}${card(2)}${card(3)}</div>` });
    expect(text).not.toMatch(/Leuchtturm \d|Anriss|Mehr erfahren|Zum Weiterlesen/);
  });

  it('keeps the posts of an archive page: nested articles that are most of the text', () => {
    const post = (n: number) =>
      `<article><h2>Post ${n}</h2><p>${PROSE[n]}</p><p><a href="/blog/2023/post-${n}.html">Weiterlesen</a></p></article>`;
    const text = extract(page({ article: [0, 1, 2, 3].map(post).join('') }))!.text;
    for (const p of PROSE) expect(text).toContain(p);
  });

  it('removes a run of links to other pages of the site between the text and an author bio', () => {
    const links = [1, 2, 3]
      .map((n) => `<blockquote><p><a href="/blog/2023/story-${n}.html">Schlagzeile Nummer ${n}</a></p></blockquote>`)
      .join('');
    const bio =
      '<div><h2>Über Jane Roe</h2><p>Jane Roe schreibt seit zwanzig Jahren über Leuchttürme, Küsten und die Menschen, die dort leben und arbeiten, für Zeitungen und Magazine in ganz Europa.</p></div>';
    const text = textWith({ after: `<p><strong>Schon gelesen?</strong></p>${links}${bio}` });
    expect(text).not.toMatch(/Schlagzeile|Schon gelesen/);
    expect(text).toContain('Jane Roe schreibt');
  });

  it('removes the headline repeated with a kicker around it at the top', () => {
    const article = `<h2><span><span>Thema </span>Küsten </span>Mehr über die letzten Leuchtturmwärter</h2>${PROSE.map((p) => `<p>${p}</p>`).join('')}`;
    const html = page({
      article,
      title: 'Die letzten Leuchtturmwärter',
      head: '<meta property="og:site_name" content="Coastal Notes">',
    }).replace('<h1>Die letzten Leuchtturmwärter</h1>', '');
    const result = extract(html)!;
    expect(result.title).toBe('Die letzten Leuchtturmwärter');
    expect(result.text.startsWith(PROSE[0]!)).toBe(true);
  });
});
