/**
 * The extraction pipeline: our preparation of the page, Readability, our
 * clean-up of its result, then sanitization. Pure DOM code with no extension
 * APIs, so the content script and the Node CLI run exactly the same steps.
 */
import { Readability } from '@mozilla/readability';
import type { WindowLike } from 'dompurify';
import { sanitizeArticleElement } from '../sanitize/sanitize-html';
import type { ExtractedArticle, ExtractOptions } from './article';
import { isArticle, measureArticle } from './article-gate';
import { removeAuthorAvatars } from './author-avatars';
import { blockText } from './block-text';
import { removeArticleChrome } from './chrome-removal';
import { prepareCodeBlocks } from './code-blocks';
import { byTag, isElement, normalizedText } from './dom-helpers';
import { EMBED_URL_PATTERN, embedsToLinks, prepareEmbeds } from './embeds';
import { normalizeFigures, removeEmptyFigures } from './figures';
import { tidyImageWrappers } from './image-wrappers';
import { fixLazyImages } from './lazy-images';
import { findFirstLargeImage } from './lead-image';
import { mergeMetadata, readArticleMetadata, truncate } from './metadata';
import { prunePage } from './prune-page';
import { readingMinutes } from './reading-time';
import { documentBaseUrl, resolveUrls } from './resolve-urls';

export interface ExtractArticleOptions extends ExtractOptions {
  /** Diagnostics: called for each element removed as page chrome, with the rule's name. */
  onChromeRemoved?: (el: Element, rule: string) => void;
  /**
   * The window whose DOM implementation sanitizes the result: the page's
   * `window` in the browser (a `document.cloneNode(true)` has no
   * `defaultView`), a jsdom window in Node.
   */
  window: Window & typeof globalThis;
}

/** Text of the first paragraph that reads like prose, for the excerpt fallback. */
function firstParagraph(body: Element): string | null {
  for (const p of byTag(body, 'p')) {
    const text = normalizedText(p);
    if (text.length >= 80) return truncate(text, 300);
  }
  return null;
}

/**
 * Extracts the readable article of a page.
 * @param doc - a disposable copy of the page (`document.cloneNode(true)`); it is mutated.
 * @param options - the page URL (links and images are resolved against it) and the window to sanitize with.
 * @return null when the page has no article (search pages, app shells, tiny pages).
 * @throws when the DOM cannot be sanitized (see sanitize-html.ts); the corpus tests check that
 *   real pages, however broken their markup, never make it throw otherwise.
 */
export function extractArticle(doc: Document, options: ExtractArticleOptions): ExtractedArticle | null {
  const pageUrl = options.url;
  const baseUrl = documentBaseUrl(doc, pageUrl);
  // Read the untouched page: Readability removes scripts (JSON-LD) and restructures the DOM.
  const page = readArticleMetadata(doc, baseUrl);
  const documentTitle = doc.title;

  prepareEmbeds(doc, baseUrl);
  prunePage(doc);
  prepareCodeBlocks(doc);
  fixLazyImages(doc);

  const result = new Readability<Node>(doc, {
    // Classes are needed to recognise chrome below; the sanitizer strips them afterwards.
    keepClasses: true,
    // Hand back the element itself instead of serializing it to be parsed again.
    serializer: (node) => node,
    allowedVideoRegex: EMBED_URL_PATTERN,
  }).parse();
  const article = result?.content;
  if (!result || !isElement(article)) return null;

  // Readability's page wrapper id means nothing in the reader.
  for (const wrapper of byTag(article, 'div')) if (/^readability-page-\d+$/.test(wrapper.id)) wrapper.removeAttribute('id');
  const metadata = mergeMetadata(result, page, documentTitle);
  removeArticleChrome(article, { byline: metadata.byline, title: metadata.title, pageUrl, onRemove: options.onChromeRemoved });
  removeAuthorAvatars(article, metadata.byline);
  tidyImageWrappers(article);
  embedsToLinks(article, baseUrl);
  normalizeFigures(article);
  removeEmptyFigures(article);
  resolveUrls(article, baseUrl, pageUrl);

  const { html, body } = sanitizeArticleElement(article, options.window as unknown as WindowLike);
  const text = blockText(body);
  if (!isArticle(measureArticle(body))) return null;

  return {
    title: metadata.title,
    byline: metadata.byline,
    siteName: metadata.siteName,
    published: metadata.published,
    lang: metadata.lang,
    readingMinutes: readingMinutes(text),
    excerpt: metadata.excerpt ?? firstParagraph(body),
    leadImage: page.declaredImage ?? findFirstLargeImage(body, baseUrl),
    url: pageUrl,
    html,
    text,
  };
}
