// The page for any path we do not know.
import { Link as RouterLink, useLocation } from 'react-router';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import Stack from '@mui/material/Stack';
import { routes } from '@/config/routes';

export function NotFoundPage() {
  const { pathname } = useLocation();
  return (
    <Stack spacing={2} sx={{ maxWidth: 640 }}>
      <Typography variant="h4" component="h1">
        Page not found
      </Typography>
      <Typography>
        There is no page at <code>{pathname}</code>. It may have moved, or the link may be mistyped.
      </Typography>
      <Stack direction="row" spacing={1}>
        <Button variant="contained" component={RouterLink} to={routes.rebateGroups}>
          Rebate groups
        </Button>
        <Button component={RouterLink} to={routes.cashflowGroups}>
          Cashflow groups
        </Button>
      </Stack>
    </Stack>
  );
}
