/**
 * Decides whether a page has an article at all. Readability returns its best
 * guess on any page, so a search page, an app shell or a link hub would open
 * as a "reader view" of navigation. The test is in the spirit of Readability's
 * `isProbablyReaderable` (are there real paragraphs?) but is applied to the
 * cleaned, sanitized result instead of the whole page: that is cheaper, sees
 * exactly what the reader would show, and is less strict than the original,
 * which rejects short posts and `<div>`+`<br>` layouts that read fine.
 */
import { byTag, leafBlocks, linkDensity, normalizedText } from './dom-helpers';

/** Below this (CJK-weighted) length there is nothing worth a reader view. */
export const MIN_ARTICLE_CHARS = 200;
/** An article needs this much text, or two paragraphs of prose, or one real paragraph (below). */
export const THIN_ARTICLE_CHARS = 500;
/**
 * A single paragraph of prose this long (a few sentences) is a short post:
 * an app shell's "enable JavaScript" notice or a cookie banner is shorter.
 */
export const SHORT_POST_PROSE_CHARS = 250;
/** Above this share of linked text the "article" is a list of links. */
export const MAX_LINK_SHARE = 0.5;
/** A block of at least this (weighted) length, mostly not links, is a paragraph of prose. */
const PROSE_BLOCK_CHARS = 100;

/**
 * Chinese and Japanese pack a word into one or two characters; count each
 * such character three times so length thresholds mean the same in every script.
 */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu;
export function weightedLength(text: string): number {
  return text.length + 2 * (text.match(CJK)?.length ?? 0);
}

export interface ArticleSignals {
  /** CJK-weighted length of the text, whitespace collapsed. */
  textLength: number;
  /** Share of the text inside links, 0..1. */
  linkShare: number;
  /** Blocks of prose: long enough, mostly not links. */
  proseBlocks: number;
  /** Share of the text in prose blocks, 0..1. */
  proseShare: number;
  /** CJK-weighted length of the text in prose blocks. */
  proseLength: number;
  /** Blocks that are one headline-length link (search results, link hubs). */
  linkBlocks: number;
  /** All non-empty blocks. */
  blocks: number;
}

/** Measures the extracted (sanitized) article for `isArticle`. */
export function measureArticle(body: Element): ArticleSignals {
  const text = normalizedText(body);
  const textLength = weightedLength(text);
  let linkText = 0;
  for (const a of byTag(body, 'a')) linkText += weightedLength(normalizedText(a));
  let proseBlocks = 0;
  let proseLength = 0;
  let linkBlocks = 0;
  let blocks = 0;
  for (const block of leafBlocks(body)) {
    const blockText = normalizedText(block);
    if (!blockText) continue;
    blocks++;
    const length = weightedLength(blockText);
    const density = linkDensity(block, blockText.length);
    if (length >= PROSE_BLOCK_CHARS && density < 0.3) {
      proseBlocks++;
      proseLength += length;
    } else if (density >= 0.75 && blockText.length >= 15) {
      linkBlocks++;
    }
  }
  // Text outside any block (a bare <div> of text with <br>s) is prose too.
  if (blocks === 0 && textLength >= PROSE_BLOCK_CHARS) {
    proseBlocks = 1;
    proseLength = textLength;
  }
  return {
    textLength,
    linkShare: textLength ? Math.min(1, linkText / textLength) : 0,
    proseBlocks,
    proseShare: textLength ? Math.min(1, proseLength / textLength) : 0,
    proseLength,
    linkBlocks,
    blocks,
  };
}

/**
 * True when the extraction should be shown as an article. Only what is
 * clearly not one is refused, by its structure: no paragraph of prose (app
 * shells, galleries of labels), mostly links (link hubs), or many headline
 * links with little running text (search results, archives).
 */
export function isArticle(s: ArticleSignals): boolean {
  if (s.textLength < MIN_ARTICLE_CHARS || s.proseBlocks === 0) return false;
  if (s.linkShare > MAX_LINK_SHARE) return false;
  // Search results and link hubs: many headline links, little running text.
  if (s.linkBlocks >= 5 && s.linkBlocks >= 0.3 * s.blocks && s.proseShare < 0.25) return false;
  return s.textLength >= THIN_ARTICLE_CHARS || s.proseBlocks >= 2 || s.proseLength >= SHORT_POST_PROSE_CHARS;
}
