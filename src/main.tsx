// Entry point: mount the app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router/dom';
import { AppProviders } from './app/providers';
import { createQueryClient } from './app/query-client';
import { createAppRouter } from './app/router';
import { preloadSession } from './features/auth/preload';
import './app/global.css';

const queryClient = createQueryClient();
// Asked now, not when the session guard first renders: the data router renders nothing until
// the first page's code has arrived, and the check would wait for it for no reason.
preloadSession(queryClient);
const router = createAppRouter(queryClient);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AppProviders queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProviders>
  </StrictMode>,
);
