/**
 * Tags as the side panel's one text field holds them: comma-separated, spaces
 * around each trimmed, empty and repeated ones dropped (the database normalizes
 * case and spelling further, `normalizeTagName`).
 */

/** @return the tags typed in `input`, in the order typed, each once */
export function parseTagInput(input: string): string[] {
  const seen = new Set<string>();
  const tags: string[] = [];
  for (const raw of input.split(',')) {
    const tag = raw.trim();
    if (!tag || seen.has(tag.toLowerCase())) continue;
    seen.add(tag.toLowerCase());
    tags.push(tag);
  }
  return tags;
}

/** The field's text for a highlight's tags. */
export function formatTagInput(tags: readonly string[]): string {
  return tags.join(', ');
}

/** Whether two tag lists are the same list (so an unchanged field writes nothing). */
export function sameTags(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((t, i) => t === b[i]);
}
