/**
 * Messages the side panel answers, sent by the background. The panel is an extension
 * page; the background only forwards what it checked (the highlight is on that tab's page).
 */
import { defineExtensionMessaging } from '@webext-core/messaging';

export interface PanelProtocol {
  /** The user clicked highlight `id` on the page in tab `tabId`: its card scrolls into view and opens for editing. */
  'panel:focus': (data: { tabId: number; id: string }) => void;
}

export const panelMessenger = defineExtensionMessaging<PanelProtocol>();
