/**
 * Shows a highlight beside the panel: the tab's highlighter scrolls the page (or the
 * open reader view) to it and flashes it (`highlight:reveal`). Margin's offline
 * reader is an extension page with no highlighter: its window is ours, so the
 * passage is found in its body and flashed there directly.
 */
import type { HighlightRecord } from '@/utils/db/schema';
import { FOCUS_HIGHLIGHT } from '@/utils/highlighting/highlight-colours';
import { pageMessenger } from '@/utils/messaging/page-protocol';
import type { PanelSubject } from './use-panel-subject';

const FLASH_MS = 2500;

/** @return true when the highlight was shown */
export async function revealHighlight(subject: PanelSubject, highlight: HighlightRecord): Promise<boolean> {
  if (subject.kind === 'page') {
    return pageMessenger.sendMessage('highlight:reveal', { id: highlight.id }, subject.tabId).catch(() => false);
  }
  if (subject.kind === 'offline') return revealInOfflineReader(subject.tabId, highlight);
  return false;
}

/** The offline reader's window, with the Custom Highlight API where the browser has it. */
type HighlightWindow = Window & {
  CSS?: { highlights?: Map<string, unknown> };
  Highlight?: new (...ranges: Range[]) => unknown;
};

async function revealInOfflineReader(tabId: number, highlight: HighlightRecord): Promise<boolean> {
  const [view] = (browser.extension.getViews?.({ type: 'tab', tabId }) ?? []) as HighlightWindow[];
  const body = view?.document.querySelector('[data-offline-reader] [data-field="body"]');
  if (!view || !body) return false;
  // Loaded on first use: the panel's first paint does not need the anchoring code.
  const { anchor } = await import('@/utils/anchoring');
  const range = anchor(body, highlight.selectors);
  if (!range) return false;
  const el =
    range.startContainer.nodeType === 1 ? (range.startContainer as Element) : range.startContainer.parentElement;
  el?.scrollIntoView({ block: 'center', behavior: 'instant' as ScrollBehavior });
  const registry = view.CSS?.highlights;
  if (registry && view.Highlight) {
    const flash = new view.Highlight(range);
    registry.set(FOCUS_HIGHLIGHT, flash);
    view.setTimeout(() => registry.get(FOCUS_HIGHLIGHT) === flash && registry.delete(FOCUS_HIGHLIGHT), FLASH_MS);
  }
  return true;
}
