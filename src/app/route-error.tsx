// What a route shows when it throws: what went wrong and a way back, never a blank page.
import { isRouteErrorResponse, Link as RouterLink, useRouteError } from 'react-router';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import { routes } from '@/config/routes';

export function describeError(error: unknown): string {
  if (isRouteErrorResponse(error)) return `${error.status} ${error.statusText}`;
  if (error instanceof Error) return error.message;
  return 'Unknown error';
}

export function RouteError() {
  const error = useRouteError();
  // A deploy replaced the chunk this tab wanted: a reload fetches the new one.
  const staleChunk =
    error instanceof Error &&
    /dynamically imported module|Importing a module script failed/i.test(error.message);
  return (
    <Box role="main" sx={{ p: 3, maxWidth: 720 }}>
      <Alert severity="error" variant="outlined">
        <AlertTitle>Something went wrong on this page</AlertTitle>
        {staleChunk
          ? 'A newer version of the dashboard is available. Reload to continue.'
          : describeError(error)}
      </Alert>
      <Stack direction="row" spacing={1} sx={{ mt: 2 }}>
        <Button variant="contained" onClick={() => window.location.reload()}>
          Reload
        </Button>
        <Button component={RouterLink} to={routes.rebateGroups}>
          Go to rebate groups
        </Button>
      </Stack>
    </Box>
  );
}
