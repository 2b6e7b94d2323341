// The shell: app bar with the product name, navigation, and the routed page.
import { memo, useCallback, useState } from 'react';
import { Outlet, useLocation, useNavigation } from 'react-router';
import AppBar from '@mui/material/AppBar';
import Box from '@mui/material/Box';
import IconButton from '@mui/material/IconButton';
import LinearProgress from '@mui/material/LinearProgress';
import Toolbar from '@mui/material/Toolbar';
import Typography from '@mui/material/Typography';
import useMediaQuery from '@mui/material/useMediaQuery';
import MenuIcon from '@mui/icons-material/Menu';
import { OnDemand } from '@/components/on-demand';
import { PRODUCT_NAME, routes } from '@/config/routes';
import { AccountMenu, RequireSession } from '@/features/auth';
import { lazyWithPreload, preloadOnIntent } from '@/lib/lazy-with-preload';
import { NAV_WIDTH, Navigation } from './navigation';
import { theme as appTheme } from './theme';

const NavDrawer = lazyWithPreload(() => import('./nav-drawer').then((m) => m.NavDrawer));
const navIntent = preloadOnIntent(NavDrawer);

/**
 * The app bar and the navigation column, memoised: a list page or sort change is a navigation,
 * and without memo these two re-rendered with every click in the table.
 */
const TopBar = memo(function TopBar({
  loading,
  wide,
  onOpenNav,
}: {
  loading: boolean;
  /** A wide screen has the navigation beside the page; a narrow one, a button that opens it. */
  wide: boolean;
  onOpenNav: () => void;
}) {
  return (
    // Above the drawers (MUI's clipped-drawer layout): they start under the bar.
    <AppBar position="fixed" elevation={0} sx={{ zIndex: (theme) => theme.zIndex.drawer + 1 }}>
      <Toolbar variant="dense">
        {!wide && (
          <IconButton
            color="inherit"
            edge="start"
            aria-label="Open navigation"
            onClick={onOpenNav}
            {...navIntent}
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

/**
 * The navigation beside the page on a wide screen: a fixed column under the app bar, as MUI's
 * permanent drawer draws it, without that component (its modal and slide code serve the narrow
 * screen's drawer only).
 */
const NavColumn = memo(function NavColumn() {
  return (
    <Box sx={{ width: NAV_WIDTH, flexShrink: 0 }}>
      <Box
        sx={{
          position: 'fixed',
          top: 0,
          bottom: 0,
          left: 0,
          width: NAV_WIDTH,
          overflowY: 'auto',
          bgcolor: 'background.paper',
          borderRight: 1,
          borderColor: 'divider',
        }}
      >
        <Toolbar variant="dense" />
        <Navigation />
      </Box>
    </Box>
  );
});

/** The app bar, with its loading bar while a page's code loads (the router's navigation state). */
function TopBarWithProgress({ wide, onOpenNav }: { wide: boolean; onOpenNav: () => void }) {
  const navigation = useNavigation();
  return <TopBar loading={navigation.state === 'loading'} wide={wide} onOpenNav={onOpenNav} />;
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
  const [open, setOpen] = useState(false);
  const openNav = useCallback(() => setOpen(true), []);
  const closeNav = useCallback(() => setOpen(false), []);

  // noSsr: a browser-only app knows the width at once, so the first render is the right one.
  const wide = useMediaQuery(appTheme.breakpoints.up('md'), { noSsr: true });
  // The drawer is the narrow screen's: a window made wide closes it (the column shows instead).
  if (wide && open) setOpen(false);

  return (
    <Box sx={{ display: 'flex', minHeight: '100vh' }}>
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <TopBarWithProgress wide={wide} onOpenNav={openNav} />
      {wide ? (
        <NavColumn />
      ) : (
        <OnDemand what="The navigation" open={open}>
          <NavDrawer open={open} onClose={closeNav} />
        </OnDemand>
      )}
      <MainAtLocation />
    </Box>
  );
}
