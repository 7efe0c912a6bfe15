import { describe, expect, test } from 'vitest';
import { articleUrlKeys, resolveArticleUrl, trustedCanonical } from './article-url';

// [what, page URL, canonical href, key the article is filed under]
const CASES: Array<[string, string, string | null, string]> = [
  // Followed: the canonical joins addresses the URL rules alone cannot.
  [
    'mobile page to desktop',
    'https://m.example.com/news/123',
    'https://www.example.com/news/123',
    'https://example.com/news/123',
  ],
  [
    'short id to slug',
    'https://example.com/news/123',
    'https://example.com/news/123-budget-passes',
    'https://example.com/news/123-budget-passes',
  ],
  [
    'AMP subdomain to article',
    'https://amp.theguardian.com/world/2024/may/12/story',
    'https://www.theguardian.com/world/2024/may/12/story',
    'https://theguardian.com/world/2024/may/12/story',
  ],
  [
    'Google AMP viewer to publisher',
    'https://www.google.com/amp/s/amp.example.co.uk/news/story',
    'https://www.example.co.uk/news/story',
    'https://example.co.uk/news/story',
  ],
  [
    'relative canonical',
    'https://example.com/2024/05/post/?replytocom=9',
    '/2024/05/post/',
    'https://example.com/2024/05/post',
  ],
  [
    'query kept by the canonical',
    'https://example.com/item?id=5&sort=new',
    'https://example.com/item?id=5',
    'https://example.com/item?id=5',
  ],
  [
    'homepage canonical on the homepage',
    'https://example.com/?utm_source=x',
    'https://example.com/',
    'https://example.com/',
  ],
  [
    "a tenant's own subdomains",
    'https://www.alice.github.io/post',
    'https://alice.github.io/post',
    'https://alice.github.io/post',
  ],
  [
    'same IP address',
    'http://127.0.0.1:8080/post?utm_source=x',
    'http://127.0.0.1:8080/post',
    'http://127.0.0.1:8080/post',
  ],
  [
    'mobile edition to the main one',
    'https://m.example.com/2024/05/post',
    'https://www.example.com/2024/05/post',
    'https://example.com/2024/05/post',
  ],
  [
    'AMP edition to the article',
    'https://amp.example.com/2024/05/post',
    'https://example.com/2024/05/post',
    'https://example.com/2024/05/post',
  ],
  [
    'the site itself to one of its subdomains',
    'https://example.com/blog/post',
    'https://blog.example.com/post',
    'https://blog.example.com/post',
  ],
  [
    'a mobile edition under a two-level country suffix',
    'https://m.bbc.co.uk/news/world-123',
    'https://www.bbc.co.uk/news/world-123',
    'https://bbc.co.uk/news/world-123',
  ],
  [
    'Medium custom-domain post',
    'https://blog.example.com/a-post-1a2b3c?source=rss----1---4',
    'https://blog.example.com/a-post-1a2b3c',
    'https://blog.example.com/a-post-1a2b3c',
  ],

  // Not followed: the page's own URL is the key.
  ['no canonical', 'https://example.com/post?utm_source=x', null, 'https://example.com/post'],
  ['blank canonical', 'https://example.com/post', '   ', 'https://example.com/post'],
  [
    'every page claims the homepage',
    'https://example.com/2024/05/a-real-article',
    'https://example.com/',
    'https://example.com/2024/05/a-real-article',
  ],
  [
    'homepage claimed by a plain permalink',
    'https://example.com/?p=42',
    'https://example.com/',
    'https://example.com/?p=42',
  ],
  [
    'identifying query dropped',
    'https://forum.example.com/item.php?id=123',
    'https://forum.example.com/item.php',
    'https://forum.example.com/item.php?id=123',
  ],
  [
    'phpBB topic without its topic',
    'https://forum.example.com/viewtopic.php?t=77&start=20',
    'https://forum.example.com/viewtopic.php',
    'https://forum.example.com/viewtopic.php?start=20&t=77',
  ],
  [
    "cross-post to the author's blog",
    'https://dev.to/alice/my-post-4k2j',
    'https://alice.dev/blog/my-post',
    'https://dev.to/alice/my-post-4k2j',
  ],
  [
    'another author on the same platform',
    'https://alice.github.io/post',
    'https://bob.github.io/post',
    'https://alice.github.io/post',
  ],
  [
    'another tenant of a hosting platform',
    'https://evil.azurewebsites.net/post',
    'https://victim.azurewebsites.net/post',
    'https://evil.azurewebsites.net/post',
  ],
  [
    'another bucket on the same storage host',
    'https://evil.s3.amazonaws.com/post.html',
    'https://victim.s3.amazonaws.com/post.html',
    'https://evil.s3.amazonaws.com/post.html',
  ],
  // Platforms the Public Suffix List does not name: tenants are still kept apart.
  [
    'another blog on a platform the list does not name',
    'https://alice.tumblr.com/post/1',
    'https://bob.tumblr.com/post/1',
    'https://alice.tumblr.com/post/1',
  ],
  [
    'another newsletter on the same platform',
    'https://alice.substack.com/p/hello',
    'https://bob.substack.com/p/hello',
    'https://alice.substack.com/p/hello',
  ],
  [
    'another www-prefixed tenant',
    'https://www.alice.neocities.org/post',
    'https://bob.neocities.org/post',
    'https://alice.neocities.org/post',
  ],
  [
    "a tenant claiming a post on the platform's own domain",
    'https://evil.medium.com/x',
    'https://medium.com/@victim/secret-post-123abc',
    'https://evil.medium.com/x',
  ],
  [
    'a section subdomain claiming the site (news.bbc.co.uk: the cost of the rule above)',
    'https://news.bbc.co.uk/1/hi/world/123.stm',
    'https://www.bbc.co.uk/news/world-123',
    'https://news.bbc.co.uk/1/hi/world/123.stm',
  ],
  [
    'the platform itself claiming a tenant',
    'https://readthedocs.io/post',
    'https://victim.readthedocs.io/post',
    'https://readthedocs.io/post',
  ],
  ['another host on the same IP-less intranet', 'http://wiki/post', 'http://intranet/post', 'https://wiki/post'],
  ['another IP address', 'http://192.168.1.10/post', 'http://192.168.1.11/post', 'https://192.168.1.10/post'],
  [
    'another site sharing a country suffix',
    'https://alice.co.uk/post',
    'https://bob.co.uk/post',
    'https://alice.co.uk/post',
  ],
  ['not http', 'https://example.com/post', 'javascript:alert(1)', 'https://example.com/post'],
  ['unparseable', 'https://example.com/post', 'http://exa mple.com/post', 'https://example.com/post'],
];

describe('where an article is filed', () => {
  test.each(CASES)('%s', (_what, page, canonical, key) => {
    expect(resolveArticleUrl(page, canonical)).toBe(key);
  });
});

test('an untrusted canonical is reported as none', () => {
  expect(trustedCanonical('https://example.com/a-post', 'https://example.com/')).toBeNull();
  expect(trustedCanonical('https://example.com/a-post', 'https://example.com/a-post/')).toBe(
    'https://example.com/a-post',
  );
});

test("a revisit is looked up by the canonical key and by the page's own key", () => {
  expect(articleUrlKeys('https://m.example.com/news/123', 'https://example.com/news/123')).toEqual([
    'https://example.com/news/123',
    'https://m.example.com/news/123',
  ]);
  expect(articleUrlKeys('https://example.com/news/123?utm_source=x', 'https://example.com/news/123')).toEqual([
    'https://example.com/news/123',
  ]);
});
