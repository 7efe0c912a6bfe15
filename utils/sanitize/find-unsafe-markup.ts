/**
 * An independent check of sanitized HTML, for tests: parses it the way the
 * reader view will (an inert `<template>`, nothing loads) and lists anything
 * that could run script, load a frame or navigate somewhere unexpected.
 */

const FORBIDDEN_ELEMENTS =
  'script, iframe, frame, frameset, object, embed, applet, form, input, button, select, textarea, meta, base, link, style, svg, template, noscript, isindex, maction';
const URL_ATTRIBUTES = new Set([
  'href',
  'src',
  'srcset',
  'cite',
  'poster',
  'action',
  'formaction',
  'xlink:href',
  'data',
  'background',
  'ping',
]);
const RASTER_DATA_IMAGE = /^data:image\/(?:png|jpe?g|gif|webp|avif|bmp);/i;
const SAFE_URL = /^(?:https?:|mailto:|tel:|#)/i;

/**
 * Problems found in `html`, as short descriptions; empty when it is safe.
 * @param doc - any document, used to create the parsing `<template>`.
 */
export function findUnsafeMarkup(html: string, doc: Document): string[] {
  const template = doc.createElement('template');
  template.innerHTML = html;
  const root = template.content;
  const found: string[] = [];
  for (const el of root.querySelectorAll(FORBIDDEN_ELEMENTS)) found.push(`<${el.tagName.toLowerCase()}> element`);
  for (const el of root.querySelectorAll('*')) {
    for (const attr of Array.from(el.attributes)) {
      const where = `on <${el.tagName.toLowerCase()}>`;
      if (/^on/i.test(attr.name)) found.push(`${attr.name} ${where}`);
      if (attr.name === 'style') found.push(`style ${where}`);
      if (!URL_ATTRIBUTES.has(attr.name)) continue;
      const urls =
        attr.name === 'srcset'
          ? attr.value.split(/,\s+/).map((c) => c.trim().split(/\s+/)[0] ?? '')
          : [attr.value.trim()];
      for (const url of urls) {
        const rasterImage = el.tagName === 'IMG' && attr.name === 'src' && RASTER_DATA_IMAGE.test(url);
        if (!rasterImage && !SAFE_URL.test(url)) found.push(`${attr.name}="${url.slice(0, 60)}" ${where}`);
      }
    }
  }
  return found;
}
