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
 * Every JSON-LD node of `doc` (graphs flattened). Call it before Readability, which removes scripts.
 * @param scripts - the page's `<script>`s when already listed (PageLayout.byName).
 */
export function readJsonLdNodes(doc: Document, scripts: readonly Element[] = byTag(doc, 'script')): JsonLdNode[] {
  const nodes: JsonLdNode[] = [];
  for (const script of scripts) {
    if (script.getAttribute('type')?.trim().toLowerCase() !== 'application/ld+json') continue;
    const raw = (script.textContent ?? '').replace(/^\s*<!\[CDATA\[|\]\]>\s*$/g, '').trim();
    if (!raw) continue;
    try {
      collectNodes(JSON.parse(raw), nodes);
    } catch {
      // Broken JSON-LD is common; the other metadata sources still apply.
    }
  }
  return nodes;
}

/** The most article-like of `nodes` (an `Article` subtype before a plain `WebPage`), or null. */
export function pickArticleNode(nodes: JsonLdNode[]): JsonLdNode | null {
  const score = (node: JsonLdNode): number => {
    const types = typesOf(node).join(' ');
    if (!ARTICLE_TYPE.test(types)) return 0;
    return /WebPage/.test(types) && !/Article|Posting/.test(types) ? 1 : 2;
  };
  let best: JsonLdNode | null = null;
  for (const node of nodes) if (score(node) > (best ? score(best) : 0)) best = node;
  return best;
}

/**
 * The most article-like JSON-LD node of `doc`, or null. Call it before
 * Readability, which removes scripts.
 */
export function findArticleJsonLd(doc: Document): JsonLdNode | null {
  return pickArticleNode(readJsonLdNodes(doc));
}

/** A string field, or the `name`/`url` of an object field (first of an array). */
export function jsonLdText(value: unknown, key: 'name' | 'url' = 'name'): string | null {
  const first = Array.isArray(value) ? value[0] : value;
  if (typeof first === 'string') return first.trim() || null;
  if (first && typeof first === 'object') return jsonLdText((first as JsonLdNode)[key]);
  return null;
}

/** `value`, or the node of `nodes` it points to by `@id` when it is only a reference (Yoast's graphs). */
function resolve(value: unknown, nodes: readonly JsonLdNode[]): unknown {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
  const node = value as JsonLdNode;
  const id = node['@id'];
  if (typeof id !== 'string' || node['name']) return value;
  return nodes.find((n) => n !== node && n['@id'] === id && n['name']) ?? value;
}

/** One author of a JSON-LD `author` field: its name and whether it is an organisation. */
export interface JsonLdAuthor {
  name: string;
  organization: boolean;
}

/**
 * The authors of a JSON-LD `author` field: strings, Person or Organization
 * objects, arrays of either, `@id` references resolved against `nodes`.
 */
export function jsonLdAuthorList(value: unknown, nodes: readonly JsonLdNode[] = []): JsonLdAuthor[] {
  const out: JsonLdAuthor[] = [];
  for (const item of Array.isArray(value) ? value : [value]) {
    const node = resolve(item, nodes);
    const name = jsonLdText(node);
    if (!name || /^https?:/i.test(name)) continue;
    const organization =
      !!node &&
      typeof node === 'object' &&
      typesOf(node as JsonLdNode).some((t) => /Organization|Corporation|NewsMedia/.test(t));
    out.push({ name, organization });
  }
  return out;
}

/** All author names of a JSON-LD `author` field, joined with ", ". */
export function jsonLdAuthors(value: unknown, nodes: readonly JsonLdNode[] = []): string | null {
  const names = jsonLdAuthorList(value, nodes).map((a) => a.name);
  return names.length > 0 ? names.join(', ') : null;
}

/** Names the page's JSON-LD gives the site: its `WebSite` and its publisher. */
export function jsonLdSiteNames(nodes: readonly JsonLdNode[], article: JsonLdNode | null): string[] {
  const names: string[] = [];
  const publisher = jsonLdText(resolve(article?.['publisher'], nodes));
  if (publisher) names.push(publisher);
  for (const node of nodes) {
    if (!typesOf(node).includes('WebSite')) continue;
    const name = jsonLdText(node['name']);
    if (name) names.push(name);
    const alternate = jsonLdText(node['alternateName']);
    if (alternate) names.push(alternate);
  }
  return names;
}
