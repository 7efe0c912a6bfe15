/**
 * "Same site" for deciding whether a page may name another URL as its canonical
 * address: the same registrable domain by the Public Suffix List (`tldts`), with its
 * private section on. That section is where hosting platforms list the domains whose
 * subdomains belong to different people (`azurewebsites.net`, `github.io`,
 * `s3.amazonaws.com`, `workers.dev`…): `evil.azurewebsites.net` is then a site of its
 * own and cannot claim `victim.azurewebsites.net`'s post, and its highlights.
 *
 * The list is the authority; a platform it does not name (at the version of `tldts`
 * installed: `tumblr.com`, `substack.com`, `neocities.org`…) is one site with its
 * subdomains, as its cookies are, so `mayClaimCanonical` also keeps sibling subdomains apart. Addresses with no
 * registrable domain (IP addresses, `localhost`, single-label intranet names, a
 * suffix itself such as `github.io`) are their own site, host for host.
 */
import { parse } from 'tldts';

const PSL = { allowPrivateDomains: true } as const;

/**
 * The registrable part of a host: `news.bbc.co.uk` → `bbc.co.uk`,
 * `blog.example.com` → `example.com`, `www.alice.github.io` → `alice.github.io`.
 * @param host - a URL's `hostname` (punycode, as browsers give it; IPv6 in brackets)
 * @return the host itself (lower case, no trailing dot) when it has no registrable
 *   domain: an IP address, `localhost`, a single label, a public suffix
 */
export function siteOf(host: string): string {
  const h = host.toLowerCase().replace(/\.$/, '');
  const parsed = parse(h, PSL);
  if (parsed.isIp) return h;
  return parsed.domain ?? h;
}

/** Whether two hosts belong to the same site (see `siteOf`). */
export function isSameSite(hostA: string, hostB: string): boolean {
  return siteOf(hostA) === siteOf(hostB);
}

// Labels that name another rendering of the same site, not another part of it.
const EDITION_LABEL = /^(?:www\d*|m|mobile|amp)\./;

/**
 * Whether a page may name the other host as its canonical address: the same site, and
 * either the same host once a `www.`/`m.`/`amp.` label is set aside (`m.example.com` →
 * `www.example.com`), or the page is on the site itself, which owns its subdomains. A
 * named subdomain may claim neither a sibling (`alice.tumblr.com` → `bob.tumblr.com`) nor
 * the site itself (`evil.medium.com` → `medium.com/@victim/post`): on a platform the list
 * does not name those are other people. The cost: `news.bbc.co.uk` → `www.bbc.co.uk`
 * files under the page's own address.
 */
export function mayClaimCanonical(pageHost: string, canonicalHost: string): boolean {
  if (!isSameSite(pageHost, canonicalHost)) return false;
  const site = siteOf(pageHost);
  const bare = (h: string) => h.toLowerCase().replace(/\.$/, '').replace(EDITION_LABEL, '');
  const a = bare(pageHost);
  const b = bare(canonicalHost);
  return a === b || a === site;
}
