/**
 * The user's selection as a Range inside one surface (the page body, or the
 * reader's article inside its shadow root). Browsers disagree on how a selection
 * inside a shadow tree is exposed: `getComposedRanges` is the standard (Chromium
 * 137+, Firefox 142+), `ShadowRoot.getSelection` Chromium's older way, and
 * Firefox reports the inner range from `getSelection()` directly.
 */
type MaybeComposed = Selection & { getComposedRanges?: Selection['getComposedRanges'] };

function shadowRootOf(node: Node): ShadowRoot | null {
  const root = node.getRootNode();
  return root !== node.ownerDocument && 'host' in root ? (root as ShadowRoot) : null;
}

function rangeInShadow(doc: Document, shadow: ShadowRoot, selection: MaybeComposed | null): Range | null {
  const legacy = (shadow as ShadowRoot & { getSelection?: () => Selection | null }).getSelection?.();
  if (legacy && legacy.rangeCount > 0 && !legacy.isCollapsed) return legacy.getRangeAt(0);
  if (!selection?.getComposedRanges || selection.rangeCount === 0) return null;
  const [composed] = selection.getComposedRanges({ shadowRoots: [shadow] });
  if (!composed || composed.collapsed) return null;
  const range = doc.createRange();
  range.setStart(composed.startContainer, composed.startOffset);
  range.setEnd(composed.endContainer, composed.endOffset);
  return range;
}

/**
 * @return the selected range if it is not collapsed and lies inside `root`, else null
 */
export function selectionRangeIn(root: HTMLElement): Range | null {
  const doc = root.ownerDocument;
  const selection = doc.getSelection() as MaybeComposed | null;
  const shadow = shadowRootOf(root);
  let range = shadow ? rangeInShadow(doc, shadow, selection) : null;
  if (!range && selection && selection.rangeCount > 0 && !selection.isCollapsed) range = selection.getRangeAt(0);
  if (!range || range.collapsed) return null;
  return root.contains(range.startContainer) && root.contains(range.endContainer) ? range : null;
}
