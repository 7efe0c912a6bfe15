import { describe, expect, test } from 'vitest';
import { addGap, dropGapsUpTo, inGaps, MAX_RUNS, removeGap } from './change-gaps';

describe('change gaps', () => {
  test('runs are merged, split by a read, and dropped under a snapshot', () => {
    let runs = addGap([], 3, 5);
    runs = addGap(runs, 6, 6);
    runs = addGap(runs, 10, 12);
    expect(runs).toEqual([
      [3, 6],
      [10, 12],
    ]);
    expect([inGaps(runs, 4), inGaps(runs, 7), inGaps(runs, 12)]).toEqual([true, false, true]);
    runs = removeGap(runs, 4);
    expect(runs).toEqual([
      [3, 3],
      [5, 6],
      [10, 12],
    ]);
    expect(dropGapsUpTo(runs, 10)).toEqual([[11, 12]]);
  });

  test('an empty range adds nothing; the list never grows past its bound, oldest dropped', () => {
    expect(addGap([], 5, 4)).toEqual([]);
    let runs: Array<[number, number]> = [];
    for (let i = 0; i < MAX_RUNS + 10; i++) runs = addGap(runs, i * 3, i * 3);
    expect(runs).toHaveLength(MAX_RUNS);
    expect(runs[0]).toEqual([30, 30]);
  });
});
