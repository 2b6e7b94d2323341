// Loading a group named in the route, for the pages that show or edit one: the spinner, the
// error with Try again, and "not found". Apart from the details page, so the wizard (which
// clones a group) does not load that page to show these.
import type { ReactNode } from 'react';
import { Link as RouterLink, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import Alert from '@mui/material/Alert';
import CircularProgress from '@mui/material/CircularProgress';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { PageHeader } from '@/components/page-header';
import { routes } from '@/config/routes';
import { toApiError } from '@/lib/api-error';
import { cashflowGroupQueries } from '../api';
import { isGroupId } from './group-links';
import { RetryAlert } from '@/components/retry-alert';

export function GroupNotFound({ id }: { id: string }) {
  return (
    <>
      <PageHeader title="Cashflow group not found" />
      <Alert severity="warning">
        There is no cashflow group with the ID “{id}”. It may have been deleted, or the link is
        wrong.{' '}
        <Link component={RouterLink} to={routes.cashflowGroups}>
          Back to the cashflow groups
        </Link>
      </Alert>
    </>
  );
}

/** Loads a group for a page: spinner, error with retry, not found, or the group. */
export function useGroupFromRoute() {
  const { id } = useParams();
  const valid = isGroupId(id);
  const query = useQuery({ ...cashflowGroupQueries.detail(valid ? id : '0'), enabled: valid });
  return { id: id ?? '', valid, query };
}

export function GroupLoadState({
  id,
  valid,
  query,
}: ReturnType<typeof useGroupFromRoute>): ReactNode {
  if (!valid || query.data === null) return <GroupNotFound id={id} />;
  if (query.isError) {
    return (
      <RetryAlert onRetry={() => void query.refetch()}>
        The group could not be loaded: {toApiError(query.error).message}
      </RetryAlert>
    );
  }
  return (
    <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center', py: 4 }}>
      <CircularProgress size={20} aria-hidden />
      <Typography color="text.secondary">Loading the group…</Typography>
    </Stack>
  );
}
