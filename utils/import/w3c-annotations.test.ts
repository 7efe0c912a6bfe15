import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HIGHLIGHT_COLOURS } from '@/utils/db/schema';
import { normalizeTagNames } from '@/utils/db/tags';
import { nameUuid } from '@/utils/export/name-uuid';
import { exportArticle, exportData, highlight } from '@/tests/support/test-export-data';
import { w3cAnnotationCollection, w3cAnnotationsJson } from '@/utils/export/w3c-annotations';
import { sampleData } from '@/tests/golden/export/kubecon-sample';
import { IMPORT_LIMITS, parseW3cAnnotations, type W3cImportResult } from './w3c-annotations';

const NOW = Date.UTC(2024, 5, 1);

function records(result: W3cImportResult) {
  if (!result.ok) throw new Error(`import failed: ${result.errors.join('; ')}`);
  return result.records;
}

function errors(result: W3cImportResult): string[] {
  if (result.ok) throw new Error('import should have failed');
  return result.errors;
}

// The shape of Hypothesis' "Export annotations" JSON (client `AnnotationsExporter`):
// API annotations, whose `document.title` is a list, and whose targets carry
// Range, TextPosition and TextQuote selectors. A page note has no selector; a reply
// has `references`.
const HYPOTHESIS_SELECTORS = [
  {
    type: 'RangeSelector',
    endOffset: 120,
    startOffset: 0,
    endContainer: '/div[1]/p[2]',
    startContainer: '/div[1]/p[2]',
  },
  { type: 'TextPositionSelector', start: 1210, end: 1330 },
  {
    type: 'TextQuoteSelector',
    exact: 'I pivoted towards the “hallway track.”',
    prefix: 'by the scale of the event on Day One, ',
    suffix: ' The change in pace allowed me',
  },
];

const hypothesisExport = {
  export_date: '2024-04-02T10:00:00.000Z',
  export_userid: 'acct:reader@hypothes.is',
  client_version: '1.1500.0',
  annotations: [
    {
      id: 'Ab3xQ9kLEe-7yPtzsF2LdQ',
      created: '2024-03-25T08:01:02.345678+00:00',
      updated: '2024-03-25T08:05:00.000000+00:00',
      user: 'acct:reader@hypothes.is',
      uri: 'https://medium.com/@stevewade/kubecon-eu-2024-day-two-embracing-the-hallway-track-3f9c2a71b8e4',
      text: 'Hallway > talks',
      tags: ['Conferences', 'hallway track'],
      group: '__world__',
      permissions: {
        read: ['group:__world__'],
        admin: ['acct:reader@hypothes.is'],
        update: ['acct:reader@hypothes.is'],
        delete: ['acct:reader@hypothes.is'],
      },
      target: [
        {
          source: 'https://medium.com/@stevewade/kubecon-eu-2024-day-two-embracing-the-hallway-track-3f9c2a71b8e4',
          selector: HYPOTHESIS_SELECTORS,
        },
      ],
      document: { title: ['KubeCon EU 2024: Day Two — Embracing the Hallway Track | by Steve Wade | Medium'] },
      links: {
        html: 'https://hypothes.is/a/Ab3xQ9kLEe-7yPtzsF2LdQ',
        incontext: 'https://hyp.is/Ab3xQ9kLEe-7yPtzsF2LdQ/medium.com/…',
        json: 'https://hypothes.is/api/annotations/Ab3xQ9kLEe-7yPtzsF2LdQ',
      },
      user_info: { display_name: 'A Reader' },
      flagged: false,
      hidden: false,
    },
    {
      id: 'PageNoteId1234567890ab',
      created: '2024-03-25T08:10:00.000000+00:00',
      updated: '2024-03-25T08:10:00.000000+00:00',
      user: 'acct:reader@hypothes.is',
      uri: 'https://medium.com/@stevewade/kubecon-eu-2024-day-two-embracing-the-hallway-track-3f9c2a71b8e4',
      text: 'Worth rereading before the next KubeCon.',
      tags: [],
      group: '__world__',
      permissions: { read: ['group:__world__'] },
      target: [
        { source: 'https://medium.com/@stevewade/kubecon-eu-2024-day-two-embracing-the-hallway-track-3f9c2a71b8e4' },
      ],
      document: { title: ['KubeCon EU 2024: Day Two — Embracing the Hallway Track | by Steve Wade | Medium'] },
      links: { html: 'https://hypothes.is/a/PageNoteId1234567890ab' },
      hidden: false,
      flagged: false,
    },
    {
      id: 'ReplyId12345678901234',
      created: '2024-03-26T08:10:00.000000+00:00',
      updated: '2024-03-26T08:10:00.000000+00:00',
      user: 'acct:other@hypothes.is',
      uri: 'https://medium.com/@stevewade/kubecon-eu-2024-day-two-embracing-the-hallway-track-3f9c2a71b8e4',
      text: 'Agreed!',
      tags: [],
      references: ['Ab3xQ9kLEe-7yPtzsF2LdQ'],
      target: [
        { source: 'https://medium.com/@stevewade/kubecon-eu-2024-day-two-embracing-the-hallway-track-3f9c2a71b8e4' },
      ],
      document: { title: ['KubeCon'] },
      links: { html: 'https://hypothes.is/a/ReplyId12345678901234' },
    },
  ],
};

describe("Margin's own export, read back", () => {
  it('gives back the highlights and page note with their ids, selectors, notes, tags, colours and times', () => {
    const r = records(parseW3cAnnotations(w3cAnnotationsJson(sampleData), { now: NOW }));
    const [source] = sampleData.articles;
    expect(r.articles).toHaveLength(1);
    expect(r.articles[0]).toMatchObject({
      url: source!.article.url,
      pageUrl: source!.article.url,
      title: source!.article.url,
      deletedAt: null,
    });
    expect(
      r.highlights.map(({ id, quote, note, tags, colour, selectors, position, createdAt, updatedAt }) => ({
        id,
        quote,
        note,
        tags,
        colour,
        selectors,
        position,
        createdAt,
        updatedAt,
      })),
    ).toEqual(
      source!.highlights.map(({ id, quote, note, tags, colour, selectors, position, createdAt, updatedAt }) => ({
        id,
        quote,
        note,
        tags,
        colour,
        // An empty suffix is not written, so it comes back absent.
        selectors: selectors.map((s) =>
          s.type === 'TextQuoteSelector' && s.suffix === '' ? { type: s.type, exact: s.exact, prefix: s.prefix } : s,
        ),
        position,
        createdAt,
        updatedAt,
      })),
    );
    expect(r.highlights.every((h) => h.articleId === r.articles[0]!.id && h.words.length > 0)).toBe(true);
    expect(r.pageNotes).toEqual([
      expect.objectContaining({ id: source!.pageNote!.id, text: source!.pageNote!.text, articleId: r.articles[0]!.id }),
    ]);
    expect(r.tags.map((t) => t.name).sort()).toEqual(['community', 'conferences', 'hallway track', 'kubecon', 'tgik']);
    expect(r.articleBodies).toEqual([]);
  });

  it('is idempotent: importing the same file twice gives the very same records', () => {
    const file = JSON.stringify(hypothesisExport);
    expect(parseW3cAnnotations(file, { now: NOW })).toEqual(parseW3cAnnotations(file, { now: NOW + 1000 }));
  });

  it('round-trips any highlights (property)', () => {
    const colour = fc.constantFrom(...HIGHLIGHT_COLOURS);
    // Tags as the database holds them: normalized (" # " once slipped through a hand-made filter).
    const tags = fc.array(fc.string({ minLength: 1, maxLength: 12 }), { maxLength: 4 }).map(normalizeTagNames);
    const h = fc.record({
      quote: fc.string({ minLength: 1, maxLength: 80 }),
      note: fc.string({ maxLength: 80 }),
      colour,
      tags,
      start: fc.nat(10_000),
    });
    fc.assert(
      fc.property(fc.array(h, { minLength: 1, maxLength: 6 }), (hs) => {
        const article = exportArticle(
          { title: 'P' },
          hs.map((x) =>
            highlight({
              ...x,
              position: x.start,
              selectors: [
                { type: 'TextQuoteSelector', exact: x.quote, prefix: 'p', suffix: 's' },
                { type: 'TextPositionSelector', start: x.start, end: x.start + x.quote.length },
              ],
            }),
          ),
        );
        const r = records(parseW3cAnnotations(w3cAnnotationCollection(exportData([article])), { now: NOW }));
        expect(
          r.highlights.map((x) => [x.id, x.quote, x.note.trim() === '' ? '' : x.note, x.colour, x.position]),
        ).toEqual(
          article.highlights.map((x) => [x.id, x.quote, x.note.trim() === '' ? '' : x.note, x.colour, x.position]),
        );
        for (const [i, x] of r.highlights.entries()) expect(x.tags).toEqual(article.highlights[i]!.tags);
      }),
      { numRuns: 60 },
    );
  });
});

describe("Hypothesis' export", () => {
  it('makes an article with its title, a highlight with the quote and position only, a page note, and skips replies', () => {
    const result = parseW3cAnnotations(JSON.stringify(hypothesisExport), { now: NOW });
    const r = records(result);
    expect(result.ok && result.warnings).toEqual(['1 reply to other annotations skipped']);
    expect(r.articles).toEqual([
      expect.objectContaining({
        url: 'https://medium.com/@stevewade/kubecon-eu-2024-day-two-embracing-the-hallway-track-3f9c2a71b8e4',
        title: 'KubeCon EU 2024: Day Two — Embracing the Hallway Track | by Steve Wade | Medium',
        host: 'medium.com',
        createdAt: Date.parse('2024-03-25T08:01:02.345Z'),
        updatedAt: Date.parse('2024-03-25T08:10:00Z'),
      }),
    ]);
    expect(r.highlights).toEqual([
      expect.objectContaining({
        id: nameUuid('annotation:https://hypothes.is/a/Ab3xQ9kLEe-7yPtzsF2LdQ'),
        quote: 'I pivoted towards the “hallway track.”',
        note: 'Hallway > talks',
        tags: ['conferences', 'hallway track'],
        colour: 'yellow',
        position: 1210,
        anchor: 'anchored',
        selectors: [
          {
            type: 'TextQuoteSelector',
            exact: 'I pivoted towards the “hallway track.”',
            prefix: 'by the scale of the event on Day One, ',
            suffix: ' The change in pace allowed me',
          },
          { type: 'TextPositionSelector', start: 1210, end: 1330 },
        ],
      }),
    ]);
    expect(r.pageNotes).toEqual([expect.objectContaining({ text: 'Worth rereading before the next KubeCon.' })]);
  });

  it('reads an API search result and a single API annotation (document.title as text or list)', () => {
    const [row] = hypothesisExport.annotations;
    const search = records(parseW3cAnnotations({ total: 1, rows: [row] }, { now: NOW }));
    const single = records(parseW3cAnnotations({ ...row, document: { title: 'Plain title' } }, { now: NOW }));
    expect(search.highlights[0]!.id).toBe(single.highlights[0]!.id);
    expect(single.articles[0]!.title).toBe('Plain title');
  });

  it("gives the same ids as Hypothesis' JSON-LD form of the same annotation", () => {
    const jsonld = {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      type: 'Annotation',
      id: 'https://hypothes.is/a/Ab3xQ9kLEe-7yPtzsF2LdQ',
      created: '2024-03-25T08:01:02.345678+00:00',
      modified: '2024-03-25T08:05:00.000000+00:00',
      creator: 'acct:reader@hypothes.is',
      body: [
        { type: 'TextualBody', value: 'Hallway > talks', format: 'text/markdown' },
        { type: 'TextualBody', purpose: 'tagging', value: 'Conferences' },
      ],
      target: [
        {
          source: 'https://medium.com/@stevewade/kubecon-eu-2024-day-two-embracing-the-hallway-track-3f9c2a71b8e4',
          selector: HYPOTHESIS_SELECTORS,
        },
      ],
    };
    const fromJsonld = records(parseW3cAnnotations(jsonld, { now: NOW })).highlights[0]!;
    const fromExport = records(parseW3cAnnotations(hypothesisExport, { now: NOW })).highlights[0]!;
    expect(fromJsonld).toMatchObject({ id: fromExport.id, note: 'Hallway > talks', tags: ['conferences'] });
  });
});

describe('W3C containers and shapes', () => {
  const annotation = {
    type: 'Annotation',
    id: 'http://example.org/anno1',
    bodyValue: 'A comment',
    target: {
      source: 'http://example.org/page1',
      selector: { type: 'TextQuoteSelector', exact: 'anotation', prefix: 'this is an ', suffix: ' that has some' },
    },
  };

  it.each([
    ['a single annotation', annotation],
    ['a list', [annotation]],
    ['a page', { type: 'AnnotationPage', items: [annotation] }],
    [
      'a collection',
      {
        '@context': 'http://www.w3.org/ns/anno.jsonld',
        type: ['AnnotationCollection'],
        first: { type: 'AnnotationPage', items: [annotation] },
      },
    ],
  ])('reads %s', (_, input) => {
    const r = records(parseW3cAnnotations(input, { now: NOW }));
    expect(r.highlights).toEqual([
      expect.objectContaining({
        id: nameUuid('annotation:http://example.org/anno1'),
        quote: 'anotation',
        note: 'A comment',
        createdAt: NOW,
        updatedAt: NOW,
      }),
    ]);
    // http becomes https in the article's key, as for a visit.
    expect(r.articles[0]).toMatchObject({ url: 'https://example.org/page1', pageUrl: 'http://example.org/page1' });
  });

  it('follows embedded next pages', () => {
    const second = { ...annotation, id: 'http://example.org/anno2' };
    const input = {
      type: 'AnnotationCollection',
      first: { type: 'AnnotationPage', items: [annotation], next: { type: 'AnnotationPage', items: [second] } },
    };
    expect(records(parseW3cAnnotations(input, { now: NOW })).highlights).toHaveLength(2);
  });

  it('takes a tag from a body with no purpose when the annotation is for tagging, and a colour from styleClass', () => {
    const r = records(
      parseW3cAnnotations(
        {
          type: 'Annotation',
          motivation: 'tagging',
          body: { type: 'TextualBody', value: 'Rust' },
          target: {
            source: 'https://e.x/',
            selector: [{ type: 'TextQuoteSelector', exact: 'x' }],
            styleClass: 'margin-blue',
          },
        },
        { now: NOW },
      ),
    );
    expect(r.highlights[0]).toMatchObject({
      tags: ['rust'],
      note: '',
      colour: 'blue',
      position: Number.MAX_SAFE_INTEGER,
    });
  });

  it('skips, with a warning, what Margin cannot place or open', () => {
    const result = parseW3cAnnotations(
      [
        {
          type: 'Annotation',
          id: 'a',
          target: { source: 'https://e.x/', selector: { type: 'FragmentSelector', value: 'xywh=1,2,3,4' } },
        },
        {
          type: 'Annotation',
          id: 'b',
          bodyValue: 'x',
          target: { source: 'not a url', selector: { type: 'TextQuoteSelector', exact: 'x' } },
        },
      ],
      { now: NOW },
    );
    expect(result).toEqual({
      ok: true,
      records: { articles: [expect.anything()], articleBodies: [], highlights: [], pageNotes: [], tags: [] },
      warnings: [
        '[0]: skipped, it has no TextQuoteSelector that Margin could find the passage by',
        '[1]: skipped, its target "not a url" is not an absolute address',
      ],
    });
  });

  it('keeps the newer of two annotations with the same id', () => {
    const older = { ...annotation, modified: '2024-01-01T00:00:00Z', bodyValue: 'old' };
    const newer = { ...annotation, modified: '2024-02-01T00:00:00Z', bodyValue: 'new' };
    expect(records(parseW3cAnnotations([newer, older], { now: NOW })).highlights.map((h) => h.note)).toEqual(['new']);
    expect(records(parseW3cAnnotations([older, newer], { now: NOW })).highlights.map((h) => h.note)).toEqual(['new']);
  });
});

describe('bad input', () => {
  it('says what is wrong and where, for the first few problems', () => {
    expect(errors(parseW3cAnnotations('{"rows": [', { now: NOW }))[0]).toMatch(/^not JSON: /);
    expect(errors(parseW3cAnnotations('42'))).toEqual(['(top level): expected a JSON object or list of annotations']);
    expect(errors(parseW3cAnnotations({ hello: 'world' }))[0]).toMatch(
      /^\(top level\): not annotations: expected a W3C AnnotationCollection/,
    );
    expect(errors(parseW3cAnnotations({ type: 'AnnotationCollection', first: 'https://e.x/page1' }))).toEqual([
      'first: the collection links to its pages instead of including them; export it with its annotations embedded',
    ]);
    expect(
      errors(
        parseW3cAnnotations({
          rows: [
            {
              uri: 'https://e.x/',
              text: 5,
              target: [{ source: 'https://e.x/', selector: [{ type: 'TextPositionSelector', start: -1, end: 2 }] }],
            },
            {
              uri: 'https://e.x/',
              target: [
                {
                  selector: [
                    { type: 'TextQuoteSelector', exact: '' },
                    { type: 'TextPositionSelector', start: 5, end: 2 },
                  ],
                },
              ],
            },
          ],
        }),
      ),
    ).toEqual([
      'rows[0].text: Invalid input: expected string, received number',
      'rows[1].selector[0].exact: empty quote',
      'rows[1].selector[1].end: end is before start',
    ]);
  });

  it('reports at most five problems, and how many more there are', () => {
    const result = errors(parseW3cAnnotations(Array.from({ length: 9 }, () => ({ type: 'Annotation' }))));
    expect(result).toHaveLength(6);
    expect(result[0]).toBe('[0].target: expected a target or a list of them');
    expect(result[5]).toBe('…and 4 more problems');
  });

  it('refuses oversized input before reading it, and oversized fields', () => {
    expect(errors(parseW3cAnnotations(' '.repeat(IMPORT_LIMITS.inputChars + 1)))[0]).toMatch(
      /^the file is larger than 50,000,000 characters/,
    );
    const long = { uri: 'https://e.x/', text: 'x'.repeat(IMPORT_LIMITS.text + 1) };
    expect(errors(parseW3cAnnotations([long]))).toEqual(['[0].text: longer than 100,000 characters']);
    const many = { rows: Array.from({ length: IMPORT_LIMITS.annotations + 1 }, () => 0) };
    expect(errors(parseW3cAnnotations(many))[0]).toBe(
      'more than 100,000 annotations; split the file and import the parts',
    );
    const tags = { uri: 'https://e.x/', tags: Array.from({ length: 201 }, (_, i) => `t${i}`) };
    expect(errors(parseW3cAnnotations([tags]))).toEqual(['[0].tags: more than 200 items']);
  });

  it('is not polluted by __proto__ or constructor keys, and keeps such tags as plain tags', () => {
    const hostile = `[{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}},
      "uri": "https://e.x/", "text": "n", "tags": ["__proto__", "constructor", "toString"],
      "target": [{"source": "https://e.x/", "__proto__": {"selector": []},
        "selector": [{"type": "TextQuoteSelector", "exact": "q", "__proto__": {"polluted": true}}]}]}]`;
    const r = records(parseW3cAnnotations(hostile, { now: NOW }));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(r.highlights[0]!.tags).toEqual(['__proto__', 'constructor', 'tostring']);
    expect(r.tags.map((t) => t.name)).toEqual(['__proto__', 'constructor', 'tostring']);
    expect(Object.getPrototypeOf(r.highlights[0]!.selectors[0])).toBe(Object.prototype);
    expect(Object.keys(r.highlights[0]!.selectors[0]!)).toEqual(['type', 'exact']);
    // A selector smuggled in through __proto__ is not a selector.
    const smuggled =
      '{"type": "Annotation", "bodyValue": "n", "target": {"source": "https://e.x/", "__proto__": {"selector": [{"type": "TextQuoteSelector", "exact": "q"}]}}}';
    const note = records(parseW3cAnnotations(smuggled, { now: NOW }));
    expect(note.highlights).toEqual([]);
    expect(note.pageNotes.map((n) => n.text)).toEqual(['n']);
  });

  it('survives absurd nesting and odd values without throwing', () => {
    const deep = `${'['.repeat(200_000)}${']'.repeat(200_000)}`;
    expect(() => parseW3cAnnotations(deep)).not.toThrow();
    for (const odd of [
      null,
      undefined,
      true,
      'null',
      '""',
      '[]',
      '{}',
      [null],
      [[]],
      { rows: [null] },
      { type: 'AnnotationPage' },
    ]) {
      expect(() => parseW3cAnnotations(odd)).not.toThrow();
    }
    expect(records(parseW3cAnnotations('[]')).highlights).toEqual([]);
  });
});
