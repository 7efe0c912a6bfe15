/**
 * Articles as BibLaTeX `@online` entries (biblatex manual §2.1.1: author, title,
 * date, url, urldate; the website as `organization`), which Zotero, JabRef and
 * biber read. Text is escaped for LaTeX; the title is braced whole so a style
 * never lower-cases "KubeCon"; an organisation is braced whole so it is not split
 * into given and family names.
 */
import type { CitationName } from './citation-authors';
import { citations, type Citation, type CitationOptions } from './citation-metadata';
import { isoDate } from './export-dates';
import type { ExportData } from './export-data';

const LATEX_SPECIAL: Readonly<Record<string, string>> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  $: '\\$',
  '&': '\\&',
  '#': '\\#',
  '^': '\\textasciicircum{}',
  _: '\\_',
  '%': '\\%',
  '~': '\\textasciitilde{}',
};

/** Text as LaTeX that typesets as the same characters; line breaks become spaces. */
export function escapeLatex(text: string): string {
  return text
    .toWellFormed()
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\{}$&#^_%~]/g, (ch) => LATEX_SPECIAL[ch]!);
}

/** A name in BibTeX's `von Last, Jr, First` form; an organisation in braces. */
export function bibtexName(name: CitationName): string {
  if ('literal' in name) return `{${escapeLatex(name.literal)}}`;
  const last = escapeLatex([name.particle, name.family].filter(Boolean).join(' '));
  return [last, name.suffix && escapeLatex(name.suffix), name.given && escapeLatex(name.given)]
    .filter(Boolean)
    .join(', ');
}

/** URLs are verbatim in biblatex; only what would unbalance the braces, or end the field, is escaped. */
function bibtexUrl(url: string): string {
  return url.replace(/[{}\\\s]/g, encodeURIComponent);
}

function entry(c: Citation): string {
  const fields: [string, string][] = [];
  if (c.names.length > 0) fields.push(['author', c.names.map(bibtexName).join(' and ')]);
  fields.push(['title', `{${escapeLatex(c.title)}}`]);
  if (c.site) fields.push(['organization', escapeLatex(c.site)]);
  if (c.issued) fields.push(['date', isoDate(c.issued)]);
  fields.push(['url', bibtexUrl(c.url)]);
  fields.push(['urldate', isoDate(c.accessed)]);
  // No `langid`: biblatex wants babel's names ("english"), not the page's BCP 47 tag.
  if (c.keywords.length > 0) fields.push(['keywords', escapeLatex(c.keywords.join(', '))]);
  const body = fields.map(([name, value]) => `  ${name} = {${value}},`).join('\n');
  return `@online{${c.key},\n${body}\n}\n`;
}

/**
 * @return one `@online` entry per article, separated by blank lines
 */
export function bibtex(data: ExportData, options: CitationOptions = {}): string {
  return citations(data, options).map(entry).join('\n');
}
