import { createRoot } from 'react-dom/client';
import { SidePanelApp } from '@/components/sidepanel/SidePanelApp';
import { startPanel } from '@/components/sidepanel/panel-start';
import { boundTabId } from '@/utils/sidepanel/panel-target';
import '@/components/popup/popup.css';
import '@/components/sidepanel/sidepanel.css';

// Beside the page, the panel follows the active tab; `?tab=<id>` binds it to one tab
// (tests and the benchmark open it that way in a normal tab). The tab, its page and its
// cards are read before the first render, which then shows them at once.
void startPanel(boundTabId(location.search)).then((start) =>
  createRoot(document.getElementById('root')!).render(<SidePanelApp start={start} />),
);
