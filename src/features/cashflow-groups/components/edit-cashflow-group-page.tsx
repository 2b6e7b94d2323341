// /cashflow-groups/:id/edit: the wizard filled from the server's copy (read through fromPayload,
// like an import), saved with updateCashflowGroup after a diff review. No drafts: see wizard.tsx.
import { useCallback, useState } from 'react';
import { Link as RouterLink, useNavigate } from 'react-router';
import Link from '@mui/material/Link';
import { PageHeader } from '@/components/page-header';
import { routes } from '@/config/routes';
import type { CashflowGroupDetail } from '../api';
import { GroupLoadState, useGroupFromRoute } from './group-load-state';
import { SAVED_STATE_KEY } from './group-links';
import { CashflowWizard, type WizardInitial, type WizardMode } from './wizard';

function EditGroup({ loaded }: { loaded: CashflowGroupDetail }) {
  // The copy the edit started from stays fixed while the query refreshes underneath.
  const [group] = useState(loaded);
  const [initial] = useState<WizardInitial>(() => ({ form: group.form, step: 'details' }));
  const navigate = useNavigate();
  const onSaved = useCallback(
    (id: string) => void navigate(routes.cashflowGroup(id), { state: { [SAVED_STATE_KEY]: true } }),
    [navigate],
  );
  const [mode] = useState<WizardMode>(() => ({ kind: 'edit', group, onSaved }));
  return (
    <>
      <PageHeader
        title={`Edit “${group.form.name}”`}
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
      <CashflowWizard initial={initial} onCreateAnother={noop} mode={mode} />
    </>
  );
}

const noop = () => undefined;

export function EditCashflowGroupPage() {
  const load = useGroupFromRoute();
  const group = load.query.data;
  if (!group) return <GroupLoadState {...load} />;
  return <EditGroup key={group.id} loaded={group} />;
}
