/**
 * Which URLs may appear in sanitized article HTML. DOMPurify already rejects
 * `javascript:`-style schemes; this is the stricter, positive rule the reader
 * view relies on: only web links and raster images, nothing that runs.
 */

/** Raster images are inert; SVG data URIs can carry script, so they are not allowed. */
const RASTER_DATA_IMAGE = /^data:image\/(?:png|jpe?g|gif|webp|avif|bmp);base64,[a-z0-9+/=\s]+$/i;

export type UrlUse = 'link' | 'media' | 'image';

/**
 * The value to keep for a URL attribute, or null to drop it.
 * @param value - the attribute value, already resolved to absolute form.
 * @param use - 'link' for `href` (also allows `mailto:`, `tel:` and in-page
 *   `#fragments`), 'image' for `<img src>` (also allows raster data: URIs),
 *   'media' for any other resource (`poster`, `<source src>`, `cite`).
 */
export function safeUrl(value: string, use: UrlUse): string | null {
  const trimmed = value.trim();
  if (!trimmed) return null;
  if (use === 'link' && trimmed.startsWith('#')) return trimmed;
  if (use === 'image' && RASTER_DATA_IMAGE.test(trimmed)) return trimmed;
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return null; // relative URLs were resolved before sanitizing; anything left is broken
  }
  const scheme = url.protocol;
  if (scheme === 'http:' || scheme === 'https:') return trimmed;
  if (use === 'link' && (scheme === 'mailto:' || scheme === 'tel:')) return trimmed;
  return null;
}
