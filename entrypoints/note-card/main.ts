/**
 * The note card, framed by the highlighter beside a highlight. It asks the background
 * which highlight the tab named (never in its own URL, which a page's resource timing
 * could read), writes through the background (so the tabs repaint), and asks the tab to
 * remove it when done.
 *
 * Reading the highlight: the card is an extension page, but framed in a web page it is a
 * third-party frame, and browsers that block third-party storage (Chromium 156 here does)
 * deny it IndexedDB ("The user denied permission to access the database"). So the record
 * comes with the background's `note-card:target` answer.
 */
import { mountNoteCard } from '@/components/note-card/note-card';
import '@/components/note-card/note-card.css';
import { isMarginError, marginMessenger, type NoteCardRecord } from '@/utils/messaging/margin-protocol';

let sent: NoteCardRecord | null = null;

void mountNoteCard(document.body, {
  async target() {
    const answer = await marginMessenger.sendMessage('note-card:target').catch((e: unknown) => ({ error: String(e) }));
    if (isMarginError(answer)) return answer.error;
    sent = answer.highlight;
    return { id: answer.id, tabId: answer.tabId };
  },
  load: () => Promise.resolve(sent),
  async save(id, patch) {
    const result = await marginMessenger.sendMessage('highlight:update', { id, patch });
    if (isMarginError(result)) return result.error;
    return result ? null : 'This highlight was deleted.';
  },
  async close() {
    // Through the background, which knows the card's tab from the browser: Firefox gives a
    // framed extension page no `tabs` API, and a `postMessage` to the parent would show the
    // page the extension's per-install origin.
    await marginMessenger.sendMessage('note-card:done').catch(() => undefined);
  },
});
