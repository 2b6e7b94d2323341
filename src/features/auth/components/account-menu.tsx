// The app bar's account corner: who is signed in, and the sign-out button.
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import Stack from '@mui/material/Stack';
import LogoutIcon from '@mui/icons-material/Logout';
import { useSession, useSignOut } from '../hooks/use-session';

export function AccountMenu() {
  const { data } = useSession();
  const signOut = useSignOut();
  if (!data?.user) return null;
  return (
    // A flex gap: the name is hidden on a phone, and a margin would stay beside the button.
    <Stack direction="row" spacing={1} useFlexGap sx={{ ml: 'auto', alignItems: 'center' }}>
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
    </Stack>
  );
}
