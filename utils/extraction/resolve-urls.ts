/**
 * Makes every URL in the article absolute, so links and images work wherever
 * the reader view renders it. In-page anchors (footnotes, tables of contents)
 * become bare `#fragment`s so they scroll the reader instead of reloading the page.
 */
import { absoluteUrl, byTag, descendants } from './dom-helpers';
import { parseSrcset, serializeSrcset } from '../html/srcset';

/** URL-valued attributes, by element. */
const URL_ATTRIBUTES: Record<string, readonly string[]> = {
  A: ['href'],
  AREA: ['href'],
  IMG: ['src', 'srcset'],
  SOURCE: ['src', 'srcset'],
  VIDEO: ['src', 'poster'],
  AUDIO: ['src'],
  TRACK: ['src'],
  BLOCKQUOTE: ['cite'],
  Q: ['cite'],
  DEL: ['cite'],
  INS: ['cite'],
};

/**
 * The base URL the page's relative links are written against: its `<base href>`
 * (itself resolved against the page URL) or the page URL.
 */
export function documentBaseUrl(doc: Document, pageUrl: string): string {
  const href = byTag(doc, 'base')
    .find((base) => base.hasAttribute('href'))
    ?.getAttribute('href');
  return (href && absoluteUrl(href, pageUrl)) || pageUrl;
}

/** `url` without its fragment, for "is this link to the page itself?" tests. */
function withoutHash(url: string): string {
  const i = url.indexOf('#');
  return i === -1 ? url : url.slice(0, i);
}

/**
 * Rewrites `href`, `src`, `srcset`, `poster` and `cite` under `root` to absolute URLs.
 * @param baseUrl - what relative URLs are resolved against (see documentBaseUrl).
 * @param pageUrl - the page's own URL; links to a fragment of it become `#fragment`.
 */
export function resolveUrls(root: Element, baseUrl: string, pageUrl: string): void {
  const page = withoutHash(absoluteUrl(pageUrl, pageUrl) ?? pageUrl);
  for (const el of descendants(root)) {
    const attributes = URL_ATTRIBUTES[el.tagName];
    if (!attributes) continue;
    for (const attribute of attributes) {
      const raw = el.getAttribute(attribute);
      if (raw === null) continue;
      if (attribute === 'srcset') {
        const candidates = parseSrcset(raw).map((c) => ({ ...c, url: absoluteUrl(c.url, baseUrl) ?? c.url }));
        el.setAttribute('srcset', serializeSrcset(candidates));
        continue;
      }
      const value = raw.trim();
      if (attribute === 'href' && value.startsWith('#')) continue;
      // Unresolvable values are left for the sanitizer to drop.
      const resolved = absoluteUrl(value, baseUrl);
      if (!resolved) continue;
      if (attribute === 'href' && resolved.includes('#') && withoutHash(resolved) === page) {
        el.setAttribute('href', resolved.slice(resolved.indexOf('#')));
      } else if (resolved !== raw) {
        el.setAttribute(attribute, resolved);
      }
    }
  }
}
