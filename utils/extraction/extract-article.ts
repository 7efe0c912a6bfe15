/**
 * The extraction pipeline: our preparation of the page, Readability, our
 * clean-up of its result, then sanitization. Pure DOM code with no extension
 * APIs, so the content script and the Node CLI run exactly the same steps.
 */
import { Readability } from '@mozilla/readability';
import type { WindowLike } from 'dompurify';
import { sanitizeArticleElement } from '../sanitize/sanitize-html';
import type { ExtractedArticle, ExtractionFallback, ExtractOptions } from './article';
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
import { revealNoscriptProse } from './noscript-prose';
import { removeOrphanHeadings } from './orphan-headings';
import { removeRepeatedMedia } from './repeated-media';
import { prunePage } from './prune-page';
import { readingMinutes } from './reading-time';
import { documentBaseUrl, resolveUrls } from './resolve-urls';

export interface ExtractArticleOptions extends ExtractOptions {
  /** Diagnostics: called for each element about to be removed as page chrome, with the rule's name; `false` keeps it (bench/extract-ablation.ts). */
  onChromeRemoved?: (el: Element, rule: string) => boolean | void;
  /** Diagnostics: called when a chrome rule matched an element holding much of the prose, which was kept. */
  onChromeOverruled?: (el: Element, rule: string) => void;
  /**
   * The window whose DOM implementation sanitizes the result: the page's
   * `window` in the browser (a `document.cloneNode(true)` has no
   * `defaultView`), a jsdom window in Node.
   */
  window: Window & typeof globalThis;
}

/**
 * Below this share of the text Readability found, Margin's clean-up has cut
 * the article rather than its chrome, and Readability's own result is shown.
 */
export const MIN_SHARE_OF_READABILITY = 0.5;

/** Length of `text` with whitespace runs counted once: how much there is to read. */
const textChars = (text: string): number => text.replace(/\s+/g, ' ').trim().length;

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

  revealNoscriptProse(doc);
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
  for (const wrapper of byTag(article, 'div'))
    if (/^readability-page-\d+$/.test(wrapper.id)) wrapper.removeAttribute('id');
  const metadata = mergeMetadata(result, page, documentTitle);
  // Readability's own result, kept to fall back on if the clean-up below cuts the article: as
  // markup, parsed again only when it is needed (serializing costs a tenth of a deep clone on jsdom).
  const readabilityChars = textChars(normalizedText(article));
  const readabilityMarkup = article.outerHTML;
  removeArticleChrome(article, {
    byline: metadata.byline,
    title: metadata.title,
    pageUrl,
    onRemove: options.onChromeRemoved,
    onOverruled: options.onChromeOverruled,
  });
  removeAuthorAvatars(article, metadata.byline);
  removeRepeatedMedia(article);
  removeOrphanHeadings(article);
  let body = finishArticle(article, baseUrl, pageUrl, options.window);
  let fallback: ExtractionFallback | undefined;
  const ourChars = textChars(body.text);
  const accepted = isArticle(measureArticle(body.element));
  if (!accepted || ourChars < MIN_SHARE_OF_READABILITY * readabilityChars) {
    // Compare like with like: Readability's result through the same steps, minus the clean-up.
    const holder = doc.createElement('div');
    holder.innerHTML = readabilityMarkup;
    const readabilityArticle = holder.firstElementChild!;
    const plain = finishArticle(readabilityArticle, baseUrl, pageUrl, options.window);
    const plainChars = textChars(plain.text);
    const cut = ourChars < MIN_SHARE_OF_READABILITY * plainChars;
    if ((cut || !accepted) && isArticle(measureArticle(plain.element))) {
      const reason = cut
        ? `clean-up left ${ourChars} of the ${plainChars} characters Readability found`
        : `the cleaned-up article (${ourChars} characters) is not an article; Readability's (${plainChars}) is`;
      fallback = { reason, ourChars, readabilityChars: plainChars };
      body = plain;
    } else if (!accepted) return null;
  }

  return {
    title: metadata.title,
    byline: metadata.byline,
    siteName: metadata.siteName,
    published: metadata.published,
    lang: metadata.lang,
    readingMinutes: readingMinutes(body.text),
    excerpt: metadata.excerpt ?? firstParagraph(body.element),
    leadImage: page.declaredImage ?? findFirstLargeImage(body.element, baseUrl),
    url: pageUrl,
    html: body.html,
    text: body.text,
    ...(fallback ? { fallback } : {}),
  };
}

/** The article as the reader renders it: sanitized HTML, its element and its text. */
interface FinishedArticle {
  html: string;
  element: Element;
  text: string;
}

/**
 * The steps every article goes through, cleaned up or not: images, embeds and
 * figures in the reader's form, absolute URLs, then the sanitizer. None of
 * them removes text.
 */
function finishArticle(
  article: Element,
  baseUrl: string,
  pageUrl: string,
  window: Window & typeof globalThis,
): FinishedArticle {
  tidyImageWrappers(article);
  embedsToLinks(article, baseUrl);
  normalizeFigures(article);
  removeEmptyFigures(article);
  resolveUrls(article, baseUrl, pageUrl);
  const { html, body } = sanitizeArticleElement(article, window as unknown as WindowLike);
  return { html, element: body, text: blockText(body) };
}
