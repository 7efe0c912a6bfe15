/**
 * Whether a `panel:focus` the side panel received may be acted on. A content script's
 * `runtime.sendMessage` reaches every extension page, not only the background, so the
 * panel checks as the background does: only Margin's own side that is in no tab (the
 * background, which checked the highlight is on that tab's page) may send it, and the
 * data must fit its schema.
 */
import { PANEL_SCHEMAS } from '@/utils/messaging/message-schemas';
import { classifySender, type MessageSenderLike, type SelfIdentity } from '@/utils/messaging/sender-rules';

/**
 * @return the highlight to open when the message is the background's and names the panel's tab; else null
 */
export function panelFocusTarget(
  data: unknown,
  sender: MessageSenderLike | undefined,
  self: SelfIdentity,
  panelTab: number,
): string | null {
  const who = classifySender(sender, self);
  if (who.kind !== 'extension' || who.tabId !== undefined) return null;
  const parsed = PANEL_SCHEMAS['panel:focus'].safeParse(data);
  return parsed.success && parsed.data.tabId === panelTab ? parsed.data.id : null;
}
