/**
 * The reader view, injected on demand by the background (never on page load), so
 * Readability, DOMPurify and React are only loaded into pages the user reads.
 * A second injection into the same tab would load a second copy: the background
 * calls the instance registered here instead (see utils/reader-injection).
 */
import { READER_INSTANCE_KEY } from '@/utils/messaging/reader-instance';
import { createReaderController } from './reader-controller';

export default defineContentScript({
  registration: 'runtime',
  cssInjectionMode: 'manual',
  matches: [],
  main(ctx) {
    const controller = createReaderController(ctx);
    (globalThis as Record<symbol, unknown>)[READER_INSTANCE_KEY] = controller;
    ctx.onInvalidated(() => delete (globalThis as Record<symbol, unknown>)[READER_INSTANCE_KEY]);
    return controller.toggle();
  },
});
