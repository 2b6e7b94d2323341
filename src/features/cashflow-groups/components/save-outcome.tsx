// What "Save changes" led to, the button itself, and the confirmation a removal needs.
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import Box from '@mui/material/Box';
import type { GroupDiff } from '../model';
import type { SaveState } from '../hooks/use-save-group';
import { SaveImpact } from './group-usage';

export function SaveAction({ state, onSave }: { state: SaveState; onSave: () => void }) {
  const busy = state.status === 'checking' || state.status === 'saving';
  return (
    <Button
      variant="contained"
      onClick={onSave}
      loading={busy}
      loadingPosition="start"
      disabled={state.status === 'saved'}
    >
      {state.status === 'conflict' ? 'Save on top of the new version' : 'Save changes'}
    </Button>
  );
}

export function SaveStatus({ state, onDismiss }: { state: SaveState; onDismiss: () => void }) {
  const body = (() => {
    switch (state.status) {
      case 'checking':
        return <Alert severity="info">Checking that nobody changed the group meanwhile…</Alert>;
      case 'saving':
        return <Alert severity="info">Saving…</Alert>;
      case 'conflict':
        return (
          <Alert severity="warning" onClose={onDismiss}>
            <AlertTitle>The group was changed on the server while you were editing</AlertTitle>
            Nothing was saved. The review now compares your edit with the server&apos;s new version
            (changed {state.modified}); check it, then save again on top of it.
          </Alert>
        );
      case 'nothing':
        return (
          <Alert severity="info" onClose={onDismiss}>
            Nothing to save: the group is the same as on the server.
          </Alert>
        );
      case 'gone':
        return (
          <Alert severity="error">
            This group no longer exists on the server. Nothing was saved.
          </Alert>
        );
      case 'failed':
        return (
          <Alert severity="error" onClose={onDismiss}>
            <AlertTitle>The changes were not saved</AlertTitle>
            {state.error.message}
            {state.error.details.length > 0 && ` (${state.error.details.join('; ')})`} Saving again
            is safe: the update replaces the whole group.
          </Alert>
        );
      default:
        return null;
    }
  })();
  if (!body) return null;
  return (
    <Box role="status" sx={{ mb: 1.5 }}>
      {body}
    </Box>
  );
}

function removalSentence(diff: GroupDiff): string {
  const parts: string[] = [];
  const n = (k: number, one: string, many: string) => `${k} ${k === 1 ? one : many}`;
  if (diff.rules.removed.length) parts.push(n(diff.rules.removed.length, 'rule', 'rules'));
  const { affiliates } = diff;
  if (affiliates.beforeAll && !affiliates.afterAll) {
    parts.push('every affiliate not on the new list');
  } else if (!affiliates.afterAll && affiliates.removed.length) {
    parts.push(n(affiliates.removed.length, 'affiliate', 'affiliates'));
  }
  return parts.join(' and ');
}

export function ConfirmRemovalDialog({
  state,
  name,
  groupId,
  onCancel,
  onConfirm,
}: {
  state: SaveState;
  name: string;
  /** Whose usage is shown as the save's impact (the same dialog serves an edit and a restore). */
  groupId: string;
  onCancel: () => void;
  onConfirm: () => void;
}) {
  const open = state.status === 'confirming';
  return (
    <Dialog open={open} onClose={onCancel} aria-labelledby="confirm-removal-title">
      <DialogTitle id="confirm-removal-title">Remove from “{name}”?</DialogTitle>
      <DialogContent>
        <DialogContentText>
          {open && `Saving removes ${removalSentence(state.diff)} from this group. `}
          Partners stop being paid by what is removed, and HasOffers keeps no history to undo it.
        </DialogContentText>
        <Box sx={{ mt: 1.5 }}>
          <SaveImpact groupId={groupId} />
        </Box>
      </DialogContent>
      <DialogActions>
        <Button onClick={onCancel}>Cancel</Button>
        <Button color="error" variant="contained" onClick={onConfirm}>
          Remove and save
        </Button>
      </DialogActions>
    </Dialog>
  );
}
