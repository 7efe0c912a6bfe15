import { createRoot } from 'react-dom/client';
import { OfflineReader } from '@/components/library/OfflineReader';
import '@/components/reader/reader.css';
import './reader-page.css';
import { createMarginDb } from '@/utils/db';
import { highlightCss } from '@/utils/highlighting/highlight-colours';

// The painter's styles (::highlight() and <mark> colours), the same as on pages and in the reader view.
document.head.append(Object.assign(document.createElement('style'), { textContent: highlightCss() }));

const articleId = new URLSearchParams(location.search).get('article');
const backToLibrary = () => location.assign('library.html');

createRoot(document.getElementById('root')!).render(
  <OfflineReader db={createMarginDb()} articleId={articleId} onClose={backToLibrary} />,
);
