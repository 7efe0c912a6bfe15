import { expect, test } from 'vitest';
import type { ArticleBodyRecord, ArticleRecord } from '@/utils/db';
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
