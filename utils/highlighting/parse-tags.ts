/**
 * Tags as a person types them: comma-separated, trimmed, empty ones dropped.
 * Shared by the note card and the popup.
 */
export function parseTags(input: string): string[] {
  return input
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
}
