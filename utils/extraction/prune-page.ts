/**
 * Removes, before Readability walks the page, elements that can never be part
 * of the article: navigation, inline SVG (icons and sprites; the sanitizer
 * drops SVG anyway), `<template>`, `<canvas>`, print-only copies, and frames that are not
 * allow-listed embeds (ads, trackers). Readability would score and discard
 * them itself; removing them first makes it about a tenth faster.
 * Form controls are left in place: Readability counts them to recognise
 * sign-up boxes, and the sanitizer removes them.
 */
import { byTag } from './dom-helpers';
import { EMBED_URL_PATTERN } from './embeds';
import { MAX_REMOVABLE_PROSE_PARAGRAPHS, measureProse } from './prose-share';

const NEVER_CONTENT = ['nav', 'svg', 'template', 'canvas'];
/**
 * Classes of the CSS frameworks and CMSs that show an element only when
 * printing (Bootstrap 3's `visible-print-*`, Foundation's `show-for-print`).
 * A browser never shows them on screen; without the page's CSS the reader
 * would. Looked up by exact name: cheap on a whole document, unlike a selector.
 */
const PRINT_ONLY_CLASSES = ['print-only', 'printonly', 'only-print', 'visible-print', 'visible-print-block', 'visible-print-inline', 'visible-print-inline-block', 'show-for-print', 'show-for-print-only'];

/** Removes never-content elements from `doc`, in place. */
export function prunePage(doc: Document): void {
  for (const tag of NEVER_CONTENT) for (const el of byTag(doc, tag)) el.remove();
  for (const name of PRINT_ONLY_CLASSES) {
    for (const el of Array.from(doc.getElementsByClassName(name))) {
      // Print plugins also mark the article body itself ("entry-content print-only"): prose is never a print-only copy.
      if (measureProse(el).paragraphs < MAX_REMOVABLE_PROSE_PARAGRAPHS) el.remove();
    }
  }
  for (const frame of byTag(doc, 'iframe')) if (!EMBED_URL_PATTERN.test(frame.getAttribute('src') ?? '')) frame.remove();
}
