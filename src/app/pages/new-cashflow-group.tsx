// Route module for /cashflow-groups/new.
import { NewCashflowGroupPage } from '@/features/cashflow-groups/new';

export function NewCashflowGroupRoute() {
  return <NewCashflowGroupPage />;
}
