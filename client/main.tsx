// First, before any module creates a zod schema.
import './zod-config';
import './theme/index.css';
import './styles/app.css';
import './styles/sessions.css';
import './styles/agreement.css';
// Initialises i18next (and <html lang>) with Dutch; startI18n loads another chosen language.
import { startI18n } from './i18n';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { App } from './App';
import { SessionProvider } from './auth/SessionProvider';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

const root = container;
// The first render waits for the language of an earlier visit (a small fetch, only when it is not Dutch).
void startI18n().then(() => {
  createRoot(root).render(
    <StrictMode>
      <BrowserRouter>
        <SessionProvider>
          <App />
        </SessionProvider>
      </BrowserRouter>
    </StrictMode>,
  );
});
