import { describe, expect, test } from 'vitest';
import { normalizeUrl } from './normalize-url';

// Each row: an address a reader could arrive by, and the key it must be filed under.
// Rows sharing a key are addresses of the same article, so a revisit through any of
// them finds the highlights made through another.
const SAME_ARTICLE: Array<[what: string, input: string, key: string]> = [
  // Medium
  [
    'Medium RSS link',
    'https://medium.com/@alice/why-closures-matter-3f2a1b9c8d7e?source=rss----a1b2c3d4e5f6---4',
    'https://medium.com/@alice/why-closures-matter-3f2a1b9c8d7e',
  ],
  [
    'Medium profile link',
    'https://medium.com/@alice/why-closures-matter-3f2a1b9c8d7e?source=user_profile---------3----------------------------',
    'https://medium.com/@alice/why-closures-matter-3f2a1b9c8d7e',
  ],
  [
    'Medium friend link',
    'https://medium.com/@alice/why-closures-matter-3f2a1b9c8d7e?sk=0123456789abcdef0123456789abcdef',
    'https://medium.com/@alice/why-closures-matter-3f2a1b9c8d7e',
  ],
  [
    'Medium publication on its own domain',
    'https://betterprogramming.pub/async-rust-9c1d2e3f4a5b?source=rss----d0b105d10f0a---4',
    'https://betterprogramming.pub/async-rust-9c1d2e3f4a5b',
  ],
  // Substack
  [
    'Substack share link',
    'https://alice.substack.com/p/on-writing?r=2bjtip&utm_campaign=post&utm_medium=web&triedRedirect=true',
    'https://alice.substack.com/p/on-writing',
  ],
  [
    'Substack on a custom domain',
    'https://www.alicewrites.com/p/on-writing?r=2bjtip&s=r&showWelcomeOnShare=true',
    'https://alicewrites.com/p/on-writing',
  ],
  // dev.to, WordPress, Ghost
  [
    'dev.to from a newsletter',
    'https://dev.to/alice/understanding-react-hooks-4k2j?utm_source=digest_mailer&utm_medium=email&utm_campaign=digest_email',
    'https://dev.to/alice/understanding-react-hooks-4k2j',
  ],
  [
    'WordPress pretty permalink with slash',
    'http://www.example.com/2024/05/12/hello-world/',
    'https://example.com/2024/05/12/hello-world',
  ],
  [
    'WordPress permalink with comment anchor',
    'https://example.com/2024/05/12/hello-world/#comment-42',
    'https://example.com/2024/05/12/hello-world',
  ],
  [
    'Ghost outbound ref',
    'https://blog.example.org/a-post/?ref=news.ycombinator.com',
    'https://blog.example.org/a-post',
  ],
  // News sites and ad clicks
  [
    'news article from Facebook',
    'https://www.theguardian.com/world/2024/may/12/some-story?fbclid=IwAR0abc123',
    'https://theguardian.com/world/2024/may/12/some-story',
  ],
  [
    'news article from an ad',
    'https://www.nytimes.com/2024/05/12/technology/ai.html?gclid=Cj0KCQ&msclkid=abc&smid=nytcore-ios-share',
    'https://nytimes.com/2024/05/12/technology/ai.html?smid=nytcore-ios-share',
  ],
  [
    'Mailchimp and HubSpot campaign',
    'https://example.com/post?mc_cid=1a2b3c&mc_eid=4d5e6f&_hsenc=p2ANqtz-&_hsmi=123',
    'https://example.com/post',
  ],
  ['upper-case campaign tags', 'https://example.com/post?UTM_SOURCE=x&Utm_Medium=y', 'https://example.com/post'],
  [
    'X share suffix',
    'https://x.com/alice/status/1790000000000000000?s=20&t=abcDEF',
    'https://x.com/alice/status/1790000000000000000',
  ],
  [
    'Instagram share',
    'https://www.instagram.com/p/C6abcdef/?igshid=MzRlODBiNWFlZA==',
    'https://instagram.com/p/C6abcdef',
  ],
  // AMP
  ['AMP path variant', 'https://example.com/2024/05/some-story/amp/', 'https://example.com/2024/05/some-story'],
  ['AMP query variant', 'https://example.com/2024/05/some-story?amp=1', 'https://example.com/2024/05/some-story'],
  [
    'Google AMP viewer',
    'https://www.google.com/amp/s/example.com/2024/05/some-story/amp/',
    'https://example.com/2024/05/some-story',
  ],
  [
    'AMP cache',
    'https://example-com.cdn.ampproject.org/c/s/example.com/2024/05/some-story/amp?amp_js_v=0.1&usqp=mq331AQIUAKwASCAAgM%3D',
    'https://example.com/2024/05/some-story',
  ],
  // Address shapes
  ['upper-case host, default port', 'HTTPS://Example.COM:443/Post', 'https://example.com/Post'],
  ['http default port', 'http://example.com:80/post', 'https://example.com/post'],
  ['trailing dot host', 'https://example.com./post', 'https://example.com/post'],
  ['credentials', 'https://user:secret@example.com/post', 'https://example.com/post'],
  ['escaped unreserved characters', 'https://example.com/%7Ealice/caf%c3%a9', 'https://example.com/~alice/caf%C3%A9'],
  ['param order', 'https://example.com/search?b=2&a=1', 'https://example.com/search?a=1&b=2'],
  ['spaces encoded two ways', 'https://example.com/search?q=hello%20world', 'https://example.com/search?q=hello+world'],
  ['text-fragment scroll target', 'https://example.com/post#:~:text=closures', 'https://example.com/post'],
  ['surrounding whitespace', '  https://example.com/post  ', 'https://example.com/post'],
];

// Query parameters and fragments that pick the page must survive.
const KEPT: Array<[what: string, input: string, key: string]> = [
  [
    'query-addressed post',
    'https://news.ycombinator.com/item?id=40000000',
    'https://news.ycombinator.com/item?id=40000000',
  ],
  ['WordPress plain permalink', 'https://example.com/?p=42&utm_source=rss', 'https://example.com/?p=42'],
  ['WordPress page id', 'https://example.com/index.php?page_id=7', 'https://example.com/index.php?page_id=7'],
  [
    'YouTube video id kept, share id dropped',
    'https://www.youtube.com/watch?v=dQw4w9WgXcQ&si=abc123&feature=share',
    'https://youtube.com/watch?v=dQw4w9WgXcQ',
  ],
  ['repeated params keep their order', 'https://example.com/list?tag=b&tag=a', 'https://example.com/list?tag=b&tag=a'],
  [
    'ref on a code host is a branch',
    'https://github.com/org/repo/blob/README.md?ref=v2',
    'https://github.com/org/repo/blob/README.md?ref=v2',
  ],
  ['source that is not Medium', 'https://example.com/docs?source=manual', 'https://example.com/docs?source=manual'],
  ['hash route in a single-page app', 'https://app.example.com/#/posts/17', 'https://app.example.com/#/posts/17'],
  ['hash-bang route', 'https://example.com/#!/posts/17', 'https://example.com/#!/posts/17'],
  ['a page actually called amp', 'https://example.com/amp', 'https://example.com/amp'],
  ['explicit port keeps http', 'http://localhost:3000/post/', 'http://localhost:3000/post'],
  ['m. subdomain is not merged by the URL alone', 'https://m.example.com/post', 'https://m.example.com/post'],
  ['www is only stripped from a full name', 'https://www.com/post', 'https://www.com/post'],
  ['root stays a slash', 'https://example.com', 'https://example.com/'],
  ['non-web scheme only loses its fragment', 'file:///home/alice/notes.html#top', 'file:///home/alice/notes.html'],
];

describe('addresses of the same article get the same key', () => {
  test.each(SAME_ARTICLE)('%s', (_what, input, key) => {
    expect(normalizeUrl(input)).toBe(key);
  });
});

describe('what identifies a page is kept', () => {
  test.each(KEPT)('%s', (_what, input, key) => {
    expect(normalizeUrl(input)).toBe(key);
  });
});

test('normalizing a key again changes nothing', () => {
  for (const [, input] of [...SAME_ARTICLE, ...KEPT]) {
    const key = normalizeUrl(input);
    expect(normalizeUrl(key)).toBe(key);
  }
});

test('two different posts never share a key', () => {
  const keys = new Set(
    [
      'https://example.com/?p=41',
      'https://example.com/?p=42',
      'https://news.ycombinator.com/item?id=1',
      'https://news.ycombinator.com/item?id=2',
      'https://alice.substack.com/p/one',
      'https://bob.substack.com/p/one',
    ].map(normalizeUrl),
  );
  expect(keys.size).toBe(6);
});

test('a string that is not an absolute URL is refused', () => {
  expect(() => normalizeUrl('/relative/path')).toThrow(TypeError);
});
