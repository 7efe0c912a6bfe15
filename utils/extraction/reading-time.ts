/**
 * Reading-time estimate. Rule: 238 words per minute (the mean silent reading
 * speed for English non-fiction, Brysbaert 2019) for space-separated scripts;
 * Chinese and Japanese do not separate words, so each Han/kana character counts
 * as 238/500 of a word, i.e. about 500 characters a minute (reported CJK
 * reading speeds are 350–600 characters a minute). Korean separates words with
 * spaces and is counted as words. Rounded up, at least 1 minute.
 */

export const WORDS_PER_MINUTE = 238;
export const CJK_CHARACTERS_PER_MINUTE = 500;

const CJK_CHARACTER = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu;
const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}'’_-]*/gu;

/**
 * Minutes needed to read `text`.
 * @return an integer ≥ 1.
 */
export function readingMinutes(text: string): number {
  const cjk = text.match(CJK_CHARACTER)?.length ?? 0;
  const words = (text.replace(CJK_CHARACTER, ' ').match(WORD) ?? []).length;
  const minutes = words / WORDS_PER_MINUTE + cjk / CJK_CHARACTERS_PER_MINUTE;
  return Math.max(1, Math.ceil(minutes));
}
