// /cashflow-groups/:id/edit: the wizard filled from the server's copy (read through fromPayload,
// like an import), saved with updateCashflowGroup after a diff review. No drafts: see wizard.tsx.
import { useCallback, useState } from 'react';
import { Link as RouterLink, useNavigate } from 'react-router';
import Alert from '@mui/material/Alert';
import Link from '@mui/material/Link';
import { PageHeader } from '@/components/page-header';
import { routes } from '@/config/routes';
import type { CashflowGroupDetail } from '../api';
import { GroupLoadState, useGroupFromRoute } from './group-load-state';
import { SAVED_STATE_KEY } from './group-links';
import { readVersion } from './version-diff';
import { CashflowWizard, type WizardInitial, type WizardMode } from './wizard';

/** ?restore=<change id>: a recorded version of this group, filled into the edit (from the app). */
export interface RestoreVersion {
  changeId: number;
  /** The group as recorded (findCashflowGroupById's shape). */
  group: unknown;
  /** Who recorded it and when, in words. */
  recorded: string;
}

function EditGroup({ loaded, restore }: { loaded: CashflowGroupDetail; restore?: RestoreVersion }) {
  // The copy the edit started from stays fixed while the query refreshes underneath.
  const [group] = useState(loaded);
  const [restored] = useState(() => restore && readVersion(restore.group));
  // A restore opens on Review: the diff from the server's copy to the version is the point.
  const [initial] = useState<WizardInitial>(() =>
    restored ? { form: restored.form, step: 'review' } : { form: group.form, step: 'details' },
  );
  const navigate = useNavigate();
  const onSaved = useCallback(
    (id: string) => void navigate(routes.cashflowGroup(id), { state: { [SAVED_STATE_KEY]: true } }),
    [navigate],
  );
  const [mode] = useState<WizardMode>(() => ({
    kind: 'edit',
    group,
    onSaved,
    ...(restore && restored && { restoredFrom: restore.changeId }),
  }));
  if (restore && !restored) {
    return (
      <Alert severity="error">
        Version #{restore.changeId} could not be read as a cashflow group, so it cannot be restored.{' '}
        <Link component={RouterLink} to={routes.cashflowGroup(group.id)}>
          Back to the group
        </Link>
      </Alert>
    );
  }
  return (
    <>
      <PageHeader
        title={restore ? `Restore “${group.form.name}”` : `Edit “${group.form.name}”`}
        subtitle={
          <>
            Cashflow group #{group.id}. Saving replaces all of its rules and affiliates; the review
            shows exactly what changes.{' '}
            <Link component={RouterLink} to={routes.cashflowGroup(group.id)}>
              Back to the group
            </Link>
          </>
        }
      />
      {restore && (
        <Alert severity="info" sx={{ mb: 2 }}>
          Version #{restore.changeId} ({restore.recorded}) is filled in. Review shows what saving it
          changes in the group as HasOffers stores it now.
        </Alert>
      )}
      <CashflowWizard initial={initial} onCreateAnother={noop} mode={mode} />
    </>
  );
}

const noop = () => undefined;

export function EditCashflowGroupPage({ restore }: { restore?: RestoreVersion } = {}) {
  const load = useGroupFromRoute();
  const group = load.query.data;
  if (!group) return <GroupLoadState {...load} />;
  return (
    <EditGroup
      key={`${group.id}:${restore?.changeId ?? ''}`}
      loaded={group}
      {...(restore && { restore })}
    />
  );
}
