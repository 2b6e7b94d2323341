// Placeholder until the cashflow groups list lands (issue 5).
import { Link as RouterLink } from 'react-router';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { PageHeader } from '@/components/page-header';

export function CashflowGroupsPage() {
  return (
    <>
      <PageHeader
        title="Cashflow groups"
        subtitle="HasOffers payout and revenue groups"
        actions={
          <Button variant="contained" component={RouterLink} to="/cashflow-groups/new">
            New cashflow group
          </Button>
        }
      />
      <Typography>The list of cashflow groups will appear here.</Typography>
    </>
  );
}
