// First, before any module creates a zod schema.
import './zod-config';
import './theme/index.css';
import './styles/app.css';
import './styles/sessions.css';
import './styles/agreement.css';
// Initialises i18next (and <html lang>) before the first render.
import './i18n';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { App } from './App';
import { SessionProvider } from './auth/SessionProvider';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <BrowserRouter>
      <SessionProvider>
        <App />
      </SessionProvider>
    </BrowserRouter>
  </StrictMode>,
);
