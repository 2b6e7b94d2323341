// The shell: app bar with the product name, navigation, and the routed page.
import { memo, useCallback, useEffect, useState } from 'react';
import { Outlet, useLocation, useNavigation } from 'react-router';
import Box from '@mui/material/Box';
import IconButton from '@mui/material/IconButton';
import Typography from '@mui/material/Typography';
import type { Theme } from '@mui/material/styles';
import MenuIcon from '@mui/icons-material/Menu';
import { OnDemand } from '@/components/on-demand';
import { ProgressBar } from '@/components/progress-bar';
import { StaticStyles } from '@/components/static-styles';
import { PRODUCT_NAME, routes } from '@/config/routes';
import { AccountMenu, RequireSession } from '@/features/auth';
import { lazyWithPreload, preloadOnIntent } from '@/lib/lazy-with-preload';
import { NAV_WIDTH, Navigation } from './navigation';
import { theme as appTheme } from './theme';

/**
 * The app bar and its dense toolbar, drawn as MUI's AppBar (fixed, primary; the paper's colours
 * in dark mode) and Toolbar draw them, without those components (1.3 KB gzip of every page's first
 * load). `.app-bar-space` holds the bar's height where content starts under it.
 */
const shellStyles = (theme: Theme) => {
  const palette = (theme.vars ?? theme).palette;
  return {
    '.app-bar': {
      display: 'flex',
      flexDirection: 'column',
      width: '100%',
      boxSizing: 'border-box',
      flexShrink: 0,
      position: 'fixed',
      zIndex: theme.zIndex.drawer + 1,
      top: 0,
      left: 'auto',
      right: 0,
      backgroundColor: palette.primary.main,
      color: palette.primary.contrastText,
      ...theme.applyStyles('dark', {
        backgroundColor: palette.background.paper,
        color: palette.text.primary,
      }),
      '@media print': { position: 'absolute' },
    },
    '.app-bar-row': {
      position: 'relative',
      display: 'flex',
      alignItems: 'center',
      minHeight: 48,
      paddingLeft: theme.spacing(2),
      paddingRight: theme.spacing(2),
      [theme.breakpoints.up('sm')]: {
        paddingLeft: theme.spacing(3),
        paddingRight: theme.spacing(3),
      },
    },
    '.app-bar-space': { minHeight: 48 },
    // A wide screen has the navigation beside the page; a narrow one, a menu button that opens
    // it in a drawer. CSS decides, so no script runs to know the width at start.
    [theme.breakpoints.up('md')]: { '.app-bar .nav-menu-button': { display: 'none' } },
    [theme.breakpoints.down('md')]: { '.nav-column': { display: 'none' } },
  } as const;
};

const NavDrawer = lazyWithPreload(() => import('./nav-drawer').then((m) => m.NavDrawer));
const navIntent = preloadOnIntent(NavDrawer);

/**
 * The app bar and the navigation column, memoised: a list page or sort change is a navigation,
 * and without memo these two re-rendered with every click in the table.
 */
const TopBar = memo(function TopBar({
  loading,
  onOpenNav,
}: {
  loading: boolean;
  onOpenNav: () => void;
}) {
  return (
    <header className="app-bar">
      <StaticStyles styles={shellStyles} />
      <div className="app-bar-row">
        <IconButton
          className="nav-menu-button"
          color="inherit"
          edge="start"
          aria-label="Open navigation"
          onClick={onOpenNav}
          {...navIntent}
          sx={{ mr: 1 }}
        >
          <MenuIcon />
        </IconButton>
        <Typography variant="h6" component="span" sx={{ fontWeight: 600 }}>
          {PRODUCT_NAME}
        </Typography>
        <AccountMenu />
      </div>
      {loading && (
        <ProgressBar
          label="Loading page"
          style={{ position: 'absolute', bottom: 0, left: 0, right: 0, height: 2 }}
        />
      )}
    </header>
  );
});

/**
 * The navigation beside the page on a wide screen: a fixed column under the app bar, as MUI's
 * permanent drawer draws it, without that component (its modal and slide code serve the narrow
 * screen's drawer only).
 */
const NavColumn = memo(function NavColumn() {
  return (
    <Box className="nav-column" sx={{ width: NAV_WIDTH, flexShrink: 0 }}>
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
        <div className="app-bar-space" />
        <Navigation />
      </Box>
    </Box>
  );
});

/** The app bar, with its loading bar while a page's code loads (the router's navigation state). */
function TopBarWithProgress({ onOpenNav }: { onOpenNav: () => void }) {
  const navigation = useNavigation();
  return <TopBar loading={navigation.state === 'loading'} onOpenNav={onOpenNav} />;
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
      <div className="app-bar-space" />
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

  // The drawer is the narrow screen's: a window made wide closes it (the column shows instead).
  useEffect(() => {
    // (No matchMedia, as in jsdom: nothing to watch.)
    if (!open || typeof window.matchMedia !== 'function') return;
    const wide = window.matchMedia(appTheme.breakpoints.up('md').replace(/^@media /, ''));
    const onChange = () => {
      if (wide.matches) setOpen(false);
    };
    onChange();
    wide.addEventListener('change', onChange);
    return () => wide.removeEventListener('change', onChange);
  }, [open]);

  return (
    <Box sx={{ display: 'flex', minHeight: '100vh' }}>
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <TopBarWithProgress onOpenNav={openNav} />
      <NavColumn />
      <OnDemand what="The navigation" open={open}>
        <NavDrawer open={open} onClose={closeNav} />
      </OnDemand>
      <MainAtLocation />
    </Box>
  );
}
