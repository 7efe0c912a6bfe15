import { createRoot } from 'react-dom/client';
import { OfflineReader } from '@/components/library/OfflineReader';
import '@/components/reader/reader.css';
import '@/components/library/highlight-colours.css';
import './reader-page.css';
import { createMarginDb } from '@/utils/db';

const articleId = new URLSearchParams(location.search).get('article');
const backToLibrary = () => location.assign('library.html');

createRoot(document.getElementById('root')!).render(
  <OfflineReader db={createMarginDb()} articleId={articleId} onClose={backToLibrary} />,
);
