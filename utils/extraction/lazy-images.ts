/**
 * Lazy-loaded images: pages ship a placeholder `src` (a blank GIF, a tiny blurred
 * thumbnail, nothing at all) and put the real image in `data-src`/`data-srcset`,
 * in `srcset` only, or in a `<noscript>` fallback (Medium does all of these).
 * A reader view runs no page scripts, so we promote the real image ourselves,
 * before Readability scores the page (an image-less figure may be dropped).
 */
import { byTag, normalizedLength } from './dom-helpers';
import { parseSrcset, pickSrcsetUrl } from '../html/srcset';

/** Attributes lazy-loading libraries use for the real `src`, most specific first. */
const LAZY_SRC_ATTRIBUTES = [
  'data-src',
  'data-lazy-src',
  'data-original',
  'data-lazy',
  'data-hi-res-src',
  'data-full-src',
  'data-orig-file',
  'data-actualsrc',
  'data-echo',
  'data-img-src',
  'data-native-src',
  'data-pagespeed-lazy-src',
  'data-cfsrc',
  'data-url',
];
/** Attributes lazy-loading libraries use for the real `srcset`. */
const LAZY_SRCSET_ATTRIBUTES = ['data-srcset', 'data-lazy-srcset', 'data-original-set'];

/** File names of stand-in images ("blank.gif", "placeholder-16x9.png", "lazy-load.svg"), tested on the name without extension. */
const PLACEHOLDER_NAME =
  /^(?:blank|spacer|placeholder|pixel|transparent|lazy[-_]?load(?:er|ing)?|lazy|loading|loader|1x1|grey|gray|empty)(?:[-_.][a-z0-9]+)?$/i;

/**
 * True when `src` is not a real picture: missing, `about:blank`, a data: URI
 * (pages inline only tiny placeholders; a real inline photo is kept when no
 * alternative exists), or a file named like a placeholder.
 */
export function isPlaceholderSrc(src: string | null | undefined): boolean {
  const value = (src ?? '').trim();
  if (!value || value === '#' || value.startsWith('about:')) return true;
  if (/^data:/i.test(value)) return value.length < 2000 || /^data:image\/svg/i.test(value);
  const name = value.split(/[?#]/)[0]!.split('/').pop() ?? '';
  return PLACEHOLDER_NAME.test(name.replace(/\.\w+$/, ''));
}

function looksLikeUrl(value: string | null): value is string {
  return !!value && !/^data:/i.test(value.trim()) && /^(?:https?:|\/|\.|[\w-]+[/.])/i.test(value.trim());
}

/** Moves the real image of one `<img>` or `<source>` from lazy attributes into place. */
function promoteLazyAttributes(el: Element): void {
  // The names once, then only attributes present are read: a dozen reads per image are costly on jsdom.
  const names = el.getAttributeNames();
  const read = (name: string): string | null => (names.includes(name) ? el.getAttribute(name) : null);
  const isImg = el.tagName === 'IMG';
  const srcset = read('srcset');
  for (const name of LAZY_SRCSET_ATTRIBUTES) {
    const value = read(name);
    if (
      value &&
      parseSrcset(value).length > 0 &&
      (!srcset || parseSrcset(srcset).every((c) => isPlaceholderSrc(c.url)))
    ) {
      el.setAttribute('srcset', value);
      break;
    }
  }
  if (!isImg) return;
  const src = read('src');
  // A `loading=lazy` image that also names a `data-src` is the lazy-loader pattern even when
  // its `src` placeholder has an ordinary name (a blurred low-resolution preview).
  const lazyPair = read('loading') === 'lazy' && looksLikeUrl(read('data-src'));
  if (!isPlaceholderSrc(src) && !lazyPair && !/\blazy/i.test(read('class') ?? '')) return;
  for (const name of LAZY_SRC_ATTRIBUTES) {
    const value = read(name);
    if (looksLikeUrl(value) && value.trim() !== src) {
      el.setAttribute('src', value.trim());
      return;
    }
  }
  if (isPlaceholderSrc(src)) {
    // Read again: the loop above may have set it.
    const picked = pickSrcsetUrl(parseSrcset(el.getAttribute('srcset') ?? '').filter((c) => !isPlaceholderSrc(c.url)));
    if (picked) el.setAttribute('src', picked);
  }
}

/**
 * The elements inside a `<noscript>`. Where the document was parsed with
 * scripting enabled (a browser page, and its clone) they are raw text, so they
 * are parsed through an inert `<template>`, which loads nothing.
 */
function noscriptContent(noscript: Element): Element[] {
  if (noscript.children.length > 0) return [...noscript.children];
  const markup = noscript.textContent ?? '';
  if (!/<(?:img|picture)\b/i.test(markup)) return [];
  const template = noscript.ownerDocument.createElement('template');
  template.innerHTML = markup;
  return [...template.content.children];
}

/** A 1×1 or hidden beacon image, as analytics put in `<noscript>`. */
function isTrackingPixel(img: Element): boolean {
  const size = (name: string) => Number(img.getAttribute(name) ?? NaN);
  return (
    size('width') <= 2 ||
    size('height') <= 2 ||
    /display\s*:\s*none|visibility\s*:\s*hidden/i.test(img.getAttribute('style') ?? '')
  );
}

/** The placeholder image a `<noscript>` fallback stands for, if any. */
function findPlaceholderFor(noscript: Element): Element | null {
  const previous = noscript.previousElementSibling;
  if (previous?.tagName === 'IMG') return previous;
  // Medium-style wrappers: the placeholder sits in a sibling box next to the noscript.
  const parent = noscript.parentElement;
  if (!parent) return null;
  for (const img of byTag(parent, 'img')) {
    if (
      !noscript.contains(img) &&
      (isPlaceholderSrc(img.getAttribute('src')) ||
        /\blazy|thumb|placeholder|preview/i.test(img.getAttribute('class') ?? ''))
    ) {
      return img;
    }
  }
  return null;
}

/**
 * Replaces lazy placeholders by the `<img>` of their `<noscript>` fallback, and
 * materialises noscript images that have no placeholder at all.
 */
function unwrapNoscriptImages(root: Document | Element): void {
  for (const noscript of byTag(root, 'noscript')) {
    const content = noscriptContent(noscript);
    const images = content.flatMap((el) =>
      el.tagName === 'IMG' || el.tagName === 'PICTURE' ? [el] : [...byTag(el, 'picture'), ...byTag(el, 'img')],
    );
    const image = images.find((el) => el.tagName === 'PICTURE') ?? images[0];
    // Only a pure image fallback; noscript banners ("please enable JavaScript") stay out, and so do tracking pixels.
    if (!image || images.length > 1 || content.some((el) => normalizedLength(el) > 40) || isTrackingPixel(image))
      continue;
    const doc = noscript.ownerDocument;
    const adopted = doc.importNode(image, true);
    const placeholder = findPlaceholderFor(noscript);
    const parent = noscript.parentElement;
    const scope = figureAround(noscript) ?? parent;
    if (placeholder?.parentNode) {
      placeholder.parentNode.replaceChild(adopted, placeholder);
      noscript.remove();
    } else {
      noscript.parentNode?.replaceChild(adopted, noscript);
    }
    if (scope) removeOtherVariants(scope, adopted);
  }
}

/** The `<figure>` holding `el` within a few levels (a figure further up is not about this image). */
function figureAround(el: Element): Element | null {
  let cursor = el.parentElement;
  for (let depth = 0; cursor && depth < 5; depth++, cursor = cursor.parentElement)
    if (cursor.tagName === 'FIGURE') return cursor;
  return null;
}

/** Last path segment of an image URL: CDNs serve size variants of one file under the same name. */
function fileName(src: string | null): string {
  const name = (src ?? '').split(/[?#]/)[0]!.split('/').pop() ?? '';
  return name.length > 4 ? name : '';
}

/**
 * Removes the other copies of the same picture (a blurred low-resolution
 * preview shown while the real one loads) around a promoted fallback image.
 */
function removeOtherVariants(scope: Element, kept: Element): void {
  const keptImg = kept.tagName === 'IMG' ? kept : kept.querySelector('img');
  const name = fileName(keptImg?.getAttribute('src') ?? null);
  for (const img of byTag(scope, 'img')) {
    if (kept.contains(img)) continue;
    const src = img.getAttribute('src');
    if (isPlaceholderSrc(src) || (name && fileName(src) === name)) img.remove();
  }
}

/**
 * Promotes lazy-loaded images in `root` to real `src`/`srcset` values.
 * Mutates the tree in place; safe to run on any document (no-op without images).
 */
export function fixLazyImages(root: Document | Element): void {
  // The <head> holds no pictures, only analytics <noscript> beacons.
  const scope = 'body' in root && root.body ? root.body : root;
  for (const el of byTag(scope, 'img')) promoteLazyAttributes(el);
  for (const el of byTag(scope, 'source')) if (el.parentElement?.tagName === 'PICTURE') promoteLazyAttributes(el);
  unwrapNoscriptImages(scope);
}
