/**
 * The entry's own title: the page states it in several places (`<title>`,
 * Open Graph, JSON-LD, its headings), most of them with the site's name
 * around it ("Headline | Site", "Blog: Headline", "Headline MOONGIFT"), some
 * with only the blog's name. The title is the part of those strings that
 * the page also shows as a heading above its body; else the part left when
 * names of the site (declared names, host, text of links to the home page)
 * are taken off. Structural and language-independent.
 */
import type { PageLayout } from './page-layout';

/** The strings a page gives as its title, most trusted first. */
export interface TitleSources {
  /** Readability's title (JSON-LD name/headline, meta titles, then its cleaned `<title>`). */
  readability: string | null;
  jsonLd: string | null;
  openGraph: string | null;
  document: string | null;
}

/** What names the site rather than the entry. */
export interface SiteEvidence {
  /** Declared names (og:site_name, JSON-LD publisher and WebSite, application-name) and home-link texts. */
  names: string[];
  /** The page's host name. */
  host: string;
}

/** Letters and digits only, lower-cased: "NPR.org" → "nprorg". */
const key = (text: string): string => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
const tidy = (text: string): string =>
  text
    .replace(/\s+/g, ' ')
    .replace(/\s*[¶#§]$/u, '')
    .trim();

/** Host labels that name a site: "www.moongift.jp" → ["moongift"]; TLDs and "www" are not names. */
function hostLabels(host: string): string[] {
  const labels = host
    .toLowerCase()
    .replace(/^(?:www\d?|m|amp|mobile)\./, '')
    .split('.');
  return labels.slice(0, -1).filter((l) => l.length >= 3 && !/^(?:com|org|net|gov|edu|co)$/.test(l));
}

/** True when `text` names the site: a declared name, the host, one of its labels, or a home link's text. */
export function isSiteName(text: string, site: SiteEvidence, trailing = false): boolean {
  const k = key(text);
  if (!k) return false;
  if (site.names.some((n) => key(n) === k)) return true;
  const host = site.host.toLowerCase().replace(/^www\d?\./, '');
  if (k === key(host)) return true;
  const labels = hostLabels(host);
  if (labels.includes(k)) return true;
  // "Spektrum der Wissenschaft" on spektrum.de, "MyOOS Community Forum" on foren.myoos.de: at the end only.
  const words = text.trim().split(/\s+/);
  return trailing && words.length <= 4 && labels.includes(key(words[0]!));
}

const SEPARATOR = /\s*[|•·»«›‹]\s*|\s+[-–—~/:]\s+|\s+_\s*|(?<=\S):\s+/gu;

/** `title` cut at its separators, as the text of each segment. */
function segments(title: string): string[] {
  return title.split(SEPARATOR).map((s) => s.trim());
}

/** Every run of consecutive segments of `title`, with its own separators. */
function runs(title: string): string[] {
  const cuts = [...title.matchAll(SEPARATOR)].map((m) => [m.index, m.index + m[0].length] as const);
  const starts = [0, ...cuts.map(([, end]) => end)];
  const ends = [...cuts.map(([start]) => start), title.length];
  const out: string[] = [];
  for (let i = 0; i < starts.length; i++)
    for (let j = i; j < ends.length; j++) out.push(title.slice(starts[i], ends[j]).trim());
  return out.filter(Boolean);
}

/** `title` without the site's name at either end, with or without a separator ("Headline MOONGIFT"). */
export function stripSiteName(title: string, site: SiteEvidence): string {
  let parts = segments(tidy(title));
  while (parts.length > 1 && (!parts[parts.length - 1] || isSiteName(parts[parts.length - 1]!, site, true)))
    parts = parts.slice(0, -1);
  while (parts.length > 1 && (!parts[0] || isSiteName(parts[0], site))) parts = parts.slice(1);
  // Keep the page's own separators between the segments left.
  let text = tidy(title);
  const first = parts[0] ?? '';
  const last = parts[parts.length - 1] ?? '';
  const from = text.indexOf(first);
  const to = text.lastIndexOf(last);
  if (from >= 0 && to >= from) text = text.slice(from, to + last.length);
  for (const name of site.names) {
    const n = name.trim();
    if (n.length < 3) continue;
    const lower = text.toLowerCase();
    if (lower.endsWith(` ${n.toLowerCase()}`) && text.length - n.length > 4) text = text.slice(0, -n.length).trim();
    else if (lower.startsWith(`${n.toLowerCase()} `) && text.length - n.length > 4) text = text.slice(n.length).trim();
  }
  return text;
}

/** The chosen title and the heading that shows it on the page, if any. */
export interface ChosenTitle {
  title: string | null;
  heading: Element | null;
}

/**
 * The entry's title.
 * @param layout - headings and body start of the untouched page.
 */
export function chooseTitle(
  sources: TitleSources,
  site: SiteEvidence,
  layout: Pick<PageLayout, 'headings' | 'bodyStart' | 'offsetOf'>,
): ChosenTitle {
  const texts = [sources.readability, sources.jsonLd, sources.openGraph, sources.document]
    .map((t) => (t ? tidy(t) : ''))
    .filter(Boolean);
  const bodyAt = layout.bodyStart ? layout.offsetOf(layout.bodyStart) : Infinity;
  const above = layout.headings.filter((h) => h.offset <= bodyAt);
  // Each heading's text as shown and its key, once for all the title strings compared with them.
  const aboveShown = above.map((heading) => {
    const shown = tidy(heading.text);
    return { element: heading.element, shown, key: key(shown) };
  });
  const headingFor = (text: string): ChosenTitle | null => {
    const keys = new Set([...runs(text), stripSiteName(text, site)].map(key));
    keys.delete('');
    // The longest heading above the body that this string contains: the page shows it as the entry's title.
    let best: ChosenTitle | null = null;
    for (const heading of aboveShown) {
      const { shown } = heading;
      if (keys.has(heading.key) && !isSiteName(shown, site) && shown.length >= (best?.title?.length ?? 0))
        best = { title: shown, heading: heading.element };
    }
    return best;
  };
  const matches = texts.map(headingFor);
  // The most trusted string first: a heading it contains, else itself without the site's name,
  // unless nothing confirms it while a later string is shown as a heading (a CMS placeholder headline).
  for (const [i, text] of texts.entries()) {
    if (matches[i]) return matches[i];
    const stripped = stripSiteName(text, site);
    if (!stripped || isSiteName(stripped, site)) continue;
    const confirmed = texts.some((other, j) => j !== i && runs(other).some((r) => key(r) === key(stripped)));
    if (!confirmed && matches.some(Boolean)) continue;
    return { title: stripped, heading: layout.headings.find((h) => key(h.text) === key(stripped))?.element ?? null };
  }
  const shown = matches.find(Boolean);
  if (shown) return shown;
  // Every title string names the site (a blog's name): the entry's heading just above its body.
  const entry = above.filter((h) => !isSiteName(h.text, site)).pop();
  return { title: entry ? tidy(entry.text) : (texts[0] ?? null), heading: entry?.element ?? null };
}
