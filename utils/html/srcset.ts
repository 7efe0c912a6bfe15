/**
 * `srcset` parsing and candidate choice. Image CDNs put commas inside URLs
 * (`w_300,h_200`), so a naive split on "," breaks them; this follows the HTML
 * spec's rule instead: a URL runs to the next whitespace, and only a comma
 * *after* it separates candidates.
 */

export interface SrcsetCandidate {
  url: string;
  /** The raw descriptor, e.g. "800w", "2x", or "" when absent. */
  descriptor: string;
}

/** Parses a srcset attribute value into its candidates (empty URLs dropped). */
export function parseSrcset(value: string): SrcsetCandidate[] {
  const out: SrcsetCandidate[] = [];
  let i = 0;
  const n = value.length;
  while (i < n) {
    while (i < n && /[\s,]/.test(value[i]!)) i++;
    if (i >= n) break;
    let start = i;
    while (i < n && !/\s/.test(value[i]!)) i++;
    let url = value.slice(start, i);
    let descriptor = '';
    if (url.endsWith(',')) {
      url = url.replace(/,+$/, '');
    } else {
      start = i;
      let depth = 0;
      while (i < n && (value[i] !== ',' || depth > 0)) {
        if (value[i] === '(') depth++;
        else if (value[i] === ')') depth = Math.max(0, depth - 1);
        i++;
      }
      descriptor = value.slice(start, i).trim();
    }
    if (url) out.push({ url, descriptor });
  }
  return out;
}

/** Serializes candidates back into a srcset value. */
export function serializeSrcset(candidates: SrcsetCandidate[]): string {
  return candidates.map((c) => (c.descriptor ? `${c.url} ${c.descriptor}` : c.url)).join(', ');
}

/**
 * Picks one URL for `src` from srcset candidates: the smallest width at least
 * `targetWidth` (sharp in a reading column without pulling a 4K original), else
 * the widest; with density descriptors, the highest density up to 2x.
 * @return null when there are no candidates.
 */
export function pickSrcsetUrl(candidates: SrcsetCandidate[], targetWidth = 1200): string | null {
  if (candidates.length === 0) return null;
  const widths = candidates
    .map((c) => ({ url: c.url, w: /^(\d+)w$/i.exec(c.descriptor)?.[1] }))
    .filter((c): c is { url: string; w: string } => c.w !== undefined)
    .map((c) => ({ url: c.url, w: Number(c.w) }))
    .sort((a, b) => a.w - b.w);
  if (widths.length > 0) return (widths.find((c) => c.w >= targetWidth) ?? widths[widths.length - 1]!).url;
  const densities = candidates
    .map((c) => ({ url: c.url, x: Number(/^([\d.]+)x$/i.exec(c.descriptor)?.[1] ?? (c.descriptor ? NaN : 1)) }))
    .filter((c) => Number.isFinite(c.x))
    .sort((a, b) => a.x - b.x);
  const upTo2 = densities.filter((c) => c.x <= 2);
  return (upTo2[upTo2.length - 1] ?? densities[0] ?? candidates[0]!).url;
}
