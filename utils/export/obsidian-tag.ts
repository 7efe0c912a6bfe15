/**
 * Margin's tag names (lower-case, may hold spaces and punctuation: "hallway track",
 * "c++") as tags Obsidian and Logseq recognize: letters, digits, `_`, `-` and `/`
 * (Obsidian's nested tags), with at least one character that is not a digit.
 */

/**
 * @return the tag without its `#`, or '' when nothing usable is left (a tag of only
 *   punctuation or emoji)
 */
export function obsidianTag(name: string): string {
  const tag = name
    .normalize('NFC')
    .trim()
    .replace(/\s+/g, '-')
    // Programming tags would collapse into one another ("c", "c++", "c#"): spell them out.
    .replace(/\+/g, 'plus')
    .replace(/(?<=[\p{L}\p{N}])#/gu, 'sharp')
    .replace(/[^\p{L}\p{M}\p{N}_\-/]+/gu, '-')
    .replace(/-{2,}/g, '-')
    .replace(/\/{2,}/g, '/')
    .replace(/^[-/]+|[-/]+$/g, '');
  // `#2024` is not a tag in Obsidian; `#_2024` is.
  return /^[\p{N}/]+$/u.test(tag) ? `_${tag}` : tag;
}

/** Tags as Obsidian tag names, unusable ones dropped, duplicates removed (first kept). */
export function obsidianTags(names: readonly string[]): string[] {
  return [...new Set(names.map(obsidianTag).filter((t) => t !== ''))];
}

/** Tags written inline: `#hallway-track #kubecon`, or '' for none. */
export function hashtags(names: readonly string[]): string {
  return obsidianTags(names)
    .map((t) => `#${t}`)
    .join(' ');
}
