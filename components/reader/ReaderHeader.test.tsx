import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { ExtractedArticle } from '@/utils/extraction/article';
import { ReaderHeader } from './ReaderHeader';

const article: ExtractedArticle = {
  title: 'The last lighthouse keepers',
  byline: null,
  siteName: null,
  published: null,
  lang: 'en',
  readingMinutes: 3,
  excerpt: null,
  leadImage: null,
  url: 'https://example.com/a',
  html: '<p>Text</p>',
  text: 'Text',
};

describe('ReaderHeader', () => {
  it('tells the reader when the article is shown uncleaned because the clean-up would have cut it', () => {
    const fallback = {
      reason: 'clean-up left 441 of the 10626 characters Readability found',
      ourChars: 441,
      readabilityChars: 10626,
    };
    expect(renderToStaticMarkup(<ReaderHeader article={{ ...article, fallback }} titleRef={null} />)).toContain(
      'data-field="fallback"',
    );
    expect(renderToStaticMarkup(<ReaderHeader article={article} titleRef={null} />)).not.toContain(
      'data-field="fallback"',
    );
  });
});
