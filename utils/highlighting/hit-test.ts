/**
 * Which painted highlight is under a point. Custom highlights have no elements
 * to receive clicks, so a click is matched against each highlight's boxes; with
 * overlapping highlights the newest (painted last, drawn on top) wins.
 */
export function highlightAtPoint(
  ids: readonly string[],
  rangeOf: (id: string) => Range | null,
  x: number,
  y: number,
): string | null {
  for (let i = ids.length - 1; i >= 0; i--) {
    const id = ids[i]!;
    const range = rangeOf(id);
    if (!range || range.collapsed) continue;
    for (const box of range.getClientRects()) {
      if (x >= box.left && x <= box.right && y >= box.top && y <= box.bottom) return id;
    }
  }
  return null;
}
