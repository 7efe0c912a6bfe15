/**
 * Dates as pages print them, in any language: numeric forms (18/03/2019,
 * 2019-03-18, 18.03.2019, 2019年3月18日) and month names. The month names are
 * data, one row per language, so a new language is one more row.
 */

/** Month names per language, January first; genitive and common abbreviated forms included. */
const MONTHS: readonly (readonly string[])[] = [
  // English
  [
    'january jan',
    'february feb',
    'march mar',
    'april apr',
    'may',
    'june jun',
    'july jul',
    'august aug',
    'september sep sept',
    'october oct',
    'november nov',
    'december dec',
  ],
  // German
  [
    'januar jänner jan',
    'februar feber feb',
    'märz mär mrz',
    'april apr',
    'mai',
    'juni jun',
    'juli jul',
    'august aug',
    'september sep sept',
    'oktober okt',
    'november nov',
    'dezember dez',
  ],
  // French
  [
    'janvier janv',
    'février fevrier févr fevr',
    'mars',
    'avril avr',
    'mai',
    'juin',
    'juillet juil',
    'août aout',
    'septembre sept',
    'octobre oct',
    'novembre nov',
    'décembre decembre déc dec',
  ],
  // Spanish
  [
    'enero ene',
    'febrero feb',
    'marzo mar',
    'abril abr',
    'mayo may',
    'junio jun',
    'julio jul',
    'agosto ago',
    'septiembre setiembre sep sept',
    'octubre oct',
    'noviembre nov',
    'diciembre dic',
  ],
  // Italian
  [
    'gennaio gen',
    'febbraio feb',
    'marzo mar',
    'aprile apr',
    'maggio mag',
    'giugno giu',
    'luglio lug',
    'agosto ago',
    'settembre set',
    'ottobre ott',
    'novembre nov',
    'dicembre dic',
  ],
  // Portuguese
  [
    'janeiro jan',
    'fevereiro fev',
    'março marco mar',
    'abril abr',
    'maio mai',
    'junho jun',
    'julho jul',
    'agosto ago',
    'setembro set',
    'outubro out',
    'novembro nov',
    'dezembro dez',
  ],
  // Dutch
  [
    'januari jan',
    'februari feb',
    'maart mrt',
    'april apr',
    'mei',
    'juni jun',
    'juli jul',
    'augustus aug',
    'september sep',
    'oktober okt',
    'november nov',
    'december dec',
  ],
  // Swedish, Danish, Norwegian
  [
    'januari januar jan',
    'februari februar feb',
    'mars marts',
    'april apr',
    'maj mai',
    'juni jun',
    'juli jul',
    'augusti august aug',
    'september sep',
    'oktober okt',
    'november nov',
    'december desember dec des',
  ],
  // Polish (nominative and genitive)
  [
    'styczeń stycznia sty',
    'luty lutego lut',
    'marzec marca',
    'kwiecień kwietnia kwi',
    'maj maja',
    'czerwiec czerwca',
    'lipiec lipca lip',
    'sierpień sierpnia sie',
    'wrzesień września wrz',
    'październik października paź',
    'listopad listopada lis',
    'grudzień grudnia gru',
  ],
  // Czech (genitive)
  [
    'ledna leden',
    'února únor',
    'března březen',
    'dubna duben',
    'května květen',
    'června červen',
    'července červenec',
    'srpna srpen',
    'září',
    'října říjen',
    'listopadu',
    'prosince prosinec',
  ],
  // Russian (genitive, nominative, abbreviated)
  [
    'января январь янв',
    'февраля февраль фев',
    'марта март',
    'апреля апрель апр',
    'мая май',
    'июня июнь июн',
    'июля июль июл',
    'августа август авг',
    'сентября сентябрь сен',
    'октября октябрь окт',
    'ноября ноябрь ноя',
    'декабря декабрь дек',
  ],
  // Ukrainian (genitive)
  [
    'січня',
    'лютого',
    'березня',
    'квітня',
    'травня',
    'червня',
    'липня',
    'серпня',
    'вересня',
    'жовтня',
    'листопада',
    'грудня',
  ],
  // Turkish
  ['ocak', 'şubat', 'mart', 'nisan', 'mayıs', 'haziran', 'temmuz', 'ağustos', 'eylül', 'ekim', 'kasım', 'aralık'],
  // Romanian, Indonesian, Hungarian, Finnish (partitive)
  [
    'ianuarie',
    'februarie',
    'martie',
    'aprilie',
    'mai',
    'iunie',
    'iulie',
    'august',
    'septembrie',
    'octombrie',
    'noiembrie',
    'decembrie',
  ],
  [
    'januari',
    'februari',
    'maret',
    'april',
    'mei',
    'juni',
    'juli',
    'agustus',
    'september',
    'oktober',
    'november',
    'desember',
  ],
  [
    'január',
    'február',
    'március',
    'április',
    'május',
    'június',
    'július',
    'augusztus',
    'szeptember',
    'október',
    'november',
    'december',
  ],
  [
    'tammikuuta',
    'helmikuuta',
    'maaliskuuta',
    'huhtikuuta',
    'toukokuuta',
    'kesäkuuta',
    'heinäkuuta',
    'elokuuta',
    'syyskuuta',
    'lokakuuta',
    'marraskuuta',
    'joulukuuta',
  ],
];

/** Lower-cased month name → month number (1–12). No name means two different months across rows. */
const MONTH_BY_NAME: ReadonlyMap<string, number> = /* @__PURE__ */ (() => {
  const map = new Map<string, number>();
  for (const row of MONTHS)
    row.forEach((names, i) => {
      for (const name of names.split(' ')) map.set(name, i + 1);
    });
  return map;
})();

const WORD = '\\p{L}+\\.?';
const DAY = '(\\d{1,2})(?:\\.|st|nd|rd|th|er|º|°)?';
const YEAR = '((?:19|20)\\d{2})';
/** "18 March 2019", "18. März 2019", "18 de marzo de 2019", "18 марта 2019 г." */
const DAY_MONTH_YEAR = new RegExp(
  `(?<![\\p{L}\\d])${DAY}\\s*(?:de\\s+)?(${WORD})\\s*,?\\s*(?:de\\s+|del\\s+)?${YEAR}(?!\\d)`,
  'iu',
);
/** "March 18, 2019", "Aug 8, 2016" */
const MONTH_DAY_YEAR = new RegExp(`(?<![\\p{L}\\d])(${WORD})\\s+${DAY},?\\s+${YEAR}(?!\\d)`, 'iu');
/** "2019. március 18." (Hungarian) */
const YEAR_MONTH_DAY = new RegExp(`(?<!\\d)${YEAR}\\.?\\s+(${WORD})\\s+(\\d{1,2})\\.?(?!\\d)`, 'iu');
/** 2019-03-18, 2019/03/18, 2019.03.18, 2019年3月18日, 2019년 3월 18일 */
const NUMERIC_YMD =
  /(?<!\d)((?:19|20)\d{2})\s*(?:[-/.]|年|년)\s*(\d{1,2})\s*(?:[-/.]|月|월)\s*(\d{1,2})(?:\s*[日일])?(?!\d)/u;
/** 18/03/2019, 18.03.2019, 18-03-2019, 3/18/2019 */
const NUMERIC_DMY = /(?<![\d.])(\d{1,2})\s*([-/.])\s*(\d{1,2})\s*\2\s*((?:19|20)\d{2})(?!\d)/;

const pad = (n: number): string => String(n).padStart(2, '0');

function isoDay(year: number, month: number, day: number, now: Date): string | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCDate() !== day || year < 1990 || date.getTime() > now.getTime() + 86_400_000 * 366) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

function monthNumber(word: string): number | null {
  return MONTH_BY_NAME.get(word.toLowerCase().replace(/\.$/, '')) ?? null;
}

/** Matches of one pattern, each with its position, as an ISO day. */
interface Found {
  index: number;
  length: number;
  iso: string;
}

/** Every date `text` prints, earliest in the text first. */
export function findVisibleDates(text: string, lang?: string | null, now = new Date()): Found[] {
  const found: Found[] = [];
  const scan = (re: RegExp, toIso: (m: RegExpExecArray) => string | null): void => {
    const global = new RegExp(re.source, `${re.flags}g`);
    for (let m = global.exec(text); m; m = global.exec(text)) {
      const iso = toIso(m);
      if (iso) found.push({ index: m.index, length: m[0].length, iso });
    }
  };
  scan(NUMERIC_YMD, (m) => isoDay(+m[1]!, +m[2]!, +m[3]!, now));
  scan(NUMERIC_DMY, (m) => {
    const [a, b, year] = [+m[1]!, +m[3]!, +m[4]!];
    // Month first only where it must be (day > 12) or in US English, where it is the custom.
    const monthFirst = b > 12 || (a <= 12 && /^en(?:-US)?$/i.test(lang ?? '') && m[2] === '/');
    return monthFirst ? isoDay(year, a, b, now) : isoDay(year, b, a, now);
  });
  scan(DAY_MONTH_YEAR, (m) => {
    const month = monthNumber(m[2]!);
    return month ? isoDay(+m[3]!, month, +m[1]!, now) : null;
  });
  scan(MONTH_DAY_YEAR, (m) => {
    const month = monthNumber(m[1]!);
    return month ? isoDay(+m[3]!, month, +m[2]!, now) : null;
  });
  scan(YEAR_MONTH_DAY, (m) => {
    const month = monthNumber(m[2]!);
    return month ? isoDay(+m[1]!, month, +m[3]!, now) : null;
  });
  return found.sort((x, y) => x.index - y.index);
}

/** The first date `text` prints, as an ISO day ("2019-03-18"), or null. */
export function parseVisibleDate(text: string, lang?: string | null, now = new Date()): string | null {
  return findVisibleDates(text, lang, now)[0]?.iso ?? null;
}

/** `text` with every printed date and time of day removed. */
export function withoutDates(text: string): string {
  let out = text;
  for (const date of findVisibleDates(text).reverse())
    out = `${out.slice(0, date.index)} ${out.slice(date.index + date.length)}`;
  return out.replace(/\b\d{1,2}[:.h]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?|uhr|h)?(?!\w)/giu, ' ');
}
