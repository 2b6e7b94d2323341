// Route module for /rebate-groups.
import { RebateGroupsPage } from '@/features/rebate-groups';

export function RebateGroupsRoute() {
  return <RebateGroupsPage />;
}
