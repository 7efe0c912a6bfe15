/**
 * The page's schema.org JSON-LD, reduced to the article node. News and blog
 * CMSs state their author, dates and image there more reliably than in markup.
 */

import { byTag } from './dom-helpers';

/** Loosely typed JSON-LD node; only the fields we read. */
export type JsonLdNode = Record<string, unknown>;

const ARTICLE_TYPE = /Article|BlogPosting|Report|Posting|WebPage|Recipe|Review|ScholarlyArticle/;

function typesOf(node: JsonLdNode): string[] {
  const type = node['@type'];
  return (Array.isArray(type) ? type : [type]).filter((t): t is string => typeof t === 'string');
}

function collectNodes(value: unknown, out: JsonLdNode[]): void {
  if (Array.isArray(value)) {
    for (const v of value) collectNodes(v, out);
  } else if (value && typeof value === 'object') {
    const node = value as JsonLdNode;
    out.push(node);
    if (node['@graph']) collectNodes(node['@graph'], out);
    if (node['mainEntity'] && typeof node['mainEntity'] === 'object') collectNodes(node['mainEntity'], out);
  }
}

/**
 * The most article-like JSON-LD node of `doc` (an `Article` subtype before a
 * plain `WebPage`), or null. Call it before Readability, which removes scripts.
 */
export function findArticleJsonLd(doc: Document): JsonLdNode | null {
  const nodes: JsonLdNode[] = [];
  for (const script of byTag(doc, 'script')) {
    if (script.getAttribute('type')?.trim().toLowerCase() !== 'application/ld+json') continue;
    const raw = (script.textContent ?? '').replace(/^\s*<!\[CDATA\[|\]\]>\s*$/g, '').trim();
    if (!raw) continue;
    try {
      collectNodes(JSON.parse(raw), nodes);
    } catch {
      // Broken JSON-LD is common; the other metadata sources still apply.
    }
  }
  const score = (node: JsonLdNode): number => {
    const types = typesOf(node).join(' ');
    if (!ARTICLE_TYPE.test(types)) return 0;
    return /WebPage/.test(types) && !/Article|Posting/.test(types) ? 1 : 2;
  };
  let best: JsonLdNode | null = null;
  for (const node of nodes) if (score(node) > (best ? score(best) : 0)) best = node;
  return best;
}

/** A string field, or the `name`/`url` of an object field (first of an array). */
export function jsonLdText(value: unknown, key: 'name' | 'url' = 'name'): string | null {
  const first = Array.isArray(value) ? value[0] : value;
  if (typeof first === 'string') return first.trim() || null;
  if (first && typeof first === 'object') {
    const inner = (first as JsonLdNode)[key];
    return typeof inner === 'string' ? inner.trim() || null : null;
  }
  return null;
}

/** All author names of a JSON-LD `author` field, joined with ", ". */
export function jsonLdAuthors(value: unknown): string | null {
  const list = Array.isArray(value) ? value : [value];
  const names = list.map((v) => jsonLdText(v)).filter((n): n is string => !!n && !/^https?:/i.test(n));
  return names.length > 0 ? names.join(', ') : null;
}
