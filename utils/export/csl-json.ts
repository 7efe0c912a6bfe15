/**
 * Articles as CSL-JSON (the Citation Style Language's data format, read by
 * Zotero, Pandoc and citeproc): `post-weblog` for a post on a blogging platform,
 * `webpage` otherwise; names in parts (`family`, `given`, `non-dropping-particle`,
 * `suffix`) or `literal`; dates as `date-parts`.
 */
import type { CitationName } from './citation-authors';
import { citations, type Citation, type CitationOptions } from './citation-metadata';
import type { DateParts } from './export-dates';
import type { ExportData } from './export-data';

export type CslName =
  | { family: string; given?: string; 'non-dropping-particle'?: string; suffix?: string }
  | { literal: string };

export interface CslDate {
  'date-parts': [[number] | [number, number] | [number, number, number]];
}

export interface CslItem {
  id: string;
  type: 'post-weblog' | 'webpage';
  title: string;
  author?: CslName[];
  'container-title'?: string;
  issued?: CslDate;
  accessed: CslDate;
  URL: string;
  language?: string;
  keyword?: string;
}

export function cslName(name: CitationName): CslName {
  if ('literal' in name) return { literal: name.literal };
  return {
    family: name.family,
    ...(name.given && { given: name.given }),
    ...(name.particle && { 'non-dropping-particle': name.particle }),
    ...(name.suffix && { suffix: name.suffix }),
  };
}

export function cslDate(d: DateParts): CslDate {
  const parts: [number] | [number, number] | [number, number, number] =
    d.month === undefined ? [d.year] : d.day === undefined ? [d.year, d.month] : [d.year, d.month, d.day];
  return { 'date-parts': [parts] };
}

function item(c: Citation): CslItem {
  return {
    id: c.key,
    type: c.isBlogPost ? 'post-weblog' : 'webpage',
    title: c.title,
    ...(c.names.length > 0 && { author: c.names.map(cslName) }),
    ...(c.site && { 'container-title': c.site }),
    ...(c.issued && { issued: cslDate(c.issued) }),
    accessed: cslDate(c.accessed),
    URL: c.url,
    ...(c.language && { language: c.language }),
    ...(c.keywords.length > 0 && { keyword: c.keywords.join(', ') }),
  };
}

export function cslItems(data: ExportData, options: CitationOptions = {}): CslItem[] {
  return citations(data, options).map(item);
}

/**
 * The items as a JSON array, indented for reading, with `date-parts` kept on one
 * line (`[[2024, 3, 21]]`). Only arrays of numbers spread over lines are joined: a
 * JSON string cannot hold a raw line break, so no text is touched.
 */
export function cslJson(data: ExportData, options: CitationOptions = {}): string {
  return `${JSON.stringify(cslItems(data, options), null, 2)
    .replace(/\[\n\s*((?:-?\d+,\n\s*)*-?\d+)\n\s*\]/g, (_, numbers: string) => `[${numbers.split(/,\s*/).join(', ')}]`)
    .replace(/\[\n\s*(\[[-\d, ]*\])\n\s*\]/g, '[$1]')}\n`;
}
