/**
 * Small edit-distance (Levenshtein) helpers for scoring candidate matches:
 * how far the text found is from the stored quote, and how well the text on
 * either side of it agrees with the stored prefix and suffix. Pure string code.
 */

/**
 * Edit distance between `a` and `b`, computed inside a diagonal band of
 * width `max` (Ukkonen), so the cost is O(min(|a|,|b|) · max).
 * @return the distance, or `max + 1` when it exceeds `max`
 */
export function boundedDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a === b) return 0;
  const n = b.length;
  const over = max + 1;
  let prev = new Int32Array(n + 1);
  let curr = new Int32Array(n + 1);
  for (let j = 0; j <= n; j++) prev[j] = j <= max ? j : over;
  for (let i = 1; i <= a.length; i++) {
    const lo = Math.max(1, i - max);
    const hi = Math.min(n, i + max);
    curr[0] = i <= max ? i : over;
    if (lo > 1) curr[lo - 1] = over;
    const ca = a.charCodeAt(i - 1);
    let rowMin = curr[0]!;
    for (let j = lo; j <= hi; j++) {
      const sub = prev[j - 1]! + (ca === b.charCodeAt(j - 1) ? 0 : 1);
      const del = prev[j]! + 1;
      const ins = curr[j - 1]! + 1;
      const d = Math.min(sub, del, ins, over);
      curr[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (hi < n) curr[hi + 1] = over;
    if (rowMin > max) return over;
    [prev, curr] = [curr, prev];
  }
  return Math.min(prev[n]!, over);
}

/**
 * Edit distances between `expected` and every stretch of text that touches
 * `at` on one side: for `direction` 1 the text starting at `at`, for -1 the
 * text ending at `at`, of each length from 0 to `reach` (fewer if the text
 * ends first). One dynamic-programming pass, O(|expected| · reach).
 * @return `costs[length]` = edits between `expected` and that stretch
 */
export function alignmentCosts(
  expected: string,
  text: string,
  at: number,
  direction: 1 | -1,
  reach: number,
): Int32Array {
  const m = expected.length;
  const limit = Math.max(0, direction === 1 ? Math.min(text.length - at, reach) : Math.min(at, reach));
  const costs = new Int32Array(limit + 1);
  // Columns walk away from `at`; rows walk `expected` from the end that touches `at`.
  let prev = new Int32Array(m + 1);
  let curr = new Int32Array(m + 1);
  for (let i = 0; i <= m; i++) prev[i] = i; // against zero text characters
  costs[0] = m;
  for (let j = 0; j < limit; j++) {
    curr[0] = j + 1;
    const ct = direction === 1 ? text.charCodeAt(at + j) : text.charCodeAt(at - 1 - j);
    for (let i = 1; i <= m; i++) {
      const cp = direction === 1 ? expected.charCodeAt(i - 1) : expected.charCodeAt(m - i);
      const sub = prev[i - 1]! + (cp === ct ? 0 : 1);
      curr[i] = Math.min(sub, prev[i]! + 1, curr[i - 1]! + 1);
    }
    costs[j + 1] = curr[m]!;
    [prev, curr] = [curr, prev];
  }
  return costs;
}

/**
 * How far `expected` is from the text that touches `at` on one side (see
 * `alignmentCosts`), its far end free: the best alignment against any
 * stretch up to `reach` characters long (by default twice its length).
 * @return `errors` between 0 and `expected.length`, and the `length` of the
 *         stretch of text that aligns best (the shortest among equals)
 */
export function anchoredAlignment(
  expected: string,
  text: string,
  at: number,
  direction: 1 | -1,
  reach = 2 * expected.length,
): { errors: number; length: number } {
  if (expected.length === 0) return { errors: 0, length: 0 };
  const costs = alignmentCosts(expected, text, at, direction, reach);
  let length = 0;
  for (let j = 1; j < costs.length; j++) if (costs[j]! < costs[length]!) length = j;
  return { errors: costs[length]!, length };
}

/** `anchoredAlignment(...).errors`: how far a stored prefix or suffix is from the text at `at`. */
export function anchoredDistance(expected: string, text: string, at: number, direction: 1 | -1): number {
  return anchoredAlignment(expected, text, at, direction).errors;
}

/**
 * In how many separate places `b` differs from `a`, word by word (words are
 * split at spaces, as in normalized text): the runs of words left over by
 * their longest common subsequence, either side. A word replaced, inserted
 * or deleted is one place, and so are a few consecutive ones.
 * O(words(a) · words(b)).
 */
export function changedPlaces(a: string, b: string): number {
  const x = a.split(' ');
  const y = b.split(' ');
  const n = x.length;
  const w = y.length + 1;
  // common[i * w + j]: length of the longest common subsequence of x[i..] and y[j..].
  const common = new Int32Array((n + 1) * w);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = w - 2; j >= 0; j--) {
      common[i * w + j] =
        x[i] === y[j] ? common[(i + 1) * w + j + 1]! + 1 : Math.max(common[(i + 1) * w + j]!, common[i * w + j + 1]!);
    }
  }
  let places = 0;
  let changing = false;
  for (let i = 0, j = 0; i < n || j < w - 1; ) {
    if (i < n && j < w - 1 && x[i] === y[j] && common[i * w + j] === common[(i + 1) * w + j + 1]! + 1) {
      i++, j++, (changing = false);
      continue;
    }
    if (!changing) places++;
    changing = true;
    if (j === w - 1 || (i < n && common[(i + 1) * w + j]! >= common[i * w + j + 1]!)) i++;
    else j++;
  }
  return places;
}
