/**
 * Embedded third-party content (videos, tweets, gists, maps, players). A reader
 * view runs no third-party code and its sanitizer allows no frames, so each
 * allow-listed embed becomes a plain link to the original; everything else
 * embedded is dropped. Tweets and similar `<blockquote>` embeds already carry
 * their text and a link as a no-script fallback, so they are kept as quotes.
 */
import { absoluteUrl, byTag, closestTag, descendants } from './dom-helpers';

interface Provider {
  /** Matches the embed's URL. */
  pattern: RegExp;
  /** What the link says it leads to, e.g. "YouTube video". */
  label: string;
  /** The page to link to instead of the player URL. */
  canonical?: (url: URL) => string | null;
}

const PROVIDERS: Provider[] = [
  {
    pattern: /^https?:\/\/(?:www\.)?(?:youtube(?:-nocookie)?\.com|youtu\.be)\//i,
    label: 'YouTube video',
    canonical: (u) => {
      // A playlist player ("/embed/videoseries?list=…") links to the playlist, not to a video named "videoseries".
      const list = u.searchParams.get('list');
      if (list && /^\/embed\/?(?:videoseries)?$/.test(u.pathname))
        return `https://www.youtube.com/playlist?list=${encodeURIComponent(list)}`;
      const id = /\/embed\/([\w-]{6,})/.exec(u.pathname)?.[1];
      if (!id) return null;
      const start = u.searchParams.get('start');
      return `https://www.youtube.com/watch?v=${id}${start ? `&t=${encodeURIComponent(start)}s` : ''}`;
    },
  },
  {
    pattern: /^https?:\/\/(?:player\.)?vimeo\.com\//i,
    label: 'Vimeo video',
    canonical: (u) => {
      const id = /\/video\/(\d+)/.exec(u.pathname)?.[1];
      return id ? `https://vimeo.com/${id}` : null;
    },
  },
  {
    pattern: /^https?:\/\/(?:www\.)?(?:dailymotion\.com|dai\.ly)\//i,
    label: 'Dailymotion video',
    canonical: (u) => {
      const id = /\/embed\/video\/(\w+)/.exec(u.pathname)?.[1];
      return id ? `https://www.dailymotion.com/video/${id}` : null;
    },
  },
  {
    pattern: /^https?:\/\/(?:platform\.)?twitter\.com\/|^https?:\/\/(?:www\.)?x\.com\//i,
    label: 'Post on X (Twitter)',
    canonical: (u) => {
      const id = u.searchParams.get('id');
      return id && /^\d+$/.test(id) ? `https://twitter.com/i/status/${id}` : null;
    },
  },
  {
    pattern: /^https?:\/\/open\.spotify\.com\//i,
    label: 'Spotify',
    canonical: (u) =>
      u.pathname.startsWith('/embed/') ? `https://open.spotify.com/${u.pathname.slice('/embed/'.length)}` : null,
  },
  { pattern: /^https?:\/\/(?:www\.)?(?:player\.)?twitch\.tv\//i, label: 'Twitch stream' },
  { pattern: /^https?:\/\/(?:w\.)?soundcloud\.com\//i, label: 'SoundCloud audio' },
  { pattern: /^https?:\/\/(?:[\w-]+\.)?bandcamp\.com\//i, label: 'Bandcamp audio' },
  { pattern: /^https?:\/\/(?:www\.)?instagram\.com\//i, label: 'Instagram post' },
  {
    // Posts and videos only: like, share and follow buttons are plugins too, and link to nothing worth reading.
    pattern: /^https?:\/\/(?:www\.)?facebook\.com\/plugins\/(?:post|video)\.php/i,
    label: 'Facebook post',
    canonical: (u) => {
      const href = u.searchParams.get('href');
      return href && /^https?:\/\//i.test(href) ? href : null;
    },
  },
  { pattern: /^https?:\/\/(?:www\.)?tiktok\.com\//i, label: 'TikTok video' },
  { pattern: /^https?:\/\/(?:embed\.)?ted\.com\//i, label: 'TED talk' },
  { pattern: /^https?:\/\/(?:www\.|player\.)?bilibili\.com\//i, label: 'Bilibili video' },
  { pattern: /^https?:\/\/(?:www\.)?loom\.com\//i, label: 'Loom video' },
  {
    pattern: /^https?:\/\/(?:www\.)?(?:archive\.org|upload\.wikimedia\.org)\//i,
    label: 'Media on the Internet Archive / Wikimedia',
  },
  {
    pattern: /^https?:\/\/codepen\.io\//i,
    label: 'CodePen',
    canonical: (u) => `https://codepen.io${u.pathname.replace('/embed/', '/pen/')}`,
  },
  {
    pattern: /^https?:\/\/(?:codesandbox\.io|jsfiddle\.net|(?:www\.)?glitch\.com|stackblitz\.com)\//i,
    label: 'Code example',
  },
  {
    pattern: /^https?:\/\/gist\.github\.com\//i,
    label: 'GitHub gist',
    canonical: (u) => `https://gist.github.com${u.pathname.replace(/\.js(?:on)?$/, '')}`,
  },
  { pattern: /^https?:\/\/(?:www\.|maps\.)?google\.[a-z.]+\/maps/i, label: 'Map' },
  {
    pattern: /^https?:\/\/(?:datawrapper\.dwcdn\.net|flo\.uri\.sh|public\.flourish\.studio)\//i,
    label: 'Interactive chart',
  },
  { pattern: /^https?:\/\/(?:www\.)?(?:slideshare\.net|speakerdeck\.com)\//i, label: 'Slides' },
];

/**
 * Passed to Readability as `allowedVideoRegex`, so it keeps the frames we turn
 * into links instead of deleting them (it drops other iframes itself).
 */
export const EMBED_URL_PATTERN =
  /\/\/(?:[\w-]+\.)*(?:youtube(?:-nocookie)?\.com|youtu\.be|vimeo\.com|dailymotion\.com|dai\.ly|twitter\.com|x\.com|spotify\.com|twitch\.tv|soundcloud\.com|bandcamp\.com|instagram\.com|facebook\.com\/plugins|tiktok\.com|ted\.com|bilibili\.com|loom\.com|archive\.org|wikimedia\.org|codepen\.io|codesandbox\.io|jsfiddle\.net|glitch\.com|stackblitz\.com|gist\.github\.com|google\.[a-z.]+\/maps|dwcdn\.net|flo\.uri\.sh|flourish\.studio|slideshare\.net|speakerdeck\.com|v\.qq\.com)/i;

/**
 * Video and audio players: content even inside a box whose class says
 * "social" or "share" (a `social-media-container` around a YouTube video).
 */
export const PLAYER_URL_PATTERN =
  /\/\/(?:[\w-]+\.)*(?:youtube(?:-nocookie)?\.com|youtu\.be|vimeo\.com|dailymotion\.com|dai\.ly|spotify\.com|twitch\.tv|soundcloud\.com|bandcamp\.com|ted\.com|bilibili\.com|loom\.com|v\.qq\.com)\//i;

/** True when `el` holds the frame of a video or audio player. */
export function holdsPlayer(el: Element): boolean {
  return byTag(el, 'iframe').some((frame) => PLAYER_URL_PATTERN.test(frame.getAttribute('src') ?? ''));
}

/** Attribute values that are not a real frame address (lazy loaders put the real one in a data attribute). */
const PLACEHOLDER_SRC = /^(?:$|about:blank|data:|javascript:)/i;

function providerFor(url: string): Provider | null {
  return PROVIDERS.find((p) => p.pattern.test(url)) ?? null;
}

/** A `<p><a>` pointing at the embedded content, or null for unknown providers. */
function linkFor(doc: Document, rawUrl: string, baseUrl: string, title: string | null): Element | null {
  const url = absoluteUrl(rawUrl.startsWith('//') ? `https:${rawUrl}` : rawUrl, baseUrl);
  if (!url || !/^https?:/i.test(url)) return null;
  const provider = providerFor(url);
  if (!provider) return null;
  let href = url;
  try {
    href = provider.canonical?.(new URL(url)) ?? url;
  } catch {
    // keep the player URL
  }
  const cleanTitle = title?.replace(/\s+/g, ' ').trim();
  const generic =
    !cleanTitle ||
    /^(?:youtube|vimeo)?\s*(?:video|embed(?:ded)?|player|iframe|content)?\s*(?:player)?$/i.test(cleanTitle);
  const p = doc.createElement('p');
  const a = doc.createElement('a');
  a.setAttribute('href', href);
  // The URL is in the href; the text says what the link opens, and its title when the page gave one.
  a.textContent = generic ? provider.label : `${provider.label}: ${cleanTitle}`;
  p.appendChild(a);
  return p;
}

/**
 * An inert `<iframe>` standing in for a script-rendered embed until
 * `embedsToLinks` turns it into a link. Readability keeps frames whose URL
 * matches EMBED_URL_PATTERN, whereas it would delete a bare link-only box
 * (link density). The document is a disposable copy: nothing loads.
 */
function standInFrame(doc: Document, src: string): Element {
  const frame = doc.createElement('iframe');
  frame.setAttribute('src', src);
  return frame;
}

/** Facade elements → the player address of their video id. */
const LITE_PLAYERS: [string, (id: string) => string][] = [
  ['lite-youtube', (id) => `https://www.youtube.com/embed/${id}`],
  ['lite-vimeo', (id) => `https://player.vimeo.com/video/${id}`],
];

/**
 * Before Readability: gives lazy iframes their `src`, and replaces
 * script-rendered embeds (gists, Facebook posts) and facade players
 * (`<lite-youtube>`), which Readability would delete as empty, by stand-in
 * frames.
 */
export function prepareEmbeds(doc: Document, baseUrl: string): void {
  for (const frame of byTag(doc, 'iframe')) {
    const src = frame.getAttribute('src')?.trim() ?? '';
    if (!PLACEHOLDER_SRC.test(src) && EMBED_URL_PATTERN.test(src)) continue;
    // Lazy loaders keep the address in a data attribute whose name varies (data-src, data-lazy-src,
    // data-original, data-url…): take the one that is an embed address, whatever its name.
    const lazy = frame.getAttribute('data-src') ?? frame.getAttribute('data-lazy-src');
    const named = Array.from(frame.attributes).find(
      (a) => a.name.startsWith('data-') && EMBED_URL_PATTERN.test(a.value.trim()),
    )?.value;
    const real = (named ?? (PLACEHOLDER_SRC.test(src) ? lazy : null))?.trim();
    if (real) frame.setAttribute('src', real);
  }
  // Facade players (lite-youtube-embed and its kin) are custom elements that only become a frame when clicked.
  for (const [tag, player] of LITE_PLAYERS) {
    for (const el of byTag(doc, tag)) {
      const id = el.getAttribute('videoid');
      if (!id || !/^[\w-]+$/.test(id)) continue;
      const frame = standInFrame(doc, player(id));
      const title = el.getAttribute('playlabel') ?? el.getAttribute('title');
      if (title) frame.setAttribute('title', title.replace(/^play:\s*/i, ''));
      el.replaceWith(frame);
    }
  }
  const scripts = byTag(doc, 'script');
  for (const script of scripts) {
    const src = script.getAttribute('src');
    if (!src?.includes('gist.github.com/')) continue;
    const url = absoluteUrl(src.replace(/\.js(?:on)?(?=$|\?)/, ''), baseUrl);
    if (url) script.replaceWith(standInFrame(doc, url));
  }
  // Facebook embeds are found by class, a whole-document search: only worth it when the page loads their SDK.
  if (!scripts.some((s) => /connect\.facebook\.net/.test(s.getAttribute('src') ?? ''))) return;
  const facebookPosts = [
    ...Array.from(doc.getElementsByClassName('fb-post')),
    ...Array.from(doc.getElementsByClassName('fb-video')),
  ];
  for (const post of facebookPosts) {
    const url = absoluteUrl(post.getAttribute('data-href') ?? '', baseUrl);
    if (!url || !/^https?:/i.test(url)) continue;
    post.replaceWith(standInFrame(doc, `https://www.facebook.com/plugins/post.php?href=${encodeURIComponent(url)}`));
  }
}

const EMBED_TAGS = new Set(['IFRAME', 'EMBED', 'OBJECT']);
const INLINE_OR_PARAGRAPH = new Set([
  'P',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'A',
  'SPAN',
  'EM',
  'STRONG',
  'B',
  'I',
  'LABEL',
  'BUTTON',
]);

/**
 * After Readability, on the article: replaces every iframe/embed/object by a
 * link when its provider is allow-listed, and removes it otherwise.
 */
export function embedsToLinks(root: Element, baseUrl: string): void {
  const doc = root.ownerDocument;
  for (const el of descendants(root).filter((node) => EMBED_TAGS.has(node.tagName))) {
    if (!root.contains(el)) continue;
    const url =
      el.getAttribute('src') ?? el.getAttribute('data') ?? el.querySelector('embed')?.getAttribute('src') ?? '';
    const link = url ? linkFor(doc, url, baseUrl, el.getAttribute('title') ?? el.getAttribute('aria-label')) : null;
    if (!link) {
      el.remove();
      continue;
    }
    // A <p> inside a <p> would be split apart when the HTML is parsed again.
    const inline = closestTag(el.parentElement, INLINE_OR_PARAGRAPH);
    el.replaceWith(inline ? link.firstChild! : link);
  }
}
