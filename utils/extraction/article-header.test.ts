/**
 * The reader's header on small crafted pages: the entry's own title, names
 * only in the byline, never a related story's author, and the date the
 * article prints when its metadata states none.
 */
import { describe, expect, it } from 'vitest';
import { cleanByline } from './byline';
import { PROSE, extract, proseHtml } from '../../tests/support/test-pages';

/** A page with a site header before the article and `extra` after it. */
function blogPage({
  title,
  head = '',
  header = '',
  article,
  after = '',
  url,
}: {
  title: string;
  head?: string;
  header?: string;
  article: string;
  after?: string;
  url?: string;
}) {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>${head}</head><body>
  <header class="site-header">${header}<nav><a href="/archive">Archive</a> <a href="/about">About</a></nav></header>
  <main><article>${article}</article>${after}</main>
  <footer><p>An independent magazine. <a href="/privacy">Privacy</a></p></footer></body></html>`;
  return extract(html, url);
}

describe('title', () => {
  it('drops a site and section suffix when the entry heading follows the site logo heading', () => {
    const article = blogPage({
      title: 'Keepers meet again : The Two-Way : NPR',
      head: '<meta property="og:site_name" content="NPR.org">',
      header: '<h1><a href="/">NPR</a></h1>',
      article: `<h1>Keepers meet again</h1>${proseHtml()}`,
      url: 'https://www.npr.org/sections/thetwo-way/2019/keepers',
    })!;
    expect(article.title).toBe('Keepers meet again');
  });

  it('drops a site name appended without a separator', () => {
    const article = blogPage({
      title: 'Tiny outliner for notes MOONGIFT',
      head: '<meta property="og:site_name" content="MOONGIFT">',
      article: `<h2>Overview</h2>${proseHtml()}`,
      url: 'https://www.moongift.jp/2019/03/outliner/',
    })!;
    expect(article.title).toBe('Tiny outliner for notes');
  });

  it('drops a suffix that names the host', () => {
    const article = blogPage({
      title: 'Warum Wale stranden - Spektrum der Wissenschaft',
      article: proseHtml(),
      url: 'https://www.spektrum.de/news/wale/1234',
    })!;
    expect(article.title).toBe('Warum Wale stranden');
  });

  it('takes the entry heading when the page title is only the blog name', () => {
    const article = blogPage({
      title: 'Coastal Notes',
      head: '<meta property="og:title" content="Coastal Notes">',
      header: '<h1><a href="https://example.com/">Coastal Notes</a></h1>',
      article: `<h3 class="post-title"><a href="https://example.com/blog/2024/lighthouse-keepers.html">The last lighthouse keepers</a></h3>${proseHtml()}`,
    })!;
    expect(article.title).toBe('The last lighthouse keepers');
  });

  it('prefers the entry heading to the blog name heading when both are in the page title', () => {
    const article = blogPage({
      title: 'The last lighthouse keepers | Coastal Notes',
      header: '<h1>Coastal Notes</h1>',
      article: `<h2>The last lighthouse keepers</h2>${proseHtml()}`,
    })!;
    expect(article.title).toBe('The last lighthouse keepers');
  });

  it('keeps a colon that is part of the title (guard: passes before and after)', () => {
    const article = blogPage({
      title: 'Evolve: Shared Mutable History | Coastal Notes',
      article: `<h1>Evolve: Shared Mutable History</h1>${proseHtml()}`,
    })!;
    expect(article.title).toBe('Evolve: Shared Mutable History');
  });
});

describe('byline', () => {
  it.each([
    ['ByNatasha Daly• 8 min read', 'Natasha Daly'],
    ['Jakob UlbrichFollowAug 8, 2016·7 min read', 'Jakob Ulbrich'],
    ['Rebecca Hersher Twitter', 'Rebecca Hersher'],
    ['18/03/2019 | André Mindermann', 'André Mindermann'],
    ['Von Anna Schmidt', 'Anna Schmidt'],
    ['Por María García', 'María García'],
    ['VON MORITZ GATHMANN am 21. April 2020', 'MORITZ GATHMANN'],
    ['Ann Keeper, John Tide', 'Ann Keeper, John Tide'],
    ['Leonardo DiCaprio', 'Leonardo DiCaprio'],
    ['8. November 2021', null],
    ['facebook.com/coastalnotes', null],
  ])('cleanByline(%j) → %j', (input, expected) => {
    expect(cleanByline(input)).toBe(expected);
  });

  it.each([
    [
      'a "By" label and a read time in separate elements',
      '<p class="byline">By<a href="/authors/natasha">Natasha Daly</a><span>• 8 min read</span></p>',
      'Natasha Daly',
    ],
    [
      'a follow button and a date',
      '<div class="author"><a href="/@jakob">Jakob Ulbrich</a><button>Follow</button><span>Aug 8, 2016</span><span>·</span><span>7 min read</span></div>',
      'Jakob Ulbrich',
    ],
    [
      "a link to the author's social profile",
      '<div class="byline"><a href="/people/rebecca">Rebecca Hersher</a> <a href="https://twitter.com/rhersher">Twitter</a></div>',
      'Rebecca Hersher',
    ],
    ['a date before the name', '<p class="byline">18/03/2019 | André Mindermann</p>', 'André Mindermann'],
  ])('reads names only from %s', (_, byline, expected) => {
    const article = blogPage({
      title: 'The last lighthouse keepers',
      article: `<h1>The last lighthouse keepers</h1>${byline}${proseHtml()}`,
    })!;
    expect(article.byline).toBe(expected);
    expect(article.text).toContain(PROSE[0]);
  });

  it('never takes the byline of a related story after the article', () => {
    const after = `<section><h2>More stories</h2>
      <article><h3><a href="/other">Another story</a></h3><p class="byline">By John Other</p></article>
      <article><h3><a href="/third">A third story</a></h3><p class="byline">By Jane Third</p></article></section>`;
    const article = blogPage({
      title: 'The last lighthouse keepers',
      article: `<h1>The last lighthouse keepers</h1>${proseHtml()}`,
      after,
    })!;
    expect(article.byline).toBeNull();
  });

  it('never takes the byline of a teaser card after the article', () => {
    const teaser =
      'A long teaser about another story, which has its own author and its own date, and nothing to do with lighthouses at all.';
    const after = `<div class="grid"><div class="card"><h3><a href="/other">Another story</a></h3><span class="author">John Other</span><p>${teaser}</p></div>
      <div class="card"><h3><a href="/third">A third story</a></h3><span class="author">Jane Third</span><p>${teaser}</p></div></div>`;
    const article = blogPage({
      title: 'The last lighthouse keepers',
      article: `<h1>The last lighthouse keepers</h1>${proseHtml()}`,
      after,
    })!;
    expect(article.byline).toBeNull();
  });

  it('resolves a JSON-LD author given by reference', () => {
    const head = `<script type="application/ld+json">{"@context":"https://schema.org","@graph":[
      {"@type":"Article","headline":"The last lighthouse keepers","author":{"@id":"https://example.com/#/person/1"}},
      {"@type":"Person","@id":"https://example.com/#/person/1","name":"Ann Keeper"}]}</script>`;
    const article = blogPage({
      title: 'The last lighthouse keepers',
      head,
      article: `<h1>The last lighthouse keepers</h1>${proseHtml()}`,
    })!;
    expect(article.byline).toBe('Ann Keeper');
  });
});

describe('published date', () => {
  it('reads a numeric date printed beside the byline', () => {
    const article = blogPage({
      title: 'The last lighthouse keepers',
      article: `<h1>The last lighthouse keepers</h1><p class="post-meta"><span>18.03.2019</span> | <span class="author">André Mindermann</span></p>${proseHtml()}`,
    })!;
    expect(article.published).toBe('2019-03-18');
  });

  it.each([
    ['18. März 2019', 'de'],
    ['18 de marzo de 2019', 'es'],
    ['18 mars 2019', 'fr'],
    ['March 18, 2019', 'en'],
    ['18 марта 2019', 'ru'],
    ['2019年3月18日', 'ja'],
  ])('reads a date printed in the header: %s', (printed, lang) => {
    const html = `<!doctype html><html lang="${lang}"><head><title>The last lighthouse keepers</title></head><body>
      <main><article><h1>The last lighthouse keepers</h1><div class="meta">${printed}</div>${proseHtml()}</article></main></body></html>`;
    expect(extract(html)!.published).toBe('2019-03-18');
  });

  it('ignores the dates of comments nested in the article', () => {
    const comments = `<section class="comments"><article><p><time datetime="2021-06-01">1 June 2021</time> Reader wrote:</p><p>${PROSE[1]}</p></article></section>`;
    const article = blogPage({
      title: 'The last lighthouse keepers',
      article: `<h1>The last lighthouse keepers</h1>${proseHtml()}${comments}`,
    })!;
    expect(article.published).toBeNull();
  });

  it('ignores a date printed inside the prose (guard: passes before and after)', () => {
    const article = blogPage({
      title: 'The last lighthouse keepers',
      article: `<h1>The last lighthouse keepers</h1><p>On 18 March 2019 the last keeper left the lighthouse on the northern cape, and the light has turned without anyone since.</p>${proseHtml()}`,
    })!;
    expect(article.published).toBeNull();
  });
});
