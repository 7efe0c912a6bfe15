import { createRoot } from 'react-dom/client';
import { SidePanelApp } from '@/components/sidepanel/SidePanelApp';
import { boundTabId } from '@/utils/sidepanel/panel-target';
import '@/components/popup/popup.css';
import '@/components/sidepanel/sidepanel.css';

// Beside the page, the panel follows the active tab; `?tab=<id>` binds it to one tab
// (tests and the benchmark open it that way in a normal tab).
createRoot(document.getElementById('root')!).render(<SidePanelApp boundTab={boundTabId(location.search)} />);
