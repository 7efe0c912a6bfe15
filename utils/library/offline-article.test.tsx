import { renderToStaticMarkup } from 'react-dom/server';
import { expect, test } from 'vitest';
import type { ArticleBodyRecord, ArticleRecord } from '@/utils/db';
import { ReaderHeader } from '@/components/reader/ReaderHeader';
import { offlineReaderArticle } from './offline-article';

test('the saved copy becomes the article the reader renders, linking to where it was read', () => {
  const article = {
    id: 'a1',
    title: 'What bees know',
    author: 'Ann Author',
    site: 'The Guardian',
    published: '2024-05-02',
    lang: 'en',
    pageUrl: 'https://www.theguardian.com/science/bees?ref=home',
    url: 'https://theguardian.com/science/bees',
  } as ArticleRecord;
  const words = Array.from({ length: 600 }, () => 'buzz').join(' ');
  const body = { id: 'a1', html: `<p>${words}</p>`, text: words } as ArticleBodyRecord;
  expect(offlineReaderArticle(article, body)).toEqual({
    title: 'What bees know',
    byline: 'Ann Author',
    siteName: 'The Guardian',
    published: '2024-05-02',
    lang: 'en',
    readingMinutes: 3,
    excerpt: null,
    leadImage: null,
    url: 'https://www.theguardian.com/science/bees?ref=home',
    html: `<p>${words}</p>`,
    text: words,
  });
});

test("a copy saved from Readability's own result keeps the reader's note saying so", () => {
  const article = { id: 'a2', title: 'Long read', pageUrl: 'https://example.com/long' } as ArticleRecord;
  const fallback = {
    reason: 'clean-up left 441 of the 10626 characters Readability found',
    ourChars: 441,
    readabilityChars: 10626,
  };
  const body = { id: 'a2', html: '<p>All of it</p>', text: 'All of it', fallback } as ArticleBodyRecord & {
    fallback: typeof fallback;
  };
  const offline = offlineReaderArticle(article, body);
  expect(offline.fallback).toEqual(fallback);
  // The offline page renders the same header as the live reader: the note is there.
  expect(renderToStaticMarkup(<ReaderHeader article={offline} titleRef={null} />)).toContain('data-field="fallback"');
  // A copy of Margin's cleaned-up article has no note.
  const { fallback: _, ...plain } = body;
  expect(offlineReaderArticle(article, plain)).not.toHaveProperty('fallback');
});
