import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { applyStoredTheme } from './app/theme';
import './styles/base.css';
import './styles/layout.css';
import './styles/library.css';
import './styles/reader.css';
import './styles/search.css';
import './styles/dialogs.css';

applyStoredTheme();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
