/**
 * Which Chinese, Japanese or Korean text the reader shows, so its styles can keep that
 * text upright: browsers fake an italic for CJK fonts (they have none) by slanting the
 * glyphs, which reads as broken. A page's `lang` says which language it is in; when it
 * is missing, or says English on a page written in Japanese (a theme's default), the
 * script itself tells: kana is Japanese, hangul Korean, Han alone Chinese.
 */

export type CjkLanguage = 'zh' | 'ja' | 'ko';

const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/gu;
const KANA = /[\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9f]/gu;
const HANGUL = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]/gu;
const LETTER = /\p{L}/gu;

/** Enough characters to tell a language; the first 2,000 of an article are plenty. */
const SAMPLE = 2000;

const count = (text: string, re: RegExp) => text.match(re)?.length ?? 0;

/**
 * The CJK language `text` is mostly written in.
 * @return null when fewer than a third of its letters are Han, kana or hangul
 */
export function cjkLanguageOfText(text: string): CjkLanguage | null {
  const sample = text.slice(0, SAMPLE);
  const han = count(sample, HAN);
  const kana = count(sample, KANA);
  const hangul = count(sample, HANGUL);
  const cjk = han + kana + hangul;
  if (cjk === 0 || cjk * 3 < count(sample, LETTER)) return null;
  if (hangul > han + kana) return 'ko';
  // Japanese prose is seldom under a tenth kana; Chinese has none.
  if (kana * 10 >= cjk) return 'ja';
  return 'zh';
}

/** Whether a BCP 47 tag names Chinese, Japanese or Korean (`zh-Hant-TW`, `ja`, `ko-KR`…). */
export function isCjkLang(lang: string | null | undefined): boolean {
  return /^(?:zh|ja|ko|yue|cmn|wuu|hak|nan)(?:-|$)/i.test(lang?.trim() ?? '');
}

/**
 * The language to put on the reader's article.
 * @param declared - the page's `lang`, or null
 * @param text - the article's plain text
 * @return the declared language, unless the text is plainly CJK and the page says otherwise
 */
export function readerLanguage(declared: string | null, text: string): string | null {
  if (isCjkLang(declared)) return declared;
  return cjkLanguageOfText(text) ?? declared;
}

/** Elements a browser sets in italic by default, and quotes the reader sets in italic. */
const SLANTED = 'blockquote, q, em, i, cite, dfn, var, address';

/**
 * Gives a CJK `lang` to each italic-by-default element in `root` whose text is CJK but
 * whose inherited language is not (a Japanese quote in an English post), so the reader's
 * `:lang()` rules keep it upright. Changes attributes only, never text.
 * @return how many elements were marked
 */
export function markCjkRuns(root: Element): number {
  let marked = 0;
  for (const el of root.querySelectorAll(SLANTED)) {
    const inherited = el.closest('[lang]')?.getAttribute('lang') ?? null;
    if (isCjkLang(inherited)) continue;
    const lang = cjkLanguageOfText(el.textContent ?? '');
    if (lang) {
      el.setAttribute('lang', lang);
      marked++;
    }
  }
  return marked;
}
