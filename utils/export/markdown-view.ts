/**
 * The fields a Markdown template can use, built from the export data.
 *
 * An article: `title`, `author`, `site`, `url` (the original), `published` and
 * `saved` (dates; `saved` is the day it was put on the reading list, else the day
 * Margin first kept it), `tags` (the article's own tags and every tag of its
 * highlights, as Obsidian tags, sorted), `hashtags` (`#a #b`), `note` (the page
 * note), `highlightCount`, `highlights`; from the reading list, `status` (`unread`,
 * `reading`, `archived`; empty when not on it), `favourite` (true or empty),
 * `progress` (0 to 1, two decimals), `readingTime` (minutes; empty when unknown).
 * A highlight (inside `{{#highlights}}`, or for "copy as Markdown"): `quote`,
 * `note`, `colour`, `tags`, `hashtags`, `link` (opens the page scrolled to the
 * passage), `created` (date), `id`. Inside a highlight the article's fields are
 * still there (`{{title}}`), except where the highlight has its own (`note`, `tags`).
 * Absent values (no author, no published date, no note) are empty.
 */
import type { HighlightRecord, TextQuoteSelector } from '@/utils/db/schema';
import { findSelector } from '@/utils/anchoring/selectors';
import { deepLinker } from '@/utils/highlighting/deep-link';
import { articleLink } from './article-link';
import { instantDate, isoDate, statedDate } from './export-dates';
import type { ExportArticle } from './export-data';
import { markdownUrl } from './markdown-escape';
import { MarkdownText, TemplateDate, type TemplateView } from './markdown-template';
import { obsidianTags } from './obsidian-tag';

export interface ViewOptions {
  /** IANA time zone for the dates of instants (`saved`, `created`); UTC by default. */
  timeZone?: string;
}

/**
 * Links to the passages of one page; a passage no longer found (or a page address
 * that does not parse) gets the page's own address.
 */
export function passageLinker(pageUrl: string): (h: Pick<HighlightRecord, 'selectors' | 'anchor'>) => string {
  let link: ((quote: TextQuoteSelector) => string) | null;
  try {
    link = deepLinker(pageUrl);
  } catch {
    link = null;
  }
  return (h) => {
    const quote = findSelector(h.selectors, 'TextQuoteSelector');
    return link && quote && h.anchor !== 'orphaned' && h.anchor !== 'detached' ? link(quote) : pageUrl;
  };
}

const hashtagLine = (tags: readonly string[]) => new MarkdownText(tags.map((t) => `#${t}`).join(' '));

export function articleView(a: ExportArticle, options: ViewOptions = {}): TemplateView {
  const url = articleLink(a.article);
  const link = passageLinker(url);
  const published = statedDate(a.article.published);
  const tags = obsidianTags([...a.article.articleTags, ...a.highlights.flatMap((h) => h.tags)]).sort();
  const saved = a.article.listedAt ?? a.article.createdAt;
  return {
    title: a.article.title,
    author: a.article.author?.trim() || null,
    site: a.article.site?.trim() || null,
    url: new MarkdownText(markdownUrl(url)),
    published: published ? new TemplateDate(isoDate(published)) : null,
    saved: new TemplateDate(isoDate(instantDate(saved, options.timeZone))),
    status: a.article.readingStatus,
    favourite: a.article.favourite,
    progress: Math.round(a.article.progress * 100) / 100,
    readingTime: a.article.readingMinutes,
    tags,
    hashtags: hashtagLine(tags),
    note: a.pageNote?.text ?? '',
    highlightCount: a.highlights.length,
    highlights: a.highlights.map((h) => highlightView(h, link, options)),
  };
}

/**
 * @param link - from `passageLinker` for the article's address
 */
export function highlightView(
  h: HighlightRecord,
  link: (h: HighlightRecord) => string,
  options: ViewOptions = {},
): TemplateView {
  const tags = obsidianTags(h.tags);
  return {
    id: h.id,
    quote: h.quote,
    note: h.note,
    colour: h.colour,
    tags,
    hashtags: hashtagLine(tags),
    link: new MarkdownText(markdownUrl(link(h))),
    created: new TemplateDate(isoDate(instantDate(h.createdAt, options.timeZone))),
  };
}
