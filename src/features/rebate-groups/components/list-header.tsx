// The page's title row. Also what the route shows while the page's code is still loading on a
// first visit (app/router.tsx): the title then paints with the app's frame, not after the page.
import type { ReactNode } from 'react';
import { PageHeader } from '@/components/page-header';

export function RebateGroupsHeader({ actions }: { actions?: ReactNode }) {
  return (
    <PageHeader title="Rebate groups" subtitle="Your Exness rebate groups" actions={actions} />
  );
}
