import { describe, expect, it } from 'vitest';
import { highlightAtPoint } from './hit-test';

function fakeRange(boxes: { left: number; top: number; right: number; bottom: number }[]): Range {
  return { collapsed: false, getClientRects: () => boxes } as unknown as Range;
}

describe('highlightAtPoint', () => {
  const ranges: Record<string, Range> = {
    older: fakeRange([{ left: 0, top: 0, right: 100, bottom: 20 }]),
    newer: fakeRange([
      { left: 50, top: 0, right: 200, bottom: 20 },
      { left: 0, top: 20, right: 40, bottom: 40 },
    ]),
  };
  const rangeOf = (id: string) => ranges[id] ?? null;

  it('finds the highlight under the point, the newest where two overlap', () => {
    expect(highlightAtPoint(['older', 'newer'], rangeOf, 10, 10)).toBe('older');
    expect(highlightAtPoint(['older', 'newer'], rangeOf, 60, 10)).toBe('newer');
    expect(highlightAtPoint(['older', 'newer'], rangeOf, 20, 30)).toBe('newer'); // second line of a wrapped highlight
  });

  it('returns null off every highlight and skips unplaced ones', () => {
    expect(highlightAtPoint(['older', 'newer'], rangeOf, 300, 10)).toBeNull();
    expect(highlightAtPoint(['gone'], rangeOf, 10, 10)).toBeNull();
  });
});
