// Route module for /cashflow-groups/:id/edit.
import { EditCashflowGroupPage } from '@/features/cashflow-groups/edit';

export function EditCashflowGroupRoute() {
  return <EditCashflowGroupPage />;
}
