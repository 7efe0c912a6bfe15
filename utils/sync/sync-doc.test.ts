import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { docFromRecord, mergeDocs, recordFromDoc, sameDoc, type SyncDoc } from './sync-doc';

const base = {
  id: '018f3173-7000-7000-8000-000000000001',
  articleId: '018f3173-7000-7000-8000-0000000000aa',
  createdAt: 1000,
  updatedAt: 1000,
  deletedAt: null,
  selectors: [{ type: 'TextQuoteSelector', exact: 'the hallway track' }],
  quote: 'the hallway track',
  colour: 'yellow',
  note: '',
  tags: [] as string[],
  position: 10,
  anchor: 'anchored',
  deviceId: 'a',
};

type Edit = { device: 'a' | 'b' | 'c'; field: 'colour' | 'tags' | 'note' | 'deletedAt'; value: string };

/** Replays edits on per-device replicas with random merges between them: a little history. */
function histories(edits: Edit[], merges: [number, number][]): SyncDoc[] {
  const replicas: Record<string, { doc: SyncDoc; record: Record<string, unknown> }> = {};
  const start = docFromRecord('highlights', base, undefined, 'a');
  for (const d of ['a', 'b', 'c']) replicas[d] = { doc: start, record: recordFromDoc(start) };
  const names = ['a', 'b', 'c'];
  edits.forEach((e, i) => {
    const r = replicas[e.device]!;
    const record: Record<string, unknown> = { ...r.record, updatedAt: (r.record.updatedAt as number) + 1 + i };
    if (e.field === 'tags') record.tags = [e.value];
    else if (e.field === 'deletedAt') record.deletedAt = e.value === 'x' ? null : (record.updatedAt as number);
    else record[e.field] = e.value;
    const doc = docFromRecord('highlights', record as typeof base, r.doc, e.device);
    replicas[e.device] = { doc, record: recordFromDoc(doc) };
    const [from, to] = merges[i] ?? [0, 0];
    if (from !== to) {
      const src = replicas[names[from]!]!;
      const dst = replicas[names[to]!]!;
      const merged = mergeDocs(dst.doc, src.doc);
      replicas[names[to]!] = { doc: merged, record: recordFromDoc(merged) };
    }
  });
  return names.map((d) => replicas[d]!.doc);
}

const edit = fc.record({
  device: fc.constantFrom('a' as const, 'b' as const, 'c' as const),
  field: fc.constantFrom('colour' as const, 'tags' as const, 'note' as const, 'deletedAt' as const),
  value: fc.constantFrom('x', 'y', 'z', 'green', 'blue', 'été 🌍', 'שלום'),
});
const merge = fc.tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 2 }));
const scenario = fc.tuple(fc.array(edit, { maxLength: 12 }), fc.array(merge, { maxLength: 12 }));

/** More runs on demand: MARGIN_PROPERTY_RUNS=20000 npx vitest run utils/sync. */
const RUNS = Number(process.env.MARGIN_PROPERTY_RUNS) || 300;

describe('merging docs is a join: devices that saw the same edits agree, in any order', () => {
  test('commutative', () => {
    fc.assert(
      fc.property(scenario, ([edits, merges]) => {
        const [a, b] = histories(edits, merges);
        expect(sameDoc(mergeDocs(a!, b!), mergeDocs(b!, a!))).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  test('associative', () => {
    fc.assert(
      fc.property(scenario, ([edits, merges]) => {
        const [a, b, c] = histories(edits, merges);
        expect(sameDoc(mergeDocs(mergeDocs(a!, b!), c!), mergeDocs(a!, mergeDocs(b!, c!)))).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  test('idempotent, and merging what was already merged changes nothing', () => {
    fc.assert(
      fc.property(scenario, ([edits, merges]) => {
        const [a, b] = histories(edits, merges);
        const ab = mergeDocs(a!, b!);
        expect(sameDoc(mergeDocs(a!, a!), a)).toBe(true);
        expect(sameDoc(mergeDocs(ab, b!), ab)).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  test('no note text is ever lost: every version typed is the note or one of its conflicts, unless a later edit saw it', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('one', 'two', 'three', 'four'), { minLength: 2, maxLength: 3 }), (texts) => {
        // Each device types one text without seeing the others'.
        const docs = texts.map((t, i) =>
          docFromRecord(
            'highlights',
            { ...base, note: t, updatedAt: 2000 + i },
            docFromRecord('highlights', base, undefined, 'a'),
            `d${i}`,
          ),
        );
        const merged = docs.reduce((x, y) => mergeDocs(x, y));
        const kept = new Set(merged.n!.vs.map((x) => x.v));
        for (const t of texts) expect(kept.has(t)).toBe(true);
      }),
    );
  });
});

test('unchanged fields keep their stamps; a changed one takes the record’s clock and this device', () => {
  const first = docFromRecord('highlights', base, undefined, 'a');
  const next = docFromRecord('highlights', { ...base, colour: 'green', updatedAt: 5000 }, first, 'b');
  expect(next.f.colour).toEqual(['green', 5000, 'b']);
  expect(next.f.quote).toBe(first.f.quote);
  expect(next.n).toBe(first.n);
});

test('a record read back from its doc is the record (stamps included)', () => {
  const record = { ...base, note: 'a note', tags: ['kubecon'], updatedAt: 4242, deviceId: 'a' };
  const back = recordFromDoc(docFromRecord('highlights', record, undefined, 'a'));
  expect(back).toMatchObject({ ...record, noteConflicts: [] });
});

describe('an unresolved conflict survives this browser editing the note', () => {
  // Device a typed "mine", c typed "theirs" concurrently; after merging, a shows
  // "theirs" with its own "mine" as a conflict. The user then edits the shown note
  // (twice) without picking: "mine" must stay a conflict everywhere.
  function scenario() {
    const start = docFromRecord('highlights', base, undefined, 'a');
    const a1 = docFromRecord('highlights', { ...base, note: 'mine', updatedAt: 1001 }, start, 'a');
    const c1 = docFromRecord('highlights', { ...base, note: 'theirs', updatedAt: 1003 }, start, 'c');
    const merged = mergeDocs(a1, c1);
    const shown = recordFromDoc(merged);
    expect(shown.note).toBe('theirs');
    expect(shown.noteConflicts).toEqual([{ text: 'mine', at: 1001, deviceId: 'a' }]);
    const a2 = docFromRecord(
      'highlights',
      { ...shown, note: 'theirs, edited', updatedAt: 1007 } as typeof base,
      merged,
      'a',
    );
    const a3 = docFromRecord(
      'highlights',
      { ...recordFromDoc(a2), note: 'theirs, edited again', updatedAt: 1009 } as typeof base,
      a2,
      'a',
    );
    return { c1, a2, a3 };
  }

  test.each([
    ['one edit', 'a2', 'theirs, edited'],
    ['a second edit', 'a3', 'theirs, edited again'],
  ] as const)('after %s, merging it with itself or with the other browser keeps the conflict', (_, which, text) => {
    const { c1, ...edited } = scenario();
    const doc = edited[which];
    expect(sameDoc(mergeDocs(doc, doc), doc)).toBe(true);
    const atC = recordFromDoc(mergeDocs(c1, doc));
    expect(atC.note).toBe(text);
    expect((atC.noteConflicts as { text: string }[]).map((x) => x.text)).toEqual(['mine']);
  });

  test('the case the property test once found (CI seed 1036972196): editing the note to the conflict’s text', () => {
    const [a] = histories(
      [
        { device: 'a', field: 'note', value: 'green' },
        { device: 'a', field: 'colour', value: 'x' },
        { device: 'c', field: 'note', value: 'x' },
        { device: 'a', field: 'note', value: 'green' },
      ],
      [
        [0, 0],
        [0, 0],
        [2, 0],
      ],
    );
    expect(sameDoc(mergeDocs(a!, a!), a)).toBe(true);
  });
});
