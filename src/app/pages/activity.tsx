// Route module for /activity: the change history across cashflow groups.
import { routes } from '@/config/routes';
import { ActivityPage } from '@/features/history';

export function ActivityRoute() {
  return <ActivityPage groupHref={(id) => `${routes.cashflowGroup(id)}#history`} />;
}
