// The navigation on a narrow screen: a temporary drawer over the page, opened from the app bar's
// menu button. Its code (and MUI's drawer and slide) comes apart from the app's first load: only a
// narrow screen uses it, and only on a press (layout.tsx).
import Drawer from '@mui/material/Drawer';
import Toolbar from '@mui/material/Toolbar';
import { NAV_WIDTH, Navigation } from './navigation';

export function NavDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Drawer
      variant="temporary"
      open={open}
      onClose={onClose}
      slotProps={{
        // Mounted on the first press: MUI's drawer skips the slide on its first render unless
        // asked.
        transition: { appear: true },
        paper: { sx: { width: NAV_WIDTH, boxSizing: 'border-box' } },
      }}
    >
      <Toolbar variant="dense" />
      <Navigation onNavigate={onClose} />
    </Drawer>
  );
}
