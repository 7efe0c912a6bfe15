/**
 * Where passages have moved to, learned while anchoring a batch. Stored
 * offsets go stale as a whole: a reader view drops the site's header, an
 * edit inserts a paragraph, and everything after shifts by the same amount.
 * Each passage placed with certainty tells how far its neighbourhood moved,
 * so the next one's expected position is its stored offset plus the shift
 * of the nearest passage already placed. Pure: offsets in, offsets out.
 */
export class PositionDrift {
  /** Stored starts of the passages placed so far, ascending... */
  private readonly stored: number[] = [];
  /** ...and how far each one moved. */
  private readonly shift: number[] = [];

  /** Notes that a passage stored at `storedStart` was found at `foundStart`. */
  record(storedStart: number, foundStart: number): void {
    const i = this.lowerBound(storedStart);
    if (this.stored[i] === storedStart) {
      this.shift[i] = foundStart - storedStart;
      return;
    }
    this.stored.splice(i, 0, storedStart);
    this.shift.splice(i, 0, foundStart - storedStart);
  }

  /** Where a passage stored at `storedStart` is now expected. */
  predict(storedStart: number): number {
    if (this.stored.length === 0) return storedStart;
    const i = this.lowerBound(storedStart);
    const after = this.stored[i];
    const before = this.stored[i - 1];
    const nearest =
      after === undefined ? i - 1 : before === undefined ? i : storedStart - before <= after - storedStart ? i - 1 : i;
    return storedStart + this.shift[nearest]!;
  }

  private lowerBound(value: number): number {
    let lo = 0;
    let hi = this.stored.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.stored[mid]! < value) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
