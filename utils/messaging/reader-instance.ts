/**
 * The key under which the injected reader registers itself in the content-script
 * world, so that later toggles reach the live instance instead of injecting again.
 * Symbol.for makes the key identical in the background's injected function and
 * in the reader bundle, which are built separately.
 */
export const READER_INSTANCE_KEY = Symbol.for('margin.reader');
