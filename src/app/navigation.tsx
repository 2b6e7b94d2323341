// The app's navigation links: beside the page on a wide screen (layout.tsx), in a drawer on a
// narrow one (nav-drawer.tsx).
import { NavLink, useMatch } from 'react-router';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import PercentIcon from '@mui/icons-material/Percent';
import AccountTreeIcon from '@mui/icons-material/AccountTree';
import AddCircleOutlineIcon from '@mui/icons-material/AddCircleOutlineOutlined';
import PeopleIcon from '@mui/icons-material/PeopleOutlined';
import HistoryIcon from '@mui/icons-material/History';
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
  {
    to: routes.affiliates,
    label: 'Affiliates',
    icon: <PeopleIcon />,
    end: false,
    nested: false,
  },
  {
    to: routes.activity,
    label: 'Activity',
    icon: <HistoryIcon />,
    end: false,
    nested: false,
  },
];

type NavItem = (typeof navItems)[number];

/** One link: MUI's list item button drawn as the router's link (aria-current on the page's own),
 * selected on its page and below it (unless `end`). */
function NavEntry({ item, onNavigate }: { item: NavItem; onNavigate?: () => void }) {
  const match = useMatch({ path: item.to, end: item.end });
  return (
    <ListItem disablePadding>
      <ListItemButton
        component={NavLink}
        to={item.to}
        end={item.end}
        onClick={onNavigate}
        selected={match !== null}
        sx={item.nested ? { pl: 4 } : undefined}
      >
        <ListItemIcon sx={{ minWidth: 36 }}>{item.icon}</ListItemIcon>
        <ListItemText primary={item.label} />
      </ListItemButton>
    </ListItem>
  );
}

export function Navigation({ onNavigate }: { onNavigate?: () => void }) {
  return (
    <nav aria-label="Main">
      <List>
        {navItems.map((item) => (
          <NavEntry key={item.to} item={item} onNavigate={onNavigate} />
        ))}
      </List>
    </nav>
  );
}
