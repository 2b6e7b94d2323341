// Where a part of a page that only a click shows (a dialog, a drawer, a popover) renders, when its
// code comes apart from the page's (`lazyWithPreload`): nothing while the code arrives (its
// control fetches it on intent, `preloadOnIntent`, so a click seldom waits), and if it cannot
// arrive, a message with a way to try again, in view wherever the part would have opened.
import { Suspense, useState, type ReactNode } from 'react';
import Box from '@mui/material/Box';
import { LoadBoundary } from '@/lib/lazy-with-preload';
import { RetryAlert } from './retry-alert';

export function OnDemand({
  what,
  open,
  children,
}: {
  /** What failed to load, for the message: "The group's details". */
  what: string;
  /** Whether the part is wanted now. It renders from the first time this is true on, and stays:
   * it closes with its own transition (and a dialog it opened outlives it). */
  open: boolean;
  children: ReactNode;
}) {
  const [opened, setOpened] = useState(open);
  if (open && !opened) setOpened(true);
  if (!opened) return null;
  return (
    <LoadBoundary
      what={what}
      fallback={(retry) => (
        <Box
          sx={{
            position: 'fixed',
            zIndex: 'snackbar',
            bottom: 16,
            left: 16,
            right: 16,
            maxWidth: 560,
          }}
        >
          <RetryAlert onRetry={retry} title={`${what} could not be loaded`}>
            Check your connection, then try again.
          </RetryAlert>
        </Box>
      )}
    >
      <Suspense fallback={null}>{children}</Suspense>
    </LoadBoundary>
  );
}
