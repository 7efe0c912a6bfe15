/**
 * The byline as names only: "ByNatasha Daly• 8 min read" →
 * "Natasha Daly", "18/03/2019 | André Mindermann" → "André Mindermann".
 * From a DOM byline, structure does most of the work (separate elements,
 * buttons, social links, `<time>`, `itemprop=name`); the text rules below
 * then drop what is not a name: dates, read times, separators, a few prefix
 * and action words.
 */

/** Words that introduce a byline ("By", "Von", "Por", "Par", ...), matched case-insensitively. */
const PREFIX = 'by|von|vom|por|par|door|przez|av|af|от|автор|di';
/** Buttons that bylines carry next to the name ("Follow"), and social networks linked from it. */
const ACTIONS = 'Unfollow|Follow|Profile|Folgen|Suivre|Seguir|Segui|Volgen|Följ|Obserwuj|Subscribe|Abonnieren|Abonner';
const ACTION_WORD = new RegExp(`^(?:${ACTIONS})$`, 'i');
const SOCIAL_WORD =
  /^(?:twitter|facebook|linkedin|instagram|mastodon|threads|bluesky|youtube|tiktok|e-?mail|mail|rss|whatsapp|telegram|xing|pinterest|reddit|github)$/i;
/** Little words left dangling when a date is cut out ("… am 21. April 2020", "… on March 3"). */
const DANGLING =
  /\s+(?:am|on|le|el|il|op|em|den|the|at|um|à|a|w|в|de|del|du|le|posted|publié|publicado|veröffentlicht|updated|aktualisiert)$/i;
const SEPARATORS = /\s*(?:[|•·»«\n]|\s[-–—/]\s)\s*/u;

/** One segment of a byline with its label and leftovers removed; '' when it names nobody. */
function cleanSegment(raw: string): string {
  let text = raw
    .trim()
    // "Recipe by", "geschrieben von", "Ein Beitrag von": a few words, then the prefix word.
    .replace(new RegExp(`^(?:[\\p{L}-]+\\s+){0,2}?(?:${PREFIX}|written by|words by)(?:\\s*:)?\\s+(?=\\S)`, 'iu'), '')
    // "Autor: …", "Text: …", "作者："
    .replace(/^[\p{L}-]+(?:\s[\p{L}-]+)?\s*[:：]\s*/u, '')
    .replace(/^[\s,;:.\-–—]+|[\s,;:\-–—]+$/gu, '');
  while (DANGLING.test(text)) text = text.replace(DANGLING, '');
  const words = text.split(/\s+/).filter((w) => !SOCIAL_WORD.test(w) && !ACTION_WORD.test(w));
  text = words.join(' ');
  if (new RegExp(`^(?:${PREFIX}|and|und|et|y|e|i|og|en|&|,)$`, 'i').test(text)) return '';
  // Read times, counts ("8 min read", "651"), and anything without a letter.
  if (/^\d/.test(text) || !/\p{L}/u.test(text)) return '';
  // A lone short lower-case word is a leftover ("on", "par"), not a name.
  if (/^\p{Ll}{1,3}$/u.test(text)) return '';
  if (/^(?:https?:|www\.)|@.*\.|[\w-]+\.[a-z]{2,}(?:\/|$)/i.test(text)) return '';
  // A label with no name after it ("Article by").
  if (new RegExp(`^(?:[\\p{L}-]+\\s+){0,2}(?:${PREFIX})$`, 'iu').test(text)) return '';
  return text;
}

/** Numeric dates and times of day: the part of date removal that needs no month names. */
function withoutNumericDates(text: string): string {
  return text
    .replace(
      /(?<![\d.])(?:\d{1,2}[-/.]\d{1,2}[-/.](?:19|20)\d{2}|(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2})(?![\d])/g,
      ' ',
    )
    .replace(/\b\d{1,2}[:.h]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?|uhr|h)?(?!\w)/giu, ' ');
}

/**
 * `value` as names only, several joined with ", "; null when nothing in it
 * is a name (only a date, a URL, a label) or when it is too long to be one.
 * @param stripDates - removes printed dates; the default knows numeric dates only
 *   (small enough for the script on every page), `withoutDates` knows month names.
 */
export function cleanByline(
  value: string | null | undefined,
  stripDates: (text: string) => string = withoutNumericDates,
): string | null {
  let text = (value ?? '').replace(/[ \t\r\f\v\u00a0]+/g, ' ').trim();
  if (!text) return null;
  text = text
    // Glued by markup without spaces: "ByNatasha Daly", "UlbrichFollowAug", "Nolan22 Dec".
    .replace(new RegExp(`^(By|Von|Por|Par)(?=\\p{Lu})`, 'u'), '')
    .replace(new RegExp(`(\\p{Ll})(${ACTIONS})(?=\\P{Ll}|$)`, 'gu'), '$1 | ')
    .replace(/(\p{Ll})(\d{1,2}(?:\.\s*|\s+)\p{L})/gu, '$1 | $2');
  const names: string[] = [];
  for (const segment of stripDates(text).split(SEPARATORS)) {
    const name = cleanSegment(segment);
    if (name && !names.includes(name)) names.push(name);
  }
  const joined = names
    .join(', ')
    .replace(/\s*,\s*(?:,\s*)+/g, ', ')
    .trim();
  return joined && joined.length <= 100 ? joined : null;
}
