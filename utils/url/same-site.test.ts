import { expect, test } from 'vitest';
import { siteOf } from './same-site';

test.each([
  ['example.com', 'example.com'],
  ['blog.example.com', 'example.com'],
  ['a.b.example.com', 'example.com'],
  ['news.bbc.co.uk', 'bbc.co.uk'],
  ['www.abc.net.au', 'abc.net.au'],
  ['alice.substack.com', 'alice.substack.com'],
  ['www.alice.substack.com', 'alice.substack.com'],
  ['substack.com', 'substack.com'],
  ['alice.github.io', 'alice.github.io'],
  ['localhost', 'localhost'],
  ['127.0.0.1', '127.0.0.1'],
  ['Example.COM.', 'example.com'],
])('%s belongs to %s', (host, site) => {
  expect(siteOf(host)).toBe(site);
});
