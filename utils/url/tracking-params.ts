/**
 * Query parameters that say how a reader arrived at a page, not which page it is.
 * Dropping them lets `normalizeUrl` give the same key to a post opened from a
 * newsletter, a tweet and the address bar. A parameter not named here is kept:
 * wrongly merging two pages would put one page's highlights on another, while
 * wrongly keeping a parameter only costs a second copy of the article.
 */

/** Dropped on every site: each is a click id or campaign tag of a known ad or mail tool. */
const ALWAYS: ReadonlySet<string> = new Set([
  // Ads: Meta, Google (click ids, iOS variants, linker), DoubleClick, Microsoft, Yandex,
  // X, TikTok, LinkedIn.
  'fbclid',
  'gclid',
  'gclsrc',
  'gbraid',
  'wbraid',
  '_ga',
  '_gl',
  'dclid',
  'msclkid',
  'yclid',
  'ysclid',
  'twclid',
  'ttclid',
  'li_fat_id',
  // Mail and marketing: Mailchimp, HubSpot, Marketo, Vero, Olytics.
  'mc_cid',
  'mc_eid',
  '_hsenc',
  '_hsmi',
  '__hstc',
  '__hssc',
  '__hsfp',
  'hsctatracking',
  'mkt_tok',
  'vero_id',
  'vero_conv',
  'oly_anon_id',
  'oly_enc_id',
  // Share links: Instagram, X's embedded-tweet referrer.
  'igshid',
  'igsh',
  'ref_src',
  'ref_url',
  // Added by AMP caches and viewers to the publisher's URL.
  'amp_js_v',
  'amp_gsa',
  'amp_tf',
  'usqp',
  'aoh',
  'ampshare',
  '__amp_source_origin',
]);

/** Campaign families matched by prefix: Google Analytics, Matomo/Piwik. */
const PREFIXES: readonly string[] = ['utm_', 'pk_', 'mtm_'];

// On code hosts `?ref=` names a branch or tag and changes the content.
const CODE_HOSTS: readonly string[] = ['github.com', 'gitlab.com', 'bitbucket.org', 'codeberg.org'];

function onHost(host: string, domain: string): boolean {
  return host === domain || host.endsWith(`.${domain}`);
}

function isX(host: string): boolean {
  return onHost(host, 'x.com') || onHost(host, 'twitter.com');
}

/**
 * Whether a query parameter is tracking or a presentation variant and should be
 * left out of an article's key.
 * @param name - parameter name as it appears in the URL (matched case-insensitively)
 * @param value - its decoded value; some rules look at the value's shape
 * @param url - the URL being normalized, after `www.` removal (host and path rules)
 */
export function isTrackingParam(name: string, value: string, url: URL): boolean {
  const key = name.toLowerCase();
  if (ALWAYS.has(key) || PREFIXES.some((p) => key.startsWith(p))) return true;
  const host = url.hostname;

  switch (key) {
    // `?ref=hn`, `?ref=dailydev`; Ghost adds `?ref=<site>` to every outbound link.
    // Everywhere but a code host it is attribution.
    case 'ref':
      return !CODE_HOSTS.some((d) => onHost(host, d));
    // Medium's `?source=rss----abc---4`, `post_page-----…`: recognizable by the dashes,
    // which also catches Medium publications on their own domains.
    case 'source':
      return onHost(host, 'medium.com') || /-{3,}/.test(value) || value.startsWith('rss');
    // Medium's friend-link key (32 hex digits): the same post, unlocked. The article
    // keeps the URL it was opened with, so the library can still open it unlocked.
    case 'sk':
      return onHost(host, 'medium.com') || /^[0-9a-f]{32}$/i.test(value);
    // Substack's referral code and share markers, also on custom domains (`/p/slug`).
    case 'r':
    case 's':
    case 'showwelcomeonshare':
    case 'triedredirect':
    case 'isfreemail':
      if (onHost(host, 'substack.com') || url.pathname.startsWith('/p/')) return true;
      return key === 's' && isX(host);
    // X's share suffix `?s=20&t=…`.
    case 't':
      return isX(host);
    // YouTube's per-share id.
    case 'si':
    case 'feature':
      return onHost(host, 'youtube.com') || host === 'youtu.be';
    // AMP variants of the same article (`?amp`, `?amp=1`, Washington Post's `outputType=amp`).
    case 'amp':
      return value === '' || value === '1' || value === 'true';
    case 'outputtype':
      return value.toLowerCase() === 'amp';
    default:
      return false;
  }
}
