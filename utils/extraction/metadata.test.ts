import { describe, expect, it } from 'vitest';
import { cleanByline, normalizeLang } from './metadata';
import { toIsoDate } from './published-date';
import { TEST_URL, extract, page } from '../../tests/support/test-pages';

const NOW = new Date('2025-06-01T00:00:00Z');

describe('published date', () => {
  it('prefers JSON-LD datePublished', () => {
    const head = `<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Coastal Notes"},
      {"@type":"NewsArticle","headline":"The last lighthouse keepers","datePublished":"2019-11-18T20:19:00-05:00","author":[{"@type":"Person","name":"Ann Keeper"},{"@type":"Person","name":"John Tide"}],
      "publisher":{"@type":"Organization","name":"Coastal Notes"},"image":{"@type":"ImageObject","url":"/img/lead.jpg"}}]}</script>
      <meta property="article:published_time" content="2001-01-01T00:00:00Z">`;
    const article = extract(page({ head }))!;
    expect(article.published).toBe('2019-11-18T20:19:00-05:00');
    expect(article.byline).toBe('Ann Keeper, John Tide');
    expect(article.siteName).toBe('Coastal Notes');
    expect(article.leadImage).toBe('https://example.com/img/lead.jpg');
  });

  it('falls back to Open Graph article:published_time', () => {
    expect(
      extract(page({ head: '<meta property="article:published_time" content="2020-02-29T08:00:00Z">' }))!.published,
    ).toBe('2020-02-29T08:00:00Z');
  });

  it("falls back to the article's <time datetime>", () => {
    const article = `<p class="meta"><time datetime="2018-07-04">4 July 2018</time></p>${page().match(/<p>[\s\S]*<\/p>/)![0]}`;
    expect(extract(page({ article }))!.published).toBe('2018-07-04');
  });

  it('is null when the page states no date', () => {
    expect(extract(page())!.published).toBeNull();
  });

  it.each([
    ['2019-11-18', '2019-11-18'],
    ['2019-11-18 20:19', '2019-11-18T20:19'],
    ['2019-11-18T20:19:00+0100', '2019-11-18T20:19:00+01:00'],
    ['2019-11-18T20:19:00.000Z', '2019-11-18T20:19:00.000Z'],
    ['Tue, 19 Nov 2019 10:48:00 GMT', '2019-11-19T10:48:00.000Z'],
    ['November 19, 2019', '2019-11-19'],
    ['1970-01-01', null], // a zero timestamp, not a publication date
    ['2031-01-01', null], // in the future
    ['yesterday', null],
    ['', null],
  ])('toIsoDate(%j) → %j', (input, expected) => {
    expect(toIsoDate(input, NOW)).toBe(expected);
  });
});

describe('other metadata', () => {
  it('reads language from <html lang>, else from og:locale', () => {
    expect(extract(page())!.lang).toBe('en');
    const html = page({ head: '<meta property="og:locale" content="pt_BR">' }).replace('<html lang="en">', '<html>');
    expect(extract(html)!.lang).toBe('pt-BR');
  });

  it('uses og:image as the lead image, else the first large picture', () => {
    expect(extract(page({ head: '<meta property="og:image" content="//cdn.example.com/og.jpg">' }))!.leadImage).toBe(
      'https://cdn.example.com/og.jpg',
    );
    const article = `<p><img src="/icons/rss.png" width="16" height="16"></p><figure><img src="/p/cliff.jpg" width="1200"></figure>${page().match(/<p>[\s\S]*<\/p>/)![0]}`;
    expect(extract(page({ article }))!.leadImage).toBe('https://example.com/p/cliff.jpg');
  });

  it('uses the page description as excerpt, else the first paragraph', () => {
    expect(
      extract(page({ head: '<meta name="description" content="Keepers of the northern light, 37 years on.">' }))!
        .excerpt,
    ).toBe('Keepers of the northern light, 37 years on.');
    expect(extract(page())!.excerpt).toMatch(/^The lighthouse on the northern cape was automated in 1987/);
  });

  it('keeps the page URL it was given', () => {
    expect(extract(page())!.url).toBe(TEST_URL);
  });

  it.each([
    ['en', 'en'],
    ['en_US', 'en-US'],
    ['zh-Hant-TW', 'zh-Hant-TW'],
    ['english', null],
    ['', null],
  ])('normalizeLang(%j) → %j', (input, expected) => {
    expect(normalizeLang(input)).toBe(expected);
  });

  it.each([
    ['By  Ann Keeper', 'Ann Keeper'],
    ['Written by: Ann Keeper', 'Ann Keeper'],
    ['https://example.com/authors/ann', null],
    ['   ', null],
  ])('cleanByline(%j) → %j', (input, expected) => {
    expect(cleanByline(input)).toBe(expected);
  });
});
