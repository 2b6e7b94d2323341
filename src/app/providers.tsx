// App-wide providers: theme, query client, (dev-only) query devtools.
import './zod-config';
import { lazy, Suspense, useState, type ReactNode } from 'react';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import CssBaseline from '@mui/material/CssBaseline';
import GlobalStyles from '@mui/material/GlobalStyles';
import useMediaQuery from '@mui/material/useMediaQuery';
import { ThemeProvider } from '@mui/material/styles';
import { theme } from './theme';
import { createQueryClient } from './query-client';

// The few global rules MUI does not own (CssBaseline gives the rest). Here rather than in a .css
// file: a stylesheet <link> blocks the first paint for a round trip (Lighthouse: ~150 ms on a
// slow mobile link).
const globalStyles = {
  '.skip-link': {
    position: 'absolute',
    left: '-9999px',
    top: 0,
    zIndex: 2000,
    padding: '8px 12px',
    background: '#fff',
    color: '#000',
  },
  '.skip-link:focus': { left: '8px', top: '8px' },
} as const;

const Devtools = import.meta.env.DEV
  ? lazy(() =>
      import('@tanstack/react-query-devtools').then((m) => ({ default: m.ReactQueryDevtools })),
    )
  : () => null;

/**
 * The devtools' floating button sits over the page's bottom-left corner: on a phone that is the
 * table's ID column. Below 600 px (MUI's `sm`) it is left out; a wider window shows it again.
 */
function DevtoolsOnWideScreens() {
  const wide = useMediaQuery('(min-width:600px)', { noSsr: true });
  return wide ? <Devtools buttonPosition="bottom-left" /> : null;
}

export interface AppProvidersProps {
  children: ReactNode;
  /** main.tsx passes the client its route loaders prefetch into; tests get a fresh one. */
  queryClient?: QueryClient;
}

export function AppProviders({ children, queryClient: given }: AppProvidersProps) {
  const [queryClient] = useState(() => given ?? createQueryClient());
  return (
    // noSsr: a browser-only app knows the color scheme at once. Without it, the provider renders
    // first as for a server, then re-renders everything under it once mounted (bench/changes.md).
    <ThemeProvider theme={theme} defaultMode="system" noSsr>
      {/* enableColorScheme: each scheme tells the browser its mode (form controls, scroll bars). */}
      <CssBaseline enableColorScheme />
      <GlobalStyles styles={globalStyles} />
      <QueryClientProvider client={queryClient}>
        {children}
        <Suspense fallback={null}>
          <DevtoolsOnWideScreens />
        </Suspense>
      </QueryClientProvider>
    </ThemeProvider>
  );
}
