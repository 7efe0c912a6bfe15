/**
 * An export's saved page (Omnivore's `content/<slug>.html`) made into an offline copy
 * exactly as "Save for offline" makes one: the reader's one DOMPurify configuration
 * (`utils/sanitize/sanitize-html.ts`), and the text the reader derives from it.
 */
import type { WindowLike } from 'dompurify';
import { blockText } from '@/utils/extraction/block-text';
import { sanitizeArticleHtml } from '@/utils/sanitize/sanitize-html';
import type { Sanitize } from './omnivore';

/**
 * @param window - the extension page's window, or a jsdom window in Node
 * @return a sanitizer that answers null (the copy is skipped) when it cannot sanitize
 */
export function savedPageSanitizer(window: WindowLike): Sanitize {
  return (html) => {
    try {
      const { html: clean, body } = sanitizeArticleHtml(html, window);
      return { html: clean, text: blockText(body) };
    } catch {
      return null;
    }
  };
}
