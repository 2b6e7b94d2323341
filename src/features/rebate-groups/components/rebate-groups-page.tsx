// Placeholder until the rebate groups list lands (issue 3).
import Typography from '@mui/material/Typography';
import { PageHeader } from '@/components/page-header';

export function RebateGroupsPage() {
  return (
    <>
      <PageHeader title="Rebate groups" subtitle="Your Exness rebate groups" />
      <Typography>The list of rebate groups will appear here.</Typography>
    </>
  );
}
