/**
 * Margin's data layer: the IndexedDB schema and the repository functions that are
 * the only way the rest of the extension reads and writes it. Pure TypeScript over
 * Dexie; runs in the background and, with fake-indexeddb, in Node tests.
 */
export { createMarginDb, DEFAULT_DB_NAME, MarginDb, type MarginDbOptions } from './margin-db';
export * from './schema';
export { findArticleByUrl, getArticle, getSavedCopy, upsertArticle, type ArticleInput } from './articles';
export {
  addHighlight,
  deleteHighlight,
  getHighlight,
  listHighlights,
  restoreHighlight,
  updateHighlight,
  type HighlightPatch,
  type NewHighlight,
} from './highlights';
export { getPageNote, setPageNote } from './page-notes';
export { countUnreadArticles, listedArticles } from './listed-articles';
export { readingDefaults, type ReadingFields } from './reading-fields';
export { listTags, normalizeTagName, setTagColour } from './tags';
export { searchLibrary, type LibraryFilters, type LibraryHit, type LibraryHitKind } from './search-library';
export { isQuotaError, StorageFullError } from './storage-full-error';
