/**
 * The one place article HTML is made safe for the reader view. DOMPurify does
 * the parsing and the removal of anything executable; the configuration below
 * narrows it to reading content: no forms, frames, styles, no SVG (icons and
 * charts drawn for the page; a script vector), presentation MathML only, and
 * URLs limited by `url-policy.ts`.
 *
 * DOMPurify must be built from a real DOM: in the extension, the page's
 * `window`; in Node, a jsdom window (see `utils/extraction/node-dom.ts`).
 * Other Node DOMs do not work: over linkedom DOMPurify reports
 * `isSupported === false` and returns its input unchanged; over happy-dom it
 * returned "" for a plain image. We therefore refuse to run when unsupported.
 */
import DOMPurify, { type Config, type DOMPurify as Purifier, type WindowLike } from 'dompurify';
import { descendants } from '@/utils/html/element-walk';
import { parseSrcset, serializeSrcset } from '@/utils/html/srcset';
import { safeUrl } from './url-policy';

/** Elements an article may contain; anything else is removed (its text kept unless listed below). */
const ALLOWED_TAGS = [
  'a',
  'abbr',
  'address',
  'article',
  'aside',
  'audio',
  'b',
  'bdi',
  'bdo',
  'blockquote',
  'br',
  'caption',
  'cite',
  'code',
  'col',
  'colgroup',
  'dd',
  'del',
  'details',
  'dfn',
  'div',
  'dl',
  'dt',
  'em',
  'figcaption',
  'figure',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'i',
  'img',
  'ins',
  'kbd',
  'li',
  'main',
  'mark',
  'ol',
  'p',
  'picture',
  'pre',
  'q',
  'rp',
  'rt',
  'ruby',
  's',
  'samp',
  'section',
  'small',
  'source',
  'span',
  'strong',
  'sub',
  'summary',
  'sup',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'time',
  'tr',
  'u',
  'ul',
  'var',
  'video',
  'wbr',
];

/**
 * Presentation MathML, which browsers render natively (formulas are content:
 * Wikipedia, papers, MathJax pages). DOMPurify checks each element's namespace
 * against its parent's, the defence against the MathML/SVG mXSS classics;
 * `annotation-xml`, which may hold HTML, stays out.
 */
const MATHML_TAGS = [
  'math',
  'mi',
  'mn',
  'mo',
  'ms',
  'mtext',
  'mspace',
  'mrow',
  'mfrac',
  'msqrt',
  'mroot',
  'mstyle',
  'merror',
  'mpadded',
  'mphantom',
  'menclose',
  'msub',
  'msup',
  'msubsup',
  'munder',
  'mover',
  'munderover',
  'mmultiscripts',
  'mprescripts',
  'none',
  'mtable',
  'mtr',
  'mtd',
  'mlabeledtr',
  'semantics',
  'annotation',
];
const MATHML_ATTR = [
  'display',
  'mathvariant',
  'displaystyle',
  'scriptlevel',
  'fence',
  'stretchy',
  'separator',
  'lspace',
  'rspace',
  'accent',
  'accentunder',
  'columnalign',
  'rowalign',
  'columnspan',
  'linethickness',
  'notation',
  'encoding',
  'alttext',
  'largeop',
  'movablelimits',
  'symmetric',
  'minsize',
  'maxsize',
  'depth',
  'voffset',
];

/** Attributes kept; `style`, event handlers, `data-*`, `aria-*`, `target`, `rel` are not among them. */
const ALLOWED_ATTR = [
  'href',
  'src',
  'srcset',
  'sizes',
  'media',
  'alt',
  'title',
  'width',
  'height',
  'colspan',
  'rowspan',
  'headers',
  'scope',
  'abbr',
  'span',
  'id',
  'class',
  'lang',
  'dir',
  'datetime',
  'cite',
  'start',
  'reversed',
  'value',
  'type',
  'controls',
  'poster',
  'open',
];

const CONFIG: Config = {
  ALLOWED_TAGS: [...ALLOWED_TAGS, ...MATHML_TAGS],
  ALLOWED_ATTR: [...ALLOWED_ATTR, ...MATHML_ATTR],
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  // Same shape as DOMPurify's default, minus ftp/sms/xmpp/... schemes.
  ALLOWED_URI_REGEXP: /^(?:(?:https?|mailto|tel):|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i,
  // Controls would be removed, but their labels would stay as stray words.
  ADD_FORBID_CONTENTS: ['button', 'select', 'textarea', 'option', 'datalist'],
  KEEP_CONTENT: true,
};

/** Only a highlighter language survives, so the reader view can style code. */
const LANGUAGE_CLASS = /^language-[\w+#.-]{1,30}$/;

/** Enforces `url-policy.ts`, class and link rules on one element after DOMPurify's own checks. */
function enforceReaderRules(node: Element): void {
  const tag = node.tagName;
  // The names once, then only attributes present are read (each read is costly on jsdom). The
  // rules below change only the attribute they read, so the list stays true for the others.
  const names = node.hasAttributes() ? node.getAttributeNames() : [];
  const cls = names.includes('class') ? node.getAttribute('class') : null;
  if (cls !== null) {
    const kept = tag === 'CODE' || tag === 'PRE' ? cls.split(/\s+/).filter((c) => LANGUAGE_CLASS.test(c)) : [];
    if (kept.length > 0) node.setAttribute('class', kept.join(' '));
    else node.removeAttribute('class');
  }
  for (const name of ['href', 'src', 'poster', 'cite'] as const) {
    const value = names.includes(name) ? node.getAttribute(name) : null;
    if (value === null) continue;
    const use = name === 'href' ? 'link' : name === 'src' && tag === 'IMG' ? 'image' : 'media';
    const safe = safeUrl(value, use);
    if (safe === null) node.removeAttribute(name);
    else if (safe !== value) node.setAttribute(name, safe);
  }
  const srcset = names.includes('srcset') ? node.getAttribute('srcset') : null;
  if (srcset !== null) {
    const kept = parseSrcset(srcset).filter((c) => safeUrl(c.url, 'media') !== null);
    if (kept.length > 0) node.setAttribute('srcset', serializeSrcset(kept));
    else node.removeAttribute('srcset');
  }
  if (tag === 'A') {
    const href = node.getAttribute('href');
    if (href && !href.startsWith('#')) node.setAttribute('rel', 'noopener noreferrer');
    else node.removeAttribute('rel');
  }
  // Media never plays by itself in the reader; the user starts it.
  if (tag === 'VIDEO' || tag === 'AUDIO') node.setAttribute('controls', '');
}

const ALLOWED_ATTRIBUTES = new Set([...ALLOWED_ATTR, ...MATHML_ATTR]);

/**
 * Removes attributes DOMPurify would remove anyway (page classes, styles,
 * data-*), in one cheap pass: DOMPurify's per-attribute checks were the
 * largest part of its time on real articles. DOMPurify still checks all that
 * remains; this only narrows its work.
 */
function dropUnlistedAttributes(root: Element): void {
  for (const el of descendants(root)) {
    if (!el.hasAttributes()) continue;
    for (const name of el.getAttributeNames()) {
      if (!ALLOWED_ATTRIBUTES.has(name) || (name === 'class' && el.tagName !== 'CODE' && el.tagName !== 'PRE'))
        el.removeAttribute(name);
    }
  }
}

/** Sanitizing a string: DOMPurify parses it and hands back the tree (a `<body>` of its own inert document). */
const STRING_CONFIG: Config & { RETURN_DOM: true } = { ...CONFIG, RETURN_DOM: true };
/** Sanitizing an article tree where it is (see sanitizeArticleElement). */
const IN_PLACE_CONFIG: Config = { ...CONFIG, IN_PLACE: true };

const purifiers = new WeakMap<object, Map<Config, Purifier>>();

/**
 * One configured DOMPurify per window and configuration: hooks are per
 * instance and must be added once, and the configuration is set once
 * (`setConfig`) instead of being parsed again on every call.
 */
function purifierFor(window: WindowLike, config: Config): Purifier {
  let byConfig = purifiers.get(window);
  if (!byConfig) purifiers.set(window, (byConfig = new Map()));
  let purifier = byConfig.get(config);
  if (!purifier) {
    purifier = DOMPurify(window);
    if (!purifier.isSupported)
      throw new Error('DOMPurify cannot sanitize with this DOM implementation; refusing to return unsanitized HTML');
    purifier.setConfig(config);
    purifier.addHook('afterSanitizeAttributes', (node) => {
      if (node.nodeType === 1) enforceReaderRules(node as Element);
    });
    byConfig.set(config, purifier);
  }
  return purifier;
}

export interface SanitizedHtml {
  /** Safe HTML, ready for `innerHTML` in the reader view. */
  html: string;
  /** The sanitized tree, for deriving text without parsing `html` again. */
  body: Element;
}

/**
 * Sanitizes an HTML string for the reader view. DOMPurify parses it into an
 * inert document of its own (nothing loads or runs), then cleans the tree.
 * @param dirty - HTML whose relative URLs are already absolute (relative ones are dropped).
 * @param window - the window whose DOM parses the HTML (page window, or jsdom's).
 * @throws when DOMPurify is not supported by that DOM.
 */
export function sanitizeArticleHtml(dirty: string, window: WindowLike): SanitizedHtml {
  // The purifier was set up with this configuration (setConfig); it is passed again for the return type only.
  const body = purifierFor(window, STRING_CONFIG).sanitize(dirty, STRING_CONFIG) as Element;
  return { html: body.innerHTML, body };
}

/**
 * Sanitizes an element's subtree in place, and serializes its content. Used
 * by extraction, whose article already lives in an inert document (a
 * `cloneNode` copy, or jsdom), to skip a serialize-and-parse round trip.
 * Without SVG/MathML and raw-text elements in the allow-list, serializing the
 * cleaned tree and parsing it again yields the same tree (the tests check
 * this on real pages), so this is as safe as sanitizing the string.
 * (DOMPurify's other tree mode, importing the tree into a document of its
 * own, took two thirds longer on jsdom: copying a tree costs more there than
 * the in-place mode's extra walks.)
 * @param root - must be an allowed element (a `<div>`); its own attributes are cleaned too.
 * @param window - the window the element's document belongs to.
 */
export function sanitizeArticleElement(root: Element, window: WindowLike): SanitizedHtml {
  dropUnlistedAttributes(root);
  purifierFor(window, IN_PLACE_CONFIG).sanitize(root);
  return { html: root.innerHTML, body: root };
}
