/**
 * Articles: saving one when the user first highlights or saves it, finding it again
 * on a revisit by URL, and its offline copy.
 */
import type { ExtractionFallback } from '@/utils/extraction/article';
import { articleUrlKeys } from '@/utils/url/article-url';
import { withDerivedFields } from './derived-fields';
import type { MarginDb } from './margin-db';
import { readingDefaults, readingMinutesOf } from './reading-fields';
import { newRecordStamps, touchStamps } from './record-stamps';
import type { ArticleBodyRecord, ArticleRecord } from './schema';
import { writeTransaction } from './write-transaction';

/** What a page tells about its article; the reader's `ExtractedArticle` supplies most of it. */
export interface ArticleInput {
  /** The address the page is open at. */
  pageUrl: string;
  /** `href` of the page's canonical link, if it has one (trusted or not is decided here). */
  canonicalUrl?: string | null;
  title: string;
  author?: string | null;
  site?: string | null;
  published?: string | null;
  lang?: string | null;
  /** An offline copy to save with it (sanitized HTML and its text); omitted keeps any earlier copy. */
  body?: SavedBody;
}

/** What an offline copy is saved from: the reader's sanitized HTML, its text, and why it is Readability's own result when it is. */
export interface SavedBody {
  html: string;
  text: string;
  fallback?: ExtractionFallback | null;
}

/**
 * Saves an article: updates the one already filed under the page's URL keys, or
 * creates it. Metadata the page no longer gives (a byline a re-extraction missed)
 * keeps its stored value. The article and its offline copy are written together.
 * @return the article as stored
 * @throws TypeError if `pageUrl` is not an absolute URL
 * @throws StorageFullError if storage is full; nothing was written
 */
export async function upsertArticle(db: MarginDb, input: ArticleInput): Promise<ArticleRecord> {
  const keys = articleUrlKeys(input.pageUrl, input.canonicalUrl);
  const [url] = keys as [string, ...string[]];
  return writeTransaction(db, [db.articles, db.articleBodies], async () => {
    const existing = await findLive(db, keys);
    const now = db.now();
    const fields = {
      url,
      pageUrl: input.pageUrl,
      canonicalUrl: canonicalHref(input),
      title: input.title.trim() || existing?.title || input.pageUrl,
      author: input.author ?? existing?.author ?? null,
      site: input.site ?? existing?.site ?? null,
      published: input.published ?? existing?.published ?? null,
      lang: input.lang ?? existing?.lang ?? null,
      savedAt: input.body ? now : (existing?.savedAt ?? null),
      // A new copy's text is the article as it reads now; without one, the last estimate stands.
      readingMinutes: input.body ? readingMinutesOf(input.body.text) : (existing?.readingMinutes ?? null),
    };
    const article = withDerivedFields(
      'articles',
      existing
        ? { ...existing, ...fields, urls: [...new Set([...keys, ...existing.urls])], ...touchStamps(db, existing) }
        : { ...newRecordStamps(db), ...readingDefaults(), ...fields, urls: keys },
    );
    await db.articles.put(article);
    if (input.body) await saveBody(db, article.id, input.body);
    return article;
  });
}

/**
 * The article a page at this address was filed under, if any: looked up by the
 * trusted canonical key and by the page's own key, so a page that gained or lost a
 * canonical link since still finds it.
 * @param url - the page's address (any form: tracking parameters, `www.`, AMP, …)
 * @param canonicalHref - the page's canonical link `href`, when known
 * @return null if no live article is filed under these keys
 */
export async function findArticleByUrl(
  db: MarginDb,
  url: string,
  canonicalHref?: string | null,
): Promise<ArticleRecord | null> {
  let keys: string[];
  try {
    keys = articleUrlKeys(url, canonicalHref);
  } catch {
    return null; // not a URL: nothing can be filed under it
  }
  return db.transaction('r', db.articles, () => findLive(db, keys));
}

/** @return null if there is no live article with this id */
export async function getArticle(db: MarginDb, id: string): Promise<ArticleRecord | null> {
  const article = await db.articles.get(id);
  return article && article.deletedAt === null ? article : null;
}

/** @return null if the article has no saved offline copy */
export async function getSavedCopy(db: MarginDb, articleId: string): Promise<ArticleBodyRecord | null> {
  const body = await db.articleBodies.get(articleId);
  return body && body.deletedAt === null ? body : null;
}

async function findLive(db: MarginDb, keys: string[]): Promise<ArticleRecord | null> {
  const found = (await db.articles.where('urls').anyOf(keys).distinct().toArray()).filter((a) => a.deletedAt === null);
  // An article filed under the preferred key wins; then the oldest, which every
  // browser agrees on when a sync has brought in a duplicate.
  found.sort((a, b) => Number(b.url === keys[0]) - Number(a.url === keys[0]) || a.createdAt - b.createdAt);
  return found[0] ?? null;
}

async function saveBody(db: MarginDb, articleId: string, body: SavedBody): Promise<void> {
  const previous = await db.articleBodies.get(articleId);
  const record = withDerivedFields('articleBodies', {
    ...(previous
      ? { ...previous, deletedAt: null, ...touchStamps(db, previous) }
      : { ...newRecordStamps(db), id: articleId }),
    html: body.html,
    text: body.text,
    // A new copy replaces the old one's note too: null when this extraction needed no fallback.
    fallback: body.fallback ?? null,
  });
  await db.articleBodies.put(record);
}

function canonicalHref(input: ArticleInput): string | null {
  if (!input.canonicalUrl?.trim()) return null;
  try {
    return new URL(input.canonicalUrl.trim(), input.pageUrl).href;
  } catch {
    return null;
  }
}
