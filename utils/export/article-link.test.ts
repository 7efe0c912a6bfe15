import { describe, expect, it } from 'vitest';
import { articleLink } from './article-link';

const article = (pageUrl: string, canonicalUrl: string | null = null, url = pageUrl) => ({
  pageUrl,
  canonicalUrl,
  url,
});

describe('articleLink', () => {
  it('gives the canonical link when it is trusted, as the page declared it', () => {
    expect(articleLink(article('https://www.example.com/post?utm_source=x', 'https://www.example.com/post'))).toBe(
      'https://www.example.com/post',
    );
  });

  it('ignores a canonical link Margin does not trust (the site root, another site)', () => {
    expect(articleLink(article('https://example.com/a/post', 'https://example.com/'))).toBe(
      'https://example.com/a/post',
    );
    expect(articleLink(article('https://example.com/a/post', 'https://evil.test/a/post'))).toBe(
      'https://example.com/a/post',
    );
  });

  it('drops tracking parameters and scroll fragments, keeps meaningful parameters and hash routes', () => {
    expect(articleLink(article('https://news.example/item?id=7&utm_medium=email&fbclid=abc#comments'))).toBe(
      'https://news.example/item?id=7',
    );
    expect(articleLink(article('https://app.example/#/post/1'))).toBe('https://app.example/#/post/1');
    expect(articleLink(article('https://example.com/a?b=c%20d'))).toBe('https://example.com/a?b=c%20d');
  });

  it("falls back to the article's key when the stored address is not a URL", () => {
    expect(articleLink(article('garbage', null, 'https://example.com/key'))).toBe('https://example.com/key');
  });
});
