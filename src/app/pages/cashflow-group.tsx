// Route module for /cashflow-groups/:id.
import { CashflowGroupDetailsPage } from '@/features/cashflow-groups/details';

export function CashflowGroupRoute() {
  return <CashflowGroupDetailsPage />;
}
