// The shell: app bar with the product name, navigation, and the routed page.
import { memo, useCallback, useState } from 'react';
import { NavLink, Outlet, useLocation, useNavigation } from '@/lib/router';
import AppBar from '@mui/material/AppBar';
import Box from '@mui/material/Box';
import Drawer from '@mui/material/Drawer';
import IconButton from '@mui/material/IconButton';
import LinearProgress from '@mui/material/LinearProgress';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import Toolbar from '@mui/material/Toolbar';
import Typography from '@mui/material/Typography';
import useMediaQuery from '@mui/material/useMediaQuery';
import MenuIcon from '@mui/icons-material/Menu';
import PercentIcon from '@mui/icons-material/Percent';
import AccountTreeIcon from '@mui/icons-material/AccountTree';
import AddCircleOutlineIcon from '@mui/icons-material/AddCircleOutlineOutlined';
import { PRODUCT_NAME, routes } from '@/config/routes';
import { AccountMenu, RequireSession } from '@/features/auth';

const DRAWER_WIDTH = 232;

const navItems = [
  {
    to: routes.rebateGroups,
    label: 'Rebate groups',
    icon: <PercentIcon />,
    end: false,
    nested: false,
  },
  {
    to: routes.cashflowGroups,
    label: 'Cashflow groups',
    icon: <AccountTreeIcon />,
    end: true,
    nested: false,
  },
  {
    to: routes.newCashflowGroup,
    label: 'New cashflow group',
    icon: <AddCircleOutlineIcon />,
    end: false,
    nested: true,
  },
];

function Navigation({ onNavigate }: { onNavigate?: () => void }) {
  return (
    <nav aria-label="Main">
      <List>
        {navItems.map((item) => (
          <ListItem key={item.to} disablePadding>
            <ListItemButton
              component={NavLink}
              to={item.to}
              end={item.end}
              onClick={onNavigate}
              sx={{
                pl: item.nested ? 4 : 2,
                '&.active': { bgcolor: 'action.selected', fontWeight: 600 },
              }}
            >
              <ListItemIcon sx={{ minWidth: 36 }}>{item.icon}</ListItemIcon>
              <ListItemText primary={item.label} />
            </ListItemButton>
          </ListItem>
        ))}
      </List>
    </nav>
  );
}

/**
 * The app bar and the navigation drawer, memoised: a list page or sort change is a navigation,
 * and without memo these two re-rendered with every click in the table.
 */
const TopBar = memo(function TopBar({
  wide,
  loading,
  onOpenNav,
}: {
  wide: boolean;
  loading: boolean;
  onOpenNav: () => void;
}) {
  return (
    <AppBar position="fixed" elevation={0} sx={{ zIndex: (t) => t.zIndex.drawer + 1 }}>
      <Toolbar variant="dense">
        {!wide && (
          <IconButton
            color="inherit"
            edge="start"
            aria-label="Open navigation"
            onClick={onOpenNav}
            sx={{ mr: 1 }}
          >
            <MenuIcon />
          </IconButton>
        )}
        <Typography variant="h6" component="span" sx={{ fontWeight: 600 }}>
          {PRODUCT_NAME}
        </Typography>
        <AccountMenu />
      </Toolbar>
      {loading && (
        <LinearProgress
          aria-label="Loading page"
          sx={{ position: 'absolute', bottom: 0, left: 0, right: 0, height: 2 }}
        />
      )}
    </AppBar>
  );
});

const NavDrawer = memo(function NavDrawer({
  wide,
  open,
  onClose,
}: {
  wide: boolean;
  open: boolean;
  onClose: () => void;
}) {
  return (
    <Drawer
      variant={wide ? 'permanent' : 'temporary'}
      open={wide || open}
      onClose={onClose}
      sx={{
        width: DRAWER_WIDTH,
        flexShrink: 0,
        '& .MuiDrawer-paper': { width: DRAWER_WIDTH, boxSizing: 'border-box' },
      }}
    >
      <Toolbar variant="dense" />
      <Navigation onNavigate={onClose} />
    </Drawer>
  );
});

/** The app bar, with its loading bar while a page's code loads (the router's navigation state). */
function TopBarWithProgress({ wide, onOpenNav }: { wide: boolean; onOpenNav: () => void }) {
  const navigation = useNavigation();
  return <TopBar wide={wide} loading={navigation.state === 'loading'} onOpenNav={onOpenNav} />;
}

/**
 * The page area, memoised and reading no router state itself: a navigation (and every list page,
 * sort or filter change is one) re-renders what reads it below, the routed page through Outlet
 * and RequireSession, not this frame and its styled boxes.
 */
const Main = memo(function Main() {
  return (
    <Box
      component="main"
      id="main"
      tabIndex={-1}
      sx={{ flexGrow: 1, minWidth: 0, p: { xs: 2, md: 3 } }}
    >
      <Toolbar variant="dense" />
      <RequireSession>
        <Outlet />
      </RequireSession>
    </Box>
  );
});

/** Arriving on the home path mounts the page area anew. */
function MainAtLocation() {
  const { pathname } = useLocation();
  return <Main key={pathname === routes.home ? 'home' : undefined} />;
}

export function AppLayout() {
  const wide = useMediaQuery((t) => t.breakpoints.up('md'), { noSsr: true });
  const [open, setOpen] = useState(false);
  const openNav = useCallback(() => setOpen(true), []);
  const closeNav = useCallback(() => setOpen(false), []);

  return (
    <Box sx={{ display: 'flex', minHeight: '100vh' }}>
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <TopBarWithProgress wide={wide} onOpenNav={openNav} />
      <NavDrawer wide={wide} open={open} onClose={closeNav} />
      <MainAtLocation />
    </Box>
  );
}
