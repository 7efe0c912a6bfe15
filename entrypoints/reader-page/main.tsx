import { createRoot } from 'react-dom/client';
import { OfflineReader } from '@/components/library/OfflineReader';
import '@/components/reader/reader.css';
import './reader-page.css';
import { createMarginDb } from '@/utils/db';
import { highlightCss } from '@/utils/highlighting/highlight-colours';

// The painter's styles (::highlight() and <mark> colours), the same as on pages and in the reader view.
document.head.append(Object.assign(document.createElement('style'), { textContent: highlightCss() }));

const articleId = new URLSearchParams(location.search).get('article');
// Back to the library as it was left (its view, its scroll) when the copy was opened from it.
const cameFromLibrary = document.referrer.startsWith(new URL('library.html', location.href).href);
const backToLibrary = () => (cameFromLibrary && history.length > 1 ? history.back() : location.assign('library.html'));

createRoot(document.getElementById('root')!).render(
  <OfflineReader db={createMarginDb()} articleId={articleId} onClose={backToLibrary} />,
);
