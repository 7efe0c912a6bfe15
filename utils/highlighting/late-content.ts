/**
 * Watches a page for content that arrives after load (client-rendered articles,
 * "read more" expansions, in-app navigation) while some highlights are still
 * unplaced, and stops once they are placed or the page has been quiet for a while,
 * so an idle page costs nothing.
 */
const DEBOUNCE_MS = 300;
const SETTLE_MS = 1_500;
const QUIET_MS = 10_000;

export interface LateContentOptions {
  /** Content arrived (debounced): anchor what is still unplaced. */
  onChange: () => void;
  /** Whether there is nothing left to wait for. */
  done: () => boolean;
  /**
   * Called once, when no content has arrived for `settleMs`: what is still
   * unplaced then is reported as not found (and would still be placed if it came later).
   */
  onSettled?: () => void;
  debounceMs?: number;
  settleMs?: number;
  quietMs?: number;
}

export function watchForLateContent(root: Element, options: LateContentOptions): () => void {
  const debounceMs = options.debounceMs ?? DEBOUNCE_MS;
  const settleMs = options.settleMs ?? SETTLE_MS;
  const quietMs = options.quietMs ?? QUIET_MS;
  let debounce: ReturnType<typeof setTimeout> | undefined;
  let quiet: ReturnType<typeof setTimeout> | undefined;
  let settle: ReturnType<typeof setTimeout> | undefined;
  let settled = false;

  const stop = () => {
    observer.disconnect();
    clearTimeout(debounce);
    clearTimeout(quiet);
    clearTimeout(settle);
  };
  const armQuiet = () => {
    clearTimeout(quiet);
    quiet = setTimeout(stop, quietMs);
    if (settled) return;
    clearTimeout(settle);
    settle = setTimeout(() => {
      settled = true;
      if (!options.done()) options.onSettled?.();
    }, settleMs);
  };
  const observer = new MutationObserver((mutations) => {
    // Only text the user could highlight matters: added nodes or changed text.
    const relevant = mutations.some((m) => m.type === 'characterData' || [...m.addedNodes].some(isContent));
    if (!relevant) return;
    armQuiet();
    clearTimeout(debounce);
    debounce = setTimeout(() => {
      options.onChange();
      if (options.done()) stop();
    }, debounceMs);
  });
  observer.observe(root, { childList: true, subtree: true, characterData: true });
  armQuiet();
  return stop;
}

function isContent(node: Node): boolean {
  if (node.nodeType === 3) return Boolean(node.textContent?.trim());
  if (node.nodeType !== 1) return false;
  const el = node as Element;
  return !el.hasAttribute('data-margin-ui') && el.tagName !== 'MARK' && Boolean(el.textContent?.trim());
}
