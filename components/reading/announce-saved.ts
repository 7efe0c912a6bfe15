/**
 * Tells the page in a tab it was saved for later: its highlighter shows the toast
 * (the one imported highlights are announced with) and starts following the reading
 * position. Called in the tab's content-script world, out of the page's reach: the
 * page's own scripts cannot call it nor see its argument.
 */
import type { SaveAnswer } from './reading-actions';

/**
 * Runs in the tab's content-script world; serialized, so it can only use its own code.
 * Same key as `utils/messaging/reader-instance.ts` (a serialized function cannot import it).
 */
function tellHighlighter(articleId: string, alreadyListed: boolean): boolean {
  const scope = globalThis as Record<symbol, { savedForLater?: (id: string, already: boolean) => void } | undefined>;
  const highlighter = scope[Symbol.for('margin.highlighter')];
  if (!highlighter?.savedForLater) return false;
  highlighter.savedForLater(articleId, alreadyListed);
  return true;
}

/**
 * @return whether the page's highlighter was there to tell (not on pages Margin cannot run on)
 */
export async function announceSaved(tabId: number, answer: Pick<SaveAnswer, 'articleId' | 'alreadyListed'>) {
  try {
    const [result] = await browser.scripting.executeScript({
      target: { tabId },
      func: tellHighlighter,
      args: [answer.articleId, answer.alreadyListed],
    });
    return result?.result === true;
  } catch {
    return false;
  }
}
