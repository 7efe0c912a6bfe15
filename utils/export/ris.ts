/**
 * Articles as RIS records (the Research Information Systems tagged format that
 * Zotero, EndNote and Mendeley import): `TY  - ELEC` for a web page, one tag a
 * line as `XX  - value`, CRLF line ends, each record closed by `ER  - `.
 * Values cannot span lines, so line breaks inside them become spaces.
 */
import type { CitationName } from './citation-authors';
import { citations, type Citation, type CitationOptions } from './citation-metadata';
import type { DateParts } from './export-dates';
import type { ExportData } from './export-data';

const CRLF = '\r\n';

/** `Last, First, Suffix`, the particle with the family name; an organisation as written. */
export function risName(name: CitationName): string {
  if ('literal' in name) return name.literal;
  return [[name.particle, name.family].filter(Boolean).join(' '), name.given, name.suffix].filter(Boolean).join(', ');
}

/** RIS dates are `YYYY/MM/DD/other`, with empty parts for what is not known. */
export function risDate(d: DateParts): string {
  const pad = (n: number | undefined) => (n === undefined ? '' : String(n).padStart(2, '0'));
  return `${String(d.year).padStart(4, '0')}/${pad(d.month)}/${d.month === undefined ? '' : pad(d.day)}/`;
}

function line(tag: string, value: string): string {
  return `${tag}  - ${value.toWellFormed().replace(/\s+/g, ' ').trim()}${CRLF}`;
}

function record(c: Citation): string {
  const lines = [line('TY', 'ELEC')];
  for (const name of c.names) lines.push(line('AU', risName(name)));
  lines.push(line('TI', c.title));
  if (c.site) lines.push(line('T2', c.site));
  if (c.issued) lines.push(line('PY', String(c.issued.year).padStart(4, '0')), line('DA', risDate(c.issued)));
  lines.push(line('UR', c.url));
  lines.push(line('Y2', risDate(c.accessed)));
  if (c.language) lines.push(line('LA', c.language));
  for (const keyword of c.keywords) lines.push(line('KW', keyword));
  lines.push(`ER  - ${CRLF}`);
  return lines.join('');
}

/**
 * @return one record per article, a blank line between records
 */
export function ris(data: ExportData, options: CitationOptions = {}): string {
  return citations(data, options).map(record).join(CRLF);
}
