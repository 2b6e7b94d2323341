// Route module for /cashflow-groups/:id/edit; with ?restore=<change id>, the edit starts from
// that recorded version (loaded from the history here, handed to the cashflow-groups edit).
import { useParams, useSearchParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import Alert from '@mui/material/Alert';
import Typography from '@mui/material/Typography';
import { toApiError } from '@/lib/api-error';
import { EditCashflowGroupPage } from '@/features/cashflow-groups/edit';
import { formatWhen, historyQueries } from '@/features/history/group-history';

function RestoreEdit({ changeId, groupId }: { changeId: number; groupId: string | undefined }) {
  const query = useQuery(historyQueries.change(changeId));
  if (query.isPending) {
    return <Typography color="text.secondary">Loading version #{changeId}…</Typography>;
  }
  if (query.isError) {
    return (
      <Alert severity="error">
        Version #{changeId} could not be loaded: {toApiError(query.error).message}
      </Alert>
    );
  }
  const change = query.data;
  if (change.group === null || change.groupId !== groupId) {
    return (
      <Alert severity="error">
        #{changeId} is not a recorded version of this group, so it cannot be restored.
      </Alert>
    );
  }
  return (
    <EditCashflowGroupPage
      restore={{
        changeId,
        group: change.group,
        recorded: `recorded ${formatWhen(change.requestedAt)}, ${change.user}`,
      }}
    />
  );
}

export function EditCashflowGroupRoute() {
  const [params] = useSearchParams();
  const { id } = useParams();
  const restore = params.get('restore');
  if (restore !== null) {
    const changeId = Number(restore);
    if (!Number.isSafeInteger(changeId) || changeId < 1) {
      return <Alert severity="error">“{restore}” is not a version number.</Alert>;
    }
    return <RestoreEdit key={changeId} changeId={changeId} groupId={id} />;
  }
  return <EditCashflowGroupPage />;
}
