/**
 * What an overlay must give back to the page when it closes: the scroll position
 * and the element that had focus. DOM-only, no extension APIs.
 */
export interface PageState {
  scrollX: number;
  scrollY: number;
  focused: Element | null;
}

/** Records the page's scroll position and focused element before an overlay opens. */
export function capturePageState(win: Window): PageState {
  return { scrollX: win.scrollX, scrollY: win.scrollY, focused: win.document.activeElement };
}

/**
 * Puts the page back as it was: scroll position first, then focus without scrolling.
 * Scrolls only when something moved the page, so a restore costs nothing in the usual case.
 */
export function restorePageState(win: Window, state: PageState): void {
  if (win.scrollX !== state.scrollX || win.scrollY !== state.scrollY) {
    win.scrollTo({ left: state.scrollX, top: state.scrollY, behavior: 'instant' as ScrollBehavior });
  }
  const el = state.focused;
  if (el && el.isConnected && el !== win.document.body && 'focus' in el) {
    (el as HTMLElement).focus({ preventScroll: true });
  }
}
