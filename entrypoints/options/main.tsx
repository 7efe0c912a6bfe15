import { createRoot } from 'react-dom/client';
import { OptionsApp } from './OptionsApp';
import '@/components/library/swatch.css';
import './options.css';

createRoot(document.getElementById('root')!).render(<OptionsApp />);
