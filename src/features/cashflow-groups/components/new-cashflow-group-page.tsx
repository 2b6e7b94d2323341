// Placeholder until the wizard lands (issue 4).
import Typography from '@mui/material/Typography';
import { PageHeader } from '@/components/page-header';

export function NewCashflowGroupPage() {
  return (
    <>
      <PageHeader title="New cashflow group" />
      <Typography>The rule builder will appear here.</Typography>
    </>
  );
}
