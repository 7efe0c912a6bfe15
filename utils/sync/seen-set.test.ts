import fc from 'fast-check';
import { expect, test } from 'vitest';
import { covers, dotSet, unionSeen, type Seen } from './seen-set';

const devices = ['a', 'b', 'c'] as const;
const dots = fc.array(fc.tuple(fc.constantFrom(...devices), fc.integer({ min: 1, max: 12 })), { maxLength: 15 });

/** The exact set of dots a Seen stands for, up to 12 per device. */
function members(s: Seen): string[] {
  const out: string[] = [];
  for (const d of devices) for (let n = 1; n <= 12; n++) if (covers(s, d, n)) out.push(`${d}${n}`);
  return out;
}

test('a union of dots holds exactly those dots, whatever order they come in', () => {
  fc.assert(
    fc.property(dots, (list) => {
      const s = unionSeen(...list.map(([d, n]) => dotSet(d, n)));
      expect(members(s)).toEqual([...new Set(list.map(([d, n]) => `${d}${n}`))].sort(byDeviceThenNumber));
      const reversed = unionSeen(...[...list].reverse().map(([d, n]) => dotSet(d, n)));
      expect(JSON.stringify(reversed)).toBe(JSON.stringify(s));
    }),
    { numRuns: 500 },
  );
});

test('union of sets is the set union, and canonical', () => {
  fc.assert(
    fc.property(dots, dots, (p, q) => {
      const a = unionSeen(...p.map(([d, n]) => dotSet(d, n)));
      const b = unionSeen(...q.map(([d, n]) => dotSet(d, n)));
      const both = unionSeen(...[...p, ...q].map(([d, n]) => dotSet(d, n)));
      expect(JSON.stringify(unionSeen(a, b))).toBe(JSON.stringify(both));
      expect(JSON.stringify(unionSeen(b, a))).toBe(JSON.stringify(both));
    }),
    { numRuns: 500 },
  );
});

test('a plain vector (what older docs hold) covers every edit up to its count', () => {
  expect(members({ vv: { a: 3, b: 1 } })).toEqual(['a1', 'a2', 'a3', 'b1']);
  expect(unionSeen({ vv: { a: 3 } }, dotSet('a', 6))).toEqual({ vv: { a: 6 }, x: [['a', 4, 5]] });
});

function byDeviceThenNumber(p: string, q: string): number {
  return p[0] === q[0] ? Number(p.slice(1)) - Number(q.slice(1)) : p < q ? -1 : 1;
}
