/**
 * The page's `<meta>` tags as a lookup table, read in one pass: metadata
 * rules consult dozens of names, and one selector query per name would walk
 * the whole document each time.
 */
import { byTag } from './dom-helpers';

/** Content of `<meta>` tags keyed by lower-cased `property`, `name`, `itemprop` or `http-equiv`. */
export type MetaTags = Map<string, string>;

/**
 * Collects the first non-empty content for each meta key of `doc`.
 * @param metas - the page's `<meta>`s when already listed (PageLayout.byName).
 */
export function readMetaTags(doc: Document, metas: readonly Element[] = byTag(doc, 'meta')): MetaTags {
  const tags: MetaTags = new Map();
  for (const meta of metas) {
    const content = meta.getAttribute('content')?.trim();
    if (!content) continue;
    for (const attribute of ['property', 'name', 'itemprop', 'http-equiv']) {
      const key = meta.getAttribute(attribute)?.trim().toLowerCase();
      if (key && !tags.has(key)) tags.set(key, content);
    }
  }
  return tags;
}

/** The first of `keys` present in `tags`, or null. */
export function firstMeta(tags: MetaTags, keys: readonly string[]): string | null {
  for (const key of keys) {
    const value = tags.get(key);
    if (value) return value;
  }
  return null;
}
