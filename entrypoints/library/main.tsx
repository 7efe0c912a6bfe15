import { createRoot } from 'react-dom/client';
import { LibraryApp } from '@/components/library/LibraryApp';
import '@/components/library/swatch.css';
import '@/components/library/library.css';
import { createMarginDb } from '@/utils/db';

createRoot(document.getElementById('root')!).render(<LibraryApp db={createMarginDb()} />);
