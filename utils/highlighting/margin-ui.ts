/**
 * Marks the elements Margin adds to a page (toolbar, toasts, reader overlay) so
 * its own handlers can tell them from the page's: the reader's focus trap and Esc
 * leave the toolbar alone, and the highlighter ignores selections inside it.
 */
export const MARGIN_UI_ATTRIBUTE = 'data-margin-ui';

export function isMarginUi(target: EventTarget | null | undefined): boolean {
  return (
    typeof (target as Element | null)?.hasAttribute === 'function' &&
    (target as Element).hasAttribute(MARGIN_UI_ATTRIBUTE)
  );
}
