/**
 * The article's lead image: the one the page declares for sharing (Open Graph,
 * Twitter card, JSON-LD, `image_src`), else the first large picture of the
 * extracted article. Always an absolute http(s) URL.
 */
import { absoluteUrl, byTag } from './dom-helpers';
import { type JsonLdNode, jsonLdText } from './json-ld';
import { type MetaTags, firstMeta } from './meta-tags';

const META_KEYS = ['og:image:secure_url', 'og:image:url', 'og:image', 'twitter:image', 'twitter:image:src', 'image'];
/** Below this declared width an image is an icon, avatar or tracking pixel. */
const MIN_WIDTH = 300;

function httpUrl(value: string | null | undefined, baseUrl: string): string | null {
  if (!value?.trim() || /^data:/i.test(value.trim())) return null;
  const url = absoluteUrl(value, baseUrl);
  return url && /^https?:/i.test(url) ? url : null;
}

/**
 * The image the page declares as its preview. Read before Readability, which
 * removes `<script>` (JSON-LD) from the document.
 */
export function findDeclaredImage(
  doc: Document,
  jsonLd: JsonLdNode | null,
  meta: MetaTags,
  baseUrl: string,
): string | null {
  const fromMeta = httpUrl(firstMeta(meta, META_KEYS), baseUrl);
  if (fromMeta) return fromMeta;
  const fromJsonLd = httpUrl(jsonLdText(jsonLd?.['image'], 'url'), baseUrl);
  if (fromJsonLd) return fromJsonLd;
  const imageSrc = byTag(doc, 'link').find((link) => link.getAttribute('rel')?.toLowerCase() === 'image_src');
  return httpUrl(imageSrc?.getAttribute('href'), baseUrl);
}

/** The first image of the article that is not declared smaller than MIN_WIDTH px. */
export function findFirstLargeImage(article: Element, baseUrl: string): string | null {
  for (const img of byTag(article, 'img')) {
    const width = Number(img.getAttribute('width'));
    if (width > 0 && width < MIN_WIDTH) continue;
    const url = httpUrl(img.getAttribute('src'), baseUrl);
    if (url) return url;
  }
  return null;
}
