/**
 * Markdown for Obsidian, Logseq and any notes app: one file per article, and
 * "copy as Markdown" for one article or one highlight. Templates are the user's
 * to edit (`markdown-template.ts` for the language, `markdown-view.ts` for the
 * fields); the defaults are in `markdown-templates.ts`.
 */
import { readingDefaults } from '@/utils/db/reading-fields';
import type { HighlightRecord } from '@/utils/db/schema';
import { articleLink } from './article-link';
import type { ExportArticle, ExportData } from './export-data';
import { uniqueMarkdownFilenames } from './markdown-filename';
import { compileTemplate, TemplateError, type Template } from './markdown-template';
import { DEFAULT_ARTICLE_TEMPLATE, DEFAULT_HIGHLIGHT_TEMPLATE } from './markdown-templates';
import { articleView, highlightView, passageLinker, type ViewOptions } from './markdown-view';

export interface MarkdownOptions extends ViewOptions {
  /** The article template; `DEFAULT_ARTICLE_TEMPLATE` when omitted. */
  template?: string;
  /** The template for copying one highlight; `DEFAULT_HIGHLIGHT_TEMPLATE` when omitted. */
  highlightTemplate?: string;
}

/** One Markdown file of an export. */
export interface MarkdownFile {
  /** A file name safe on every system, unique within the export (`markdown-filename.ts`). */
  name: string;
  content: string;
}

/**
 * Every article as its own Markdown file.
 * @throws TemplateError when the template is malformed or names an unknown field
 */
export function markdownFiles(data: ExportData, options: MarkdownOptions = {}): MarkdownFile[] {
  const template = compileTemplate(options.template ?? DEFAULT_ARTICLE_TEMPLATE);
  const names = uniqueMarkdownFilenames(data.articles.map((a) => a.article.title));
  return data.articles.map((a, i) => ({ name: names[i]!, content: template.render(articleView(a, options)) }));
}

/**
 * One article as its file would be.
 * @throws TemplateError as `markdownFiles`
 */
export function articleMarkdown(article: ExportArticle, options: MarkdownOptions = {}): string {
  return compileTemplate(options.template ?? DEFAULT_ARTICLE_TEMPLATE).render(articleView(article, options));
}

/**
 * "Copy as Markdown" for an article: its file without the frontmatter, which
 * belongs at the top of a file, not in the middle of a note it is pasted into.
 * @throws TemplateError as `markdownFiles`
 */
export function copyArticleMarkdown(article: ExportArticle, options: MarkdownOptions = {}): string {
  return withoutFrontmatter(articleMarkdown(article, options));
}

/**
 * "Copy as Markdown" for one highlight: its quote, where it is from (with a link
 * to the passage), its note and tags.
 * @throws TemplateError when the highlight template is malformed or names an unknown field
 */
export function copyHighlightMarkdown(
  article: ExportArticle,
  highlight: HighlightRecord,
  options: MarkdownOptions = {},
): string {
  const template = compileTemplate(options.highlightTemplate ?? DEFAULT_HIGHLIGHT_TEMPLATE);
  return renderWithin(template, article, highlight, options);
}

function renderWithin(
  template: Template,
  article: ExportArticle,
  highlight: HighlightRecord,
  options: ViewOptions,
): string {
  const outer = articleView({ ...article, highlights: [] }, options);
  const inner = highlightView(highlight, passageLinker(articleLink(article.article)), options);
  // The highlight's fields over the article's, as inside {{#highlights}}.
  return template.render({ ...outer, ...inner });
}

/** Strips a leading `---` … `---` block and the blank lines after it. */
export function withoutFrontmatter(markdown: string): string {
  const m = /^---\r?\n[\s\S]*?\r?\n---[ \t]*(?:\r?\n|$)/.exec(markdown);
  return m ? markdown.slice(m[0].length).replace(/^(?:[ \t]*\r?\n)+/, '') : markdown;
}

/**
 * Checks a template the user wrote before it is saved, against an article with
 * every field filled, one with every field empty and one with no highlights, so a
 * typo inside a section that a given article would skip is found too.
 * @param kind - which template it is
 * @return null when it renders, else the first problem (with line and column)
 */
export function checkMarkdownTemplate(source: string, kind: 'article' | 'highlight' = 'article'): TemplateError | null {
  try {
    const template = compileTemplate(source);
    for (const sample of [SAMPLE_FULL, SAMPLE_EMPTY, SAMPLE_BARE]) {
      if (kind === 'article') template.render(articleView(sample));
      else renderWithin(template, sample, sample.highlights[0] ?? SAMPLE_HIGHLIGHT, {});
    }
    return null;
  } catch (error) {
    if (error instanceof TemplateError) return error;
    throw error;
  }
}

const SAMPLE_HIGHLIGHT: HighlightRecord = {
  id: '00000000-0000-7000-8000-000000000002',
  createdAt: 0,
  updatedAt: 0,
  deletedAt: null,
  articleId: '00000000-0000-7000-8000-000000000001',
  selectors: [{ type: 'TextQuoteSelector', exact: 'quote', prefix: 'a ', suffix: ' b' }],
  quote: 'quote',
  colour: 'yellow',
  note: 'note',
  tags: ['tag'],
  position: 0,
  anchor: 'anchored',
  words: [],
};

const SAMPLE_FULL: ExportArticle = {
  article: {
    id: SAMPLE_HIGHLIGHT.articleId,
    createdAt: 0,
    updatedAt: 0,
    deletedAt: null,
    url: 'https://example.com/a',
    urls: ['https://example.com/a'],
    pageUrl: 'https://example.com/a',
    canonicalUrl: null,
    title: 'Title',
    author: 'Author',
    site: 'Site',
    host: 'example.com',
    published: '2024-01-01',
    lang: 'en',
    ...readingDefaults(),
    savedAt: null,
    words: [],
  },
  body: null,
  highlights: [SAMPLE_HIGHLIGHT],
  pageNote: {
    id: '00000000-0000-7000-8000-000000000003',
    createdAt: 0,
    updatedAt: 0,
    deletedAt: null,
    articleId: SAMPLE_HIGHLIGHT.articleId,
    text: 'note',
    words: [],
  },
};

const SAMPLE_EMPTY: ExportArticle = {
  article: { ...SAMPLE_FULL.article, author: null, site: null, published: null },
  body: null,
  highlights: [{ ...SAMPLE_HIGHLIGHT, note: '', tags: [] }],
  pageNote: null,
};

const SAMPLE_BARE: ExportArticle = { ...SAMPLE_EMPTY, highlights: [] };
