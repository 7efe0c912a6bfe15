/**
 * How each view asks for and reports its article's reading position: a content script
 * (the live page, the reader view over it) speaks for its tab's address, which the
 * background checks against the tab's (`articleId` is never taken from a page); the
 * offline copy, an extension page, names its article.
 */
import { marginMessenger } from '@/utils/messaging/margin-protocol';
import type { ReadingChannel } from './track-reading';

/** Reports are best effort: the background may be restarting, the tab closing. */
const quietly = (sending: Promise<unknown>) => void sending.catch(() => undefined);

/** For a content script: the position of the page at `location.href`. */
export function pageReadingChannel(): ReadingChannel {
  return {
    position: () => marginMessenger.sendMessage('reading:position', { url: location.href }),
    report: (position) => quietly(marginMessenger.sendMessage('reading:progress', { url: location.href, ...position })),
  };
}

/** For an extension page showing a stored article (the offline copy). */
export function articleReadingChannel(articleId: string): ReadingChannel {
  return {
    position: () => marginMessenger.sendMessage('reading:position', { articleId }),
    report: (position) => quietly(marginMessenger.sendMessage('reading:progress', { articleId, ...position })),
  };
}
