// The stack floor: the smallest list page the chosen libraries allow, to size against the bytes
// budget. React, MUI (app bar, table with a sortable header, a select filter with its menu, a
// chip, the pager, the progress bar) with MUI's default theme, TanStack Query and zod/mini,
// showing 25 rows from a static file. No router and no app code: whatever this weighs, and
// however it loads, the dashboard cannot do better. `npm run bench` builds it beside the app,
// weighs it (bench/bytes.ts) and runs Lighthouse on it (bench/run.ts). Plain createElement calls,
// so it type-checks with the Node tooling that owns bench/.
import { createElement as h, StrictMode, startTransition, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { ThemeProvider, createTheme } from '@mui/material/styles';
import AppBar from '@mui/material/AppBar';
import Chip from '@mui/material/Chip';
import CssBaseline from '@mui/material/CssBaseline';
import LinearProgress from '@mui/material/LinearProgress';
import MenuItem from '@mui/material/MenuItem';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableFooter from '@mui/material/TableFooter';
import TableHead from '@mui/material/TableHead';
import TablePagination from '@mui/material/TablePagination';
import TableRow from '@mui/material/TableRow';
import TableSortLabel from '@mui/material/TableSortLabel';
import TextField from '@mui/material/TextField';
import Toolbar from '@mui/material/Toolbar';
import Typography from '@mui/material/Typography';

const Page = z.object({
  count: z.number(),
  results: z.array(z.object({ id: z.number(), title: z.string(), clients: z.number() })),
});

const PLACEHOLDERS = Array.from({ length: 25 }, (_, i) => ({
  id: -i,
  title: '\u00a0',
  clients: '',
}));

function List() {
  const [descending, setDescending] = useState(false);
  const [type, setType] = useState('');
  const [page, setPage] = useState(0);
  const rows = useQuery({
    queryKey: ['rows', descending, type, page],
    // The same rows whatever the view: the floor measures loading, not the API.
    queryFn: async () => Page.parse(await (await fetch('/rows.json')).json()),
  });
  return h(
    'main',
    null,
    h(AppBar, null, h(Toolbar, null, h(Typography, { variant: 'h6' }, 'Rebate groups'))),
    // The fixed app bar's height, as pages under it reserve.
    h(Toolbar),
    rows.isFetching && h(LinearProgress, { 'aria-label': 'Loading' }),
    h(
      TextField,
      { select: true, label: 'Type', value: type, onChange: (e) => setType(e.target.value) },
      h(MenuItem, { value: 'AUTO' }, 'Auto'),
    ),
    type && h(Chip, { label: type, onDelete: () => setType('') }),
    h(
      Table,
      null,
      h(
        TableHead,
        null,
        h(
          TableRow,
          null,
          h(
            TableCell,
            null,
            h(
              TableSortLabel,
              {
                active: true,
                direction: descending ? 'desc' : 'asc',
                onClick: () => setDescending(!descending),
              },
              'Title',
            ),
          ),
          h(TableCell, { align: 'right' }, 'Clients'),
        ),
      ),
      h(
        TableBody,
        null,
        // Until the rows arrive, as many blank rows hold their place: no layout shift, as the
        // app's skeleton does.
        (rows.data?.results ?? PLACEHOLDERS).map((row) =>
          h(
            TableRow,
            { key: row.id },
            h(TableCell, null, row.title),
            h(TableCell, { align: 'right' }, row.clients),
          ),
        ),
      ),
      h(
        TableFooter,
        null,
        h(
          TableRow,
          null,
          h(TablePagination, {
            count: rows.data?.count ?? 0,
            page,
            rowsPerPage: 25,
            onPageChange: (_: unknown, next: number) => setPage(next),
          }),
        ),
      ),
    ),
  );
}

// As the app starts (src/main.tsx): the first render as a transition, in slices.
const root = createRoot(document.getElementById('root')!);
startTransition(() =>
  root.render(
    h(
      StrictMode,
      null,
      h(
        ThemeProvider,
        { theme: createTheme() },
        h(CssBaseline),
        h(QueryClientProvider, { client: new QueryClient() }, h(List)),
      ),
    ),
  ),
);
