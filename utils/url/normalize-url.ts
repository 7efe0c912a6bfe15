/**
 * The key an article is stored under: one string for every address a reader may
 * arrive at the same post by, so a revisit finds its highlights. The key is a
 * working URL (the library can show and open it), but it is a key first: the
 * article record keeps the address the page was actually read at.
 *
 * Rules, in order, and why:
 * - AMP cache URLs (Google, Bing) become the publisher's URL they wrap.
 * - `http:` becomes `https:` when no port is given: sites that serve both serve the
 *   same post, and a bookmark from 2015 should find highlights made today. With an
 *   explicit port (a dev server) the scheme is kept.
 * - User name and password are dropped; host is lowercased (the URL parser does it),
 *   a trailing dot is dropped, and so is a leading `www.`: `www.example.com` and
 *   `example.com` serving different articles at the same path is unheard of, and sites
 *   link both forms. Other subdomains (`m.`, `amp.`, `blog.`) are kept: they can be
 *   different sites, and the page's canonical link (see `article-url.ts`) joins the
 *   ones that are not. Default ports are dropped (the parser does it).
 * - Path: escapes of unreserved characters are decoded (`%7E` → `~`), other escapes
 *   upper-cased; a trailing `/amp` segment (the AMP variant of `/post`) is dropped;
 *   trailing slashes are dropped (`/post/` = `/post`; WordPress links both).
 * - Query: tracking and AMP parameters are dropped (`tracking-params.ts`); the rest
 *   (`?p=42`, `?id=123`, `?v=…`) are meaningful and kept, sorted by name so their
 *   order does not matter, and re-encoded one way.
 * - Fragment: dropped (`#comments`, `#:~:text=` scroll targets), except a hash route
 *   (`#/post/1`, `#!/post/1`) in a single-page app, where it names the page.
 * - Other schemes (`file:`, `about:`) only lose their fragment.
 */
import { unwrapAmpCache } from './amp-cache';
import { isTrackingParam } from './tracking-params';

// RFC 3986 §2.3: escaping these changes nothing, so both spellings are the same URL.
const UNRESERVED = /[A-Za-z0-9\-._~]/;

/**
 * The key for the page at `raw`; equal for addresses that show the same article.
 * @param raw - an absolute URL
 * @throws TypeError if `raw` is not an absolute URL (as `new URL` does)
 */
export function normalizeUrl(raw: string): string {
  let url = new URL(raw.trim());
  url = unwrapAmpCache(url) ?? url;
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    url.hash = '';
    return url.href;
  }
  if (url.protocol === 'http:' && url.port === '') url.protocol = 'https:';
  url.username = '';
  url.password = '';
  url.hostname = normalizeHost(url.hostname);
  url.pathname = normalizePath(url.pathname);
  url.search = normalizeQuery(url);
  url.hash = isHashRoute(url.hash) ? url.hash : '';
  return url.href;
}

function normalizeHost(host: string): string {
  const h = host.endsWith('.') ? host.slice(0, -1) : host;
  // Only strip when a registrable name is left (`www.example.com`, not `www.com`).
  return h.startsWith('www.') && h.indexOf('.', 4) > 0 ? h.slice(4) : h;
}

function normalizePath(path: string): string {
  let p = path.replace(/%([0-9A-Fa-f]{2})/g, (encoded, hex: string) => {
    const ch = String.fromCharCode(Number.parseInt(hex, 16));
    return UNRESERVED.test(ch) ? ch : encoded.toUpperCase();
  });
  p = p.replace(/\/+$/, '');
  // `/2024/05/post/amp` is the AMP copy of `/2024/05/post`; a bare `/amp` is a page of its own.
  if (/\/[^/]+\/amp$/.test(p)) p = p.slice(0, -'/amp'.length);
  return p === '' ? '/' : p;
}

function normalizeQuery(url: URL): string {
  const kept = [...url.searchParams].filter(([name, value]) => !isTrackingParam(name, value, url));
  // Array sort is stable: repeated names (`?tag=a&tag=b`) keep their relative order,
  // which can matter to the server.
  kept.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return kept.length === 0 ? '' : `?${new URLSearchParams(kept).toString()}`;
}

// A single-page-app route (`#/…`, `#!…`) rather than a scroll target.
function isHashRoute(hash: string): boolean {
  return hash.startsWith('#/') || hash.startsWith('#!');
}
