/**
 * What a page says about itself, read cheaply on the live page (no Readability):
 * the background files highlights under the article this describes.
 */
import { cleanByline, readPageMetadata } from '@/utils/extraction/metadata';
import type { PageInfo } from '@/utils/messaging/margin-protocol';

export function readPageInfo(doc: Document, pageUrl: string): PageInfo {
  const meta = readPageMetadata(doc, pageUrl);
  const canonical = doc.querySelector<HTMLLinkElement>('link[rel~="canonical" i][href]')?.getAttribute('href') ?? null;
  return {
    pageUrl,
    canonicalUrl: canonical?.trim() || null,
    title: (meta.title ?? doc.title ?? meta.heading ?? '').replace(/\s+/g, ' ').trim() || pageUrl,
    author: cleanByline(meta.byline),
    site: meta.siteName,
    published: meta.published,
    lang: meta.lang,
  };
}
