import { describe, expect, it } from 'vitest';
import { exportArticle, exportData, highlight } from '../../tests/support/test-export-data';
import { ANNOTATION_CONTEXT, w3cAnnotationCollection, w3cAnnotationsJson } from './w3c-annotations';

describe('w3cAnnotationCollection', () => {
  it('is one collection with one embedded page, counting every annotation', () => {
    const data = exportData([
      exportArticle({ title: 'A' }, [highlight(), highlight()], 'note'),
      exportArticle({ title: 'B' }, [highlight()]),
    ]);
    const c = w3cAnnotationCollection(data);
    expect(c).toMatchObject({ '@context': ANNOTATION_CONTEXT, type: 'AnnotationCollection', total: 4 });
    expect(c.first.items).toHaveLength(4);
    expect(c.last).toBe(c.first.id);
    expect(c.id).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
    expect(w3cAnnotationCollection(data).id).toBe(c.id); // no randomness
  });

  it('gives a highlight without note or tags no body, and keeps the quote selector first', () => {
    const h = highlight({
      quote: 'q',
      selectors: [
        { type: 'TextPositionSelector', start: 5, end: 6 },
        { type: 'TextQuoteSelector', exact: 'q', prefix: '', suffix: '' },
      ],
    });
    const [annotation] = w3cAnnotationCollection(exportData([exportArticle({ title: 'A' }, [h])])).first.items;
    expect(annotation).not.toHaveProperty('body');
    expect(annotation!.target).toEqual({
      source: 'https://example.com/a',
      selector: [
        { type: 'TextQuoteSelector', exact: 'q' },
        { type: 'TextPositionSelector', start: 5, end: 6 },
      ],
      styleClass: 'margin-yellow',
    });
  });

  it('leaves out a position whose end is before its start: no importer would take it', () => {
    const h = highlight({
      quote: 'q',
      selectors: [
        { type: 'TextQuoteSelector', exact: 'q' },
        { type: 'TextPositionSelector', start: 9, end: 4 },
      ],
    });
    const [annotation] = w3cAnnotationCollection(exportData([exportArticle({ title: 'A' }, [h])])).first.items;
    expect(annotation!.target).toMatchObject({ selector: [{ type: 'TextQuoteSelector', exact: 'q' }] });
  });

  it('writes an empty library as an empty collection', () => {
    const json = JSON.parse(w3cAnnotationsJson(exportData([])));
    expect(json).toMatchObject({ total: 0, first: { items: [] } });
  });
});
