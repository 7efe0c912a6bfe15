/**
 * Highlights and page notes as a W3C Web Annotation collection
 * (https://www.w3.org/TR/annotation-model/, JSON-LD with the standard context),
 * which other annotation tools read and `utils/import/w3c-annotations.ts` reads
 * back. Each highlight is an Annotation whose target is the article's address
 * with the stored TextQuote and TextPosition selectors (alternatives for the
 * same passage); its note is a `commenting` body and each tag a `tagging` body.
 * Its colour is a `styleClass` on the target with the rule in the annotation's
 * stylesheet, the model's own way to say how a target looks. A page note is an
 * Annotation on the whole page.
 */
import { isValidPosition } from '@/utils/anchoring/selector-schema';
import type { HighlightRecord, PageNoteRecord, Selector } from '@/utils/db/schema';
import { HIGHLIGHT_BACKGROUNDS } from '@/utils/highlighting/highlight-colours';
import { articleLink } from './article-link';
import { isoInstant } from './export-dates';
import type { ExportData } from './export-data';
import { nameUuid } from './name-uuid';

export const ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

export interface W3cTextualBody {
  type: 'TextualBody';
  purpose: 'commenting' | 'tagging';
  value: string;
  format?: 'text/plain';
}

export interface W3cSpecificResource {
  source: string;
  selector: Selector[];
  styleClass?: string;
}

export interface W3cAnnotation {
  id: string;
  type: 'Annotation';
  motivation: 'highlighting' | 'commenting';
  created: string;
  modified: string;
  body?: W3cTextualBody[];
  /** A specific passage, or (a page note) the whole page's address. */
  target: W3cSpecificResource | string;
  stylesheet?: { type: 'CssStylesheet'; value: string };
}

export interface W3cAnnotationCollection {
  '@context': typeof ANNOTATION_CONTEXT;
  id: string;
  type: 'AnnotationCollection';
  label: string;
  total: number;
  first: { id: string; type: 'AnnotationPage'; startIndex: 0; items: W3cAnnotation[] };
  /** The same (only) page, by id. */
  last: string;
}

/** The class a colour is given in `styleClass` and the stylesheet. */
export function colourClass(colour: string): string {
  return `margin-${colour}`;
}

function pageNoteAnnotation(note: PageNoteRecord, source: string): W3cAnnotation {
  return {
    id: `urn:uuid:${note.id}`,
    type: 'Annotation',
    motivation: 'commenting',
    created: isoInstant(note.createdAt),
    modified: isoInstant(note.updatedAt),
    body: [{ type: 'TextualBody', purpose: 'commenting', value: note.text, format: 'text/plain' }],
    target: source,
  };
}

function highlightAnnotation(h: HighlightRecord, source: string): W3cAnnotation {
  const body: W3cTextualBody[] = [];
  if (h.note.trim() !== '')
    body.push({ type: 'TextualBody', purpose: 'commenting', value: h.note, format: 'text/plain' });
  for (const tag of h.tags) body.push({ type: 'TextualBody', purpose: 'tagging', value: tag });
  const styleClass = colourClass(h.colour);
  return {
    id: `urn:uuid:${h.id}`,
    type: 'Annotation',
    motivation: 'highlighting',
    created: isoInstant(h.createdAt),
    modified: isoInstant(h.updatedAt),
    ...(body.length > 0 && { body }),
    target: { source, selector: exportedSelectors(h.selectors), styleClass },
    stylesheet: {
      type: 'CssStylesheet',
      value: `.${styleClass} { background-color: ${HIGHLIGHT_BACKGROUNDS[h.colour]} }`,
    },
  };
}

/**
 * The quote first (it is always there and is what other tools anchor by), then the
 * position, unless it describes no passage (the rule `selector-schema.ts` imports by).
 */
function exportedSelectors(selectors: readonly Selector[]): Selector[] {
  const out: Selector[] = [];
  for (const s of selectors) {
    if (s.type === 'TextQuoteSelector') {
      out.unshift({
        type: 'TextQuoteSelector',
        exact: s.exact,
        ...(s.prefix && { prefix: s.prefix }),
        ...(s.suffix && { suffix: s.suffix }),
      });
    } else if (s.type === 'TextPositionSelector' && isValidPosition(s)) {
      out.push({ type: 'TextPositionSelector', start: s.start, end: s.end });
    }
  }
  return out;
}

/**
 * @return the collection, its one page embedded; ids are `urn:uuid:` of Margin's
 *   record ids, and the collection's own id is derived from the export time
 */
export function w3cAnnotationCollection(data: ExportData): W3cAnnotationCollection {
  const items: W3cAnnotation[] = [];
  for (const { article, highlights, pageNote } of data.articles) {
    const source = articleLink(article);
    if (pageNote) items.push(pageNoteAnnotation(pageNote, source));
    for (const h of highlights) items.push(highlightAnnotation(h, source));
  }
  const exported = isoInstant(data.exportedAt);
  const pageId = `urn:uuid:${nameUuid(`margin-export:${exported}:page:1`)}`;
  return {
    '@context': ANNOTATION_CONTEXT,
    id: `urn:uuid:${nameUuid(`margin-export:${exported}`)}`,
    type: 'AnnotationCollection',
    label: `Margin highlights, exported ${exported}`,
    total: items.length,
    first: { id: pageId, type: 'AnnotationPage', startIndex: 0, items },
    last: pageId,
  };
}

/** The collection as JSON text (`.jsonld`), indented for reading. */
export function w3cAnnotationsJson(data: ExportData): string {
  return `${JSON.stringify(w3cAnnotationCollection(data), null, 2)}\n`;
}
