/**
 * Bylines as the names a bibliography wants. A page gives one string ("Steve
 * Wade", "Jane Doe and John Smith", "A, B & C", "Wade, Steve", "The Guardian
 * Staff"); citations need each person's family and given names, and an
 * organisation (or anything that does not look like a person's name) kept whole,
 * so that no style turns "Reuters Staff" into "Staff, R.".
 */

/** A person's name in parts, or a name to be used as written. */
export type CitationName = { family: string; given?: string; particle?: string; suffix?: string } | { literal: string };

// Lower-case words that belong to the family name ("van Gogh", "de la Cruz").
const PARTICLES = new Set([
  'van',
  'von',
  'der',
  'den',
  'de',
  'del',
  'della',
  'di',
  'da',
  'dos',
  'das',
  'du',
  'la',
  'le',
  'ten',
  'ter',
  'bin',
  'ibn',
  'al',
  'el',
  'zu',
  'af',
  'av',
]);
const SUFFIX = /^(?:jr|sr|ii|iii|iv|v)\.?$/i;
// Words that make a byline an organisation, not a person.
const ORGANISATION =
  /\b(?:inc|ltd|llc|plc|gmbh|corp|corporation|company|co|team|staff|editors?|editorial|board|desk|foundation|university|institute|association|society|press|news|media|magazine|journal|times|post|group|agency|department|ministry|council|committee|office|bureau|club|project|community|network|labs?|studio|wire|reporters?|contributors?|admin)\b/i;
const INITIAL = /^(?:\p{Lu}\.)+$|^\p{Lu}$/u;

/**
 * @param byline - the article's author as stored; null or blank gives no names
 */
export function parseAuthors(byline: string | null | undefined): CitationName[] {
  const text = (byline ?? '')
    .normalize('NFC')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^(?:written )?by:? /i, '');
  if (text === '') return [];
  const groups = text.split(/\s*(?:;|&|\band\b|\bund\b|\bet\b|\by\b)\s*/).filter((g) => g.replace(/[,\s]/g, '') !== '');
  if (groups.length === 1 && /^[^,]+,[^,]+$/.test(text)) {
    const inverted = invertedName(text);
    if (inverted) return [inverted];
  }
  const names = groups.flatMap((group) => splitOnCommas(group)).map(parseName);
  // "Procter & Gamble", "Simon & Schuster": single words joined are more likely one name than several mononyms.
  const allSingleWords = names.every((n) => 'literal' in n && !n.literal.includes(' '));
  return names.length > 1 && allSingleWords ? [{ literal: text }] : names;
}

/** "A, B, C" are three people, but "Martin Luther King, Jr." is one. */
function splitOnCommas(group: string): string[] {
  const parts = group
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  const names: string[] = [];
  for (const part of parts) {
    if (SUFFIX.test(part) && names.length > 0) names[names.length - 1] += `, ${part}`;
    else names.push(part);
  }
  return names;
}

/** "Wade, Steve" or "van Gogh, Vincent": family first, then given names. */
function invertedName(text: string): CitationName | null {
  const [left = '', right = ''] = text.split(',').map((p) => p.trim());
  const familyWords = left.split(' ');
  const givenWords = right.split(' ');
  if (SUFFIX.test(right) || familyWords.length > 3 || givenWords.length > 3) return null;
  if (![...familyWords, ...givenWords].every(isNameWord) || ORGANISATION.test(text)) return null;
  const family = familyWords.at(-1)!;
  const particle = familyWords.slice(0, -1);
  if (!particle.every((w) => PARTICLES.has(w))) return null;
  return { family, given: right, ...(particle.length > 0 && { particle: particle.join(' ') }) };
}

function isNameWord(word: string): boolean {
  return PARTICLES.has(word) || INITIAL.test(word) || /^\p{Lu}[\p{L}\p{M}'’.-]*$/u.test(word);
}

/** One name in reading order: a person when it looks like one, else literal. */
function parseName(raw: string): CitationName {
  const name = raw.replace(/^[\s"'“”‘’]+|[\s"'“”‘’]+$/g, '');
  let words = name.split(' ');
  let suffix: string | undefined;
  const comma = /^(.*), ((?:jr|sr|ii|iii|iv|v)\.?)$/i.exec(name);
  if (comma) {
    words = comma[1]!.split(' ');
    suffix = comma[2];
  } else if (words.length > 2 && SUFFIX.test(words.at(-1)!)) {
    suffix = words.pop();
  }
  const looksLikePerson =
    words.length >= 2 &&
    words.length <= 5 &&
    words.every(isNameWord) &&
    !ORGANISATION.test(name) &&
    !/[\d@/]/.test(name);
  if (!looksLikePerson) return { literal: name };
  // The family name is the last word with any particles just before it ("Ludwig van Beethoven").
  let familyStart = words.length - 1;
  while (familyStart > 0 && PARTICLES.has(words[familyStart - 1]!)) familyStart--;
  const given = words.slice(0, familyStart).join(' ');
  const particle = words.slice(familyStart, -1).join(' ');
  return {
    family: words.at(-1)!,
    ...(given && { given }),
    ...(particle && { particle }),
    ...(suffix && { suffix }),
  };
}
