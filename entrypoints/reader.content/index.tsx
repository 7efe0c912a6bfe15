/**
 * The reader view, injected on demand by the background (never on page load), so
 * Readability, DOMPurify and React are only loaded into pages the user reads.
 * A second injection into the same tab would load a second copy: the background
 * calls the instance registered here instead (see entrypoints/background/reader-in-tab.ts).
 */
import { READER_INSTANCE_KEY, registerInstance } from '@/utils/messaging/reader-instance';
import { createReaderController } from './reader-controller';

export default defineContentScript({
  registration: 'runtime',
  cssInjectionMode: 'manual',
  matches: [],
  main(ctx) {
    ctx.onInvalidated(registerInstance(READER_INSTANCE_KEY, createReaderController(ctx)));
  },
});
