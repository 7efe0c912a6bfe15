/**
 * The words a record is found by, stored in each table's multiEntry `words` index
 * and recomputed on every write, and the terms a search query is split into.
 * Both go through `tokenize`, so a query term and an indexed word agree on case,
 * accents and punctuation.
 *
 * Words are lower-cased, accent-folded (`Café` → `cafe`), apostrophes inside words
 * dropped (`don't` → `dont`), and split on anything that is not a letter or digit.
 * Scripts written without spaces (Chinese, Japanese, Thai) come out as one word per
 * run of text, found by the run's beginning only: a known limit of this index.
 */

/** Longer words are cut to this length: prefix search still finds them, the index stays small. */
const MAX_WORD_LENGTH = 32;
/** Distinct words kept from one record; an article body rarely has more than ~8,000. */
const MAX_WORDS = 20_000;

/**
 * The distinct search words in some texts, in first-seen order.
 * @param texts - texts of one record; null and undefined are skipped
 */
export function tokenize(...texts: Array<string | null | undefined>): string[] {
  const words = new Set<string>();
  for (const text of texts) {
    if (!text) continue;
    const folded = text
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/(?<=[\p{L}\p{N}])['’](?=[\p{L}\p{N}])/gu, '');
    for (const match of folded.matchAll(/[\p{L}\p{N}]+/gu)) {
      words.add(match[0].slice(0, MAX_WORD_LENGTH));
      if (words.size >= MAX_WORDS) return [...words];
    }
  }
  return [...words];
}

/** Search words of a highlight: its quote, note and tags. */
export function highlightWords(h: { quote: string; note: string; tags: readonly string[] }): string[] {
  return tokenize(h.quote, h.note, ...h.tags);
}

/**
 * Keys of a highlight's `tagWords` index: each of its tags paired with each of its
 * search words. A word searched within a tag is then one small index range (the
 * highlights with both) instead of two large key sets to intersect: a word in 1% of
 * highlights and a tag on 5% cost ~5,000 keys, ~0.1 s, where their pair holds ~50.
 * Grows as tags × words; tags are few, and only a highlight with a tag has any.
 */
export function tagWords(tags: readonly string[], words: readonly string[]): string[] {
  return tags.flatMap((tag) => words.map((word) => pairKey(tag, word)));
}

/**
 * Keys of a highlight's `siteWords` index (schema v5): its article's host paired with
 * each of its search words. A word on a site is then one small range, where the
 * site's own highlights (a fifth of a library, for the site read most) are too many
 * keys to read and each would be a record read to check (`site-words.ts` keeps it).
 */
export function siteWords(host: string, words: readonly string[]): string[] {
  const site = siteKey(host);
  return words.map((word) => pairKey(site, word));
}

/**
 * A host as `siteWords` keys name it: a 32-bit hash (FNV-1a) in base 36, at most
 * 7 characters where a host is often 15 to 25. Every highlight carries a pair per
 * word, so this is most of their size, in each record and in the index. Two hosts
 * that share a hash only share index ranges: search still checks each record's site.
 */
export function siteKey(host: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < host.length; i++) hash = Math.imul(hash ^ host.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(36);
}

/**
 * A `tagWords` or `siteWords` key, or the start of the keys of words a term begins:
 * the separator sorts before every character of a word.
 */
export function pairKey(scope: string, word: string): string {
  return `${scope}\u0000${word}`;
}

/**
 * A highlight's derived search fields (`words`, `tagWords`), as every write stores
 * them: empty on a tombstone, which must not cost search time.
 */
export function highlightSearchFields(h: {
  quote: string;
  note: string;
  tags: readonly string[];
  deletedAt: number | null;
}): { words: string[]; tagWords: string[] } {
  if (h.deletedAt !== null) return { words: [], tagWords: [] };
  const words = highlightWords(h);
  return { words, tagWords: tagWords(h.tags, words) };
}

/** Search words of an article's metadata: title, author and publication. */
export function articleWords(a: { title: string; author: string | null; site: string | null }): string[] {
  return tokenize(a.title, a.author, a.site);
}

/**
 * The terms of a search query. Every term must match (AND); each matches words it
 * begins (`clos` finds `closure`), except a one-character term, which must be a whole
 * word: as a prefix it would match most of the library.
 */
export function queryTerms(query: string): string[] {
  return tokenize(query);
}

/** Whether a record's `words` match every query term (the rule `queryTerms` states). */
export function matchesTerms(words: readonly string[], terms: readonly string[]): boolean {
  return terms.every((t) => (t.length === 1 ? words.includes(t) : words.some((w) => w.startsWith(t))));
}
