/**
 * Article extraction for the reader view and the `npm run extract` CLI.
 * Browser-safe: nothing here imports jsdom (Node callers build their document
 * with `./node-dom`, imported directly).
 */
export type { ExtractedArticle, ExtractOptions } from './article';
export { extractArticle, type ExtractArticleOptions } from './extract-article';
export { copyPageForExtraction } from './page-copy';
export { readingMinutes } from './reading-time';
