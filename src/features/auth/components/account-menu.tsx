// The app bar's account corner: who is signed in, and the sign-out button.
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import LogoutIcon from '@mui/icons-material/Logout';
import { useSession, useSignOut } from '../hooks/use-session';

export function AccountMenu() {
  const { data } = useSession();
  const signOut = useSignOut();
  if (!data?.user) return null;
  return (
    <Box sx={{ display: 'flex', gap: 1, ml: 'auto', alignItems: 'center' }}>
      <Typography variant="body2" sx={{ display: { xs: 'none', sm: 'block' } }}>
        Signed in as <strong>{data.user.name}</strong>
        {data.autoSignIn && ' (automatic in emulated dev mode)'}
      </Typography>
      <Button
        color="inherit"
        size="small"
        startIcon={<LogoutIcon />}
        onClick={() => signOut.mutate()}
        disabled={signOut.isPending}
      >
        Sign out
      </Button>
    </Box>
  );
}
