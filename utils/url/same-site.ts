/**
 * "Same site" for deciding whether a page may name another URL as its canonical
 * address. A small stand-in for the Public Suffix List (which is ~250 KB): it knows
 * two-level country suffixes (`co.uk`, `com.au`) and the blog and hosting platforms
 * where each subdomain is a different author. Unknown cases err towards "different
 * site", which only means a canonical link is not followed.
 */

// Platforms whose subdomains belong to different people: `alice.substack.com` must
// not be able to claim `bob.substack.com`'s post.
const SHARED_HOSTS: readonly string[] = [
  'github.io', 'gitlab.io', 'substack.com', 'medium.com', 'wordpress.com', 'blogspot.com',
  'tumblr.com', 'ghost.io', 'hashnode.dev', 'bearblog.dev', 'micro.blog', 'netlify.app',
  'vercel.app', 'pages.dev', 'web.app', 'firebaseapp.com', 'herokuapp.com', 'glitch.me',
  'neocities.org', 'wixsite.com', 'weebly.com', 'notion.site',
];

// Second-level labels under a two-letter country code that are suffixes, not names:
// `bbc.co.uk`, `abc.net.au`, `asahi.co.jp`, `gov.br`.
const COUNTRY_SECOND_LEVEL: ReadonlySet<string> = new Set([
  'co', 'com', 'net', 'org', 'gov', 'edu', 'ac', 'ne', 'or', 'go', 'gob', 'nic', 'ltd', 'plc', 'sch', 'mil',
]);

/**
 * The registrable part of a host: `news.bbc.co.uk` → `bbc.co.uk`,
 * `alice.substack.com` → `alice.substack.com`, `blog.example.com` → `example.com`.
 * IP addresses and single-label hosts are their own site.
 */
export function siteOf(host: string): string {
  const h = host.toLowerCase().replace(/\.$/, '');
  if (/^[\d.]+$/.test(h) || h.startsWith('[')) return h;
  for (const shared of SHARED_HOSTS) {
    if (h === shared) return h;
    if (h.endsWith(`.${shared}`)) {
      const owner = h.slice(0, -shared.length - 1).split('.').pop();
      return `${owner}.${shared}`;
    }
  }
  const labels = h.split('.');
  const n = labels.length;
  if (n <= 2) return h;
  const tld = labels[n - 1] ?? '';
  const second = labels[n - 2] ?? '';
  const keep = tld.length === 2 && COUNTRY_SECOND_LEVEL.has(second) ? 3 : 2;
  return labels.slice(-keep).join('.');
}

/** Whether two hosts belong to the same site (see `siteOf`). */
export function isSameSite(hostA: string, hostB: string): boolean {
  return siteOf(hostA) === siteOf(hostB);
}
