// The app's navigation links: beside the page on a wide screen (layout.tsx), in a drawer on a
// narrow one (nav-drawer.tsx).
//
// Links in a plain list, drawn as MUI's List, ListItemButton, ListItemIcon and ListItemText draw
// them (the same boxes, type and state colours), without those components: 2.7 KB gzip of every
// page's first load, for three links. Not carried over: the ripple on a press.
import { NavLink } from 'react-router';
import type { Theme } from '@mui/material/styles';
import PercentIcon from '@mui/icons-material/Percent';
import AccountTreeIcon from '@mui/icons-material/AccountTree';
import AddCircleOutlineIcon from '@mui/icons-material/AddCircleOutlineOutlined';
import { StaticStyles } from '@/components/static-styles';
import { routes } from '@/config/routes';

export const NAV_WIDTH = 232;

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

const styles = (theme: Theme) => {
  const palette = (theme.vars ?? theme).palette;
  return {
    '.nav-list': { listStyle: 'none', margin: 0, padding: '8px 0', position: 'relative' },
    '.nav-link': {
      display: 'flex',
      alignItems: 'center',
      position: 'relative',
      boxSizing: 'border-box',
      minWidth: 0,
      padding: '8px 16px',
      color: 'inherit',
      textDecoration: 'none',
      outline: 0,
      WebkitTapHighlightColor: 'transparent',
      transition: theme.transitions.create('background-color', {
        duration: theme.transitions.duration.shortest,
      }),
      '&:hover': {
        backgroundColor: palette.action.hover,
        '@media (hover: none)': { backgroundColor: 'transparent' },
      },
      '&:focus-visible': { backgroundColor: palette.action.focus },
      '&.active': { backgroundColor: palette.action.selected },
    },
    '.nav-link.nav-link-nested': { paddingLeft: 32 },
    '.nav-link-icon': {
      minWidth: 36,
      color: palette.action.active,
      flexShrink: 0,
      display: 'inline-flex',
    },
    '.nav-link-text': {
      ...theme.typography.body1,
      display: 'block',
      flex: '1 1 auto',
      minWidth: 0,
      margin: '4px 0',
    },
  } as const;
};

export function Navigation({ onNavigate }: { onNavigate?: () => void }) {
  return (
    <nav aria-label="Main">
      <StaticStyles styles={styles} />
      <ul className="nav-list">
        {navItems.map((item) => (
          <li key={item.to}>
            <NavLink
              to={item.to}
              end={item.end}
              onClick={onNavigate}
              className={item.nested ? 'nav-link nav-link-nested' : 'nav-link'}
            >
              <span className="nav-link-icon">{item.icon}</span>
              <span className="nav-link-text">{item.label}</span>
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
