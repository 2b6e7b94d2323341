// Route module for /cashflow-groups.
import { CashflowGroupsPage } from '@/features/cashflow-groups';

export function CashflowGroupsRoute() {
  return <CashflowGroupsPage />;
}
