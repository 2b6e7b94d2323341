// Bulk membership for groups chosen on the cashflow list: the affiliate page's add/remove flow in
// a dialog, those groups ticked. Loaded on first use, so the list's first load does not grow.
import { useId, useState } from 'react';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import type { CashflowGroupListRow } from '../api';
import { BulkMembership } from './bulk-membership';

export function BulkMembershipDialog({
  groups,
  onClose,
}: {
  /** The groups chosen on the list (rows as the list read them; the review reads each whole). */
  groups: CashflowGroupListRow[];
  onClose: () => void;
}) {
  const titleId = useId();
  // Closing mid-run would hide the progress and the report of writes still being sent.
  const [running, setRunning] = useState(false);
  const close = () => {
    if (!running) onClose();
  };
  return (
    <Dialog open onClose={close} aria-labelledby={titleId} fullWidth maxWidth="md">
      <DialogTitle id={titleId}>
        Add or remove affiliates in {groups.length} group{groups.length === 1 ? '' : 's'}
      </DialogTitle>
      <DialogContent dividers>
        <BulkMembership
          groups={groups}
          preselected={groups.map((g) => g.id)}
          onRunningChange={setRunning}
        />
      </DialogContent>
      <DialogActions>
        <Button onClick={close} disabled={running}>
          Close
        </Button>
      </DialogActions>
    </Dialog>
  );
}
