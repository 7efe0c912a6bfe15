import { createRoot } from 'react-dom/client';
import { OfflineReader } from '@/components/library/OfflineReader';
import '@/components/reader/reader.css';
import './reader-page.css';
import { createMarginDb } from '@/utils/db';
import { highlightCss } from '@/utils/highlighting/highlight-colours';

// The painter's styles (::highlight() and <mark> colours), the same as on pages and in the reader view.
document.head.append(Object.assign(document.createElement('style'), { textContent: highlightCss() }));

const params = new URLSearchParams(location.search);
const articleId = params.get('article');
// Opened from the reading list, closing goes back to it as it was left (its filters, its
// scroll); otherwise to the library.
const fromList = params.get('from') === 'reading-list';
const backToLibrary = () =>
  fromList && history.length > 1
    ? history.back()
    : location.assign(fromList ? 'library.html#reading-list' : 'library.html');

createRoot(document.getElementById('root')!).render(
  <OfflineReader db={createMarginDb()} articleId={articleId} onClose={backToLibrary} />,
);
