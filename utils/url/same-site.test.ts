import { describe, expect, test } from 'vitest';
import { isSameSite, siteOf } from './same-site';

// Tenants of a Public Suffix List entry: each is its own site, so one can never name
// another's page as its canonical (and be shown that page's highlights and notes).
const TENANTS: Array<[string, string]> = [
  ['evil.azurewebsites.net', 'victim.azurewebsites.net'],
  ['evil.readthedocs.io', 'victim.readthedocs.io'],
  ['evil.gitbook.io', 'victim.gitbook.io'],
  ['d111111abcdef8.cloudfront.net', 'd222222abcdef8.cloudfront.net'],
  ['evil.appspot.com', 'victim.appspot.com'],
  ['evil.alice.workers.dev', 'blog.bob.workers.dev'],
  ['evil.fly.dev', 'victim.fly.dev'],
  ['evil.onrender.com', 'victim.onrender.com'],
  ['evil.github.io', 'victim.github.io'],
  ['evil.gitlab.io', 'victim.gitlab.io'],
  ['evil-bucket.s3.amazonaws.com', 'victim-bucket.s3.amazonaws.com'],
  ['evil.s3.eu-west-1.amazonaws.com', 'victim.s3.eu-west-1.amazonaws.com'],
  ['evil.blogspot.com', 'victim.blogspot.com'],
  ['evil.netlify.app', 'victim.netlify.app'],
  ['evil.vercel.app', 'victim.vercel.app'],
  ['evil.herokuapp.com', 'victim.herokuapp.com'],
  ['evil.pages.dev', 'victim.pages.dev'],
  // A suffix itself is not a tenant's site either.
  ['github.io', 'victim.github.io'],
  ['s3.amazonaws.com', 'victim.s3.amazonaws.com'],
  ['azurewebsites.net', 'victim.azurewebsites.net'],
  // ICANN suffixes, one and two levels, and a city suffix in Japan.
  ['alice.co.uk', 'bob.co.uk'],
  ['example.com', 'example.net'],
  ['example.co.jp', 'example.ne.jp'],
  ['a.b.kawasaki.jp', 'c.b.kawasaki.jp'],
];

// One registrable domain: any subdomain may name any other.
const SAME_SITE: Array<[string, string, string]> = [
  ['m.example.com', 'example.com', 'example.com'],
  ['a.b.example.com', 'www.example.com', 'example.com'],
  ['news.bbc.co.uk', 'www.bbc.co.uk', 'bbc.co.uk'],
  ['www.abc.net.au', 'abc.net.au', 'abc.net.au'],
  ['www.example.co.jp', 'example.co.jp', 'example.co.jp'],
  ['www.alice.github.io', 'alice.github.io', 'alice.github.io'],
  ['docs.victim.azurewebsites.net', 'victim.azurewebsites.net', 'victim.azurewebsites.net'],
  ['Example.COM.', 'www.example.com', 'example.com'],
  // IDN: browsers hand over hostnames in punycode; the suffix list knows those too.
  ['www.xn--e1afmkfd.xn--p1ai', 'xn--e1afmkfd.xn--p1ai', 'xn--e1afmkfd.xn--p1ai'], // пример.рф
  ['m.xn--bcher-kva.de', 'www.xn--bcher-kva.de', 'xn--bcher-kva.de'], // bücher.de
];

describe('tenants of a public suffix are different sites', () => {
  test.each(TENANTS)('%s ≠ %s', (a, b) => {
    expect(isSameSite(a, b)).toBe(false);
    expect(isSameSite(b, a)).toBe(false);
  });
});

describe('subdomains of one registrable domain are one site', () => {
  test.each(SAME_SITE)('%s = %s (%s)', (a, b, site) => {
    expect(siteOf(a)).toBe(site);
    expect(siteOf(b)).toBe(site);
    expect(isSameSite(a, b)).toBe(true);
  });
});

describe('addresses with no registrable domain are their own site, exactly', () => {
  test.each([
    ['127.0.0.1', '127.0.0.1'],
    ['10.0.0.1', '10.0.0.1'],
    ['[::1]', '[::1]'],
    ['[2001:db8::1]', '[2001:db8::1]'],
    ['localhost', 'localhost'],
    ['LOCALHOST.', 'localhost'],
    ['intranet', 'intranet'],
  ])('%s is %s', (host, site) => {
    expect(siteOf(host)).toBe(site);
  });

  test.each([
    ['127.0.0.1', '127.0.0.2'],
    ['192.168.1.10', '192.168.1.11'],
    ['[::1]', '[::2]'],
    ['localhost', 'app.localhost'],
    ['intranet', 'wiki'],
    ['127.0.0.1', 'localhost'],
  ])('%s ≠ %s', (a, b) => {
    expect(isSameSite(a, b)).toBe(false);
  });
});
