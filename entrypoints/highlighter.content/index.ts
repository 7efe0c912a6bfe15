/**
 * The highlighter, on every page: paints the page's saved highlights, shows the
 * toolbar over a selection, and answers the background and the popup. Small on
 * purpose (no React, no Readability): it is loaded into every page the user opens,
 * and does nothing more than one message to the background on a page without highlights.
 */
import { HIGHLIGHTER_INSTANCE_KEY, registerInstance } from '@/utils/messaging/reader-instance';
import { createHighlighterController } from './highlighter-controller';

export default defineContentScript({
  matches: ['<all_urls>'],
  // At document_start, before any page script, so the page cannot stop the user's real input
  // from reaching Margin (see `listen`); the page's highlights are fetched once its DOM is parsed.
  runAt: 'document_start',
  main(ctx) {
    const controller = createHighlighterController(ctx);
    ctx.onInvalidated(registerInstance(HIGHLIGHTER_INSTANCE_KEY, controller));
    ctx.onInvalidated(() => controller.stop());
    controller.listen();
    if (document.readyState === 'loading') {
      ctx.addEventListener(document, 'DOMContentLoaded', () => void controller.start(), { once: true });
    } else void controller.start();
  },
});
