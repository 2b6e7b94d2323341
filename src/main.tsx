// Entry point: mount the app.
import { startTransition, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router/dom';
import { AppProviders } from './app/providers';
import { createQueryClient } from './app/query-client';
import { createAppRouter } from './app/router';
import { preloadSession } from './features/auth/preload';

const queryClient = createQueryClient();
// Asked now, not when the session guard first renders: the request leaves before React's first
// render rather than after it.
preloadSession(queryClient);
const router = createAppRouter(queryClient);

// The first render as a transition: React renders it in slices of a few milliseconds instead of
// one long task, so a click or key press during start-up is handled between slices.
const root = createRoot(document.getElementById('root')!);
startTransition(() => {
  root.render(
    <StrictMode>
      <AppProviders queryClient={queryClient}>
        <RouterProvider router={router} />
      </AppProviders>
    </StrictMode>,
  );
});
