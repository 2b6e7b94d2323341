// The app's navigation links: beside the page on a wide screen (layout.tsx), in a drawer on a
// narrow one (nav-drawer.tsx).
import { NavLink } from '@/lib/router';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import PercentIcon from '@mui/icons-material/Percent';
import AccountTreeIcon from '@mui/icons-material/AccountTree';
import AddCircleOutlineIcon from '@mui/icons-material/AddCircleOutlineOutlined';
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

export function Navigation({ onNavigate }: { onNavigate?: () => void }) {
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
