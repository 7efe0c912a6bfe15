/** The popup's "Open side panel" button: Margin beside the page, for the tab the popup is about. */
import { canOpenSidePanel, openSidePanel } from './open-side-panel';

interface Props {
  tabId: number;
  /** After the panel opened (the popup closes itself), or with why it could not. */
  onOpened(): void;
  onError(message: string): void;
}

export function OpenSidePanelButton({ tabId, onOpened, onError }: Props) {
  if (!canOpenSidePanel()) return null;
  const open = () => {
    // Called at once, inside the click: the browser opens a side panel only on a user gesture.
    openSidePanel(tabId).then(onOpened, (e: unknown) =>
      onError(`Could not open the side panel: ${e instanceof Error ? e.message : String(e)}`),
    );
  };
  return (
    <button type="button" className="pp-button pp-button-primary" data-action="open-side-panel" onClick={open}>
      Open side panel
    </button>
  );
}
