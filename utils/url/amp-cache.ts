/**
 * AMP caches serve a publisher's page from Google's or Bing's servers under a
 * wrapped URL. The article is the publisher's: unwrapping gives a read from
 * search results the same key as a read on the publisher's site.
 */

// `www.google.com/amp/s/example.com/post` (`s/` = https), also on country domains.
const GOOGLE_VIEWER = /^(?:www\.)?google\.[a-z]{2,3}(?:\.[a-z]{2})?$/;
// `example-com.cdn.ampproject.org/c/s/example.com/post`; `/v/` is the viewer variant.
const CACHE_HOSTS = /\.(?:cdn\.ampproject\.org|bing-amp\.com)$/;

/**
 * The publisher URL inside an AMP cache URL.
 * @param url - any absolute URL
 * @return null if `url` is not an AMP cache URL, or wraps something that is not a URL
 */
export function unwrapAmpCache(url: URL): URL | null {
  const host = url.hostname;
  let rest: string | null = null;
  if (GOOGLE_VIEWER.test(host)) {
    rest = stripPrefix(url.pathname, '/amp/');
  } else if (CACHE_HOSTS.test(host)) {
    rest = stripPrefix(url.pathname, '/c/') ?? stripPrefix(url.pathname, '/v/');
  }
  if (rest === null) return null;

  const secure = rest.startsWith('s/');
  const target = secure ? rest.slice(2) : rest;
  if (!/^[^/]+\.[^/]+/.test(target)) return null; // needs a host with a dot
  try {
    return new URL(`${secure ? 'https' : 'http'}://${target}${url.search}`);
  } catch {
    return null;
  }
}

function stripPrefix(path: string, prefix: string): string | null {
  return path.startsWith(prefix) ? path.slice(prefix.length) : null;
}
