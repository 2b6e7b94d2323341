// The benchmark's peer: the rebate groups list as react-admin builds it, with its stock <Admin>,
// <List> and <Datagrid>, its default theme and layout, over the same BFF endpoint as the dashboard.
// bench/run.ts builds it with Vite and serves it from a BFF of its own; the figures set ours beside it.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import {
  Admin,
  Datagrid,
  DateField,
  ExportButton,
  FilterLiveForm,
  List,
  NumberField,
  Resource,
  SelectArrayInput,
  SelectField,
  TextField,
  TextInput,
  TopToolbar,
} from 'react-admin';
import Stack from '@mui/material/Stack';
import { dataProvider } from './data-provider';

const GROUP_TYPES = [
  { id: 'AUTO', name: 'Auto' },
  { id: 'MANUAL', name: 'Manual' },
];
const REBATE_PERIODS = [
  { id: 'DAILY', name: 'Daily' },
  { id: 'WEEKLY', name: 'Weekly' },
  { id: 'MONTHLY', name: 'Monthly' },
];

/**
 * react-admin's own live filter form, with its 500 ms debounce turned off: the stock form waits
 * for 500 ms of quiet after every change, a deliberate pause the bench would otherwise time as
 * latency (the dashboard applies a menu filter when the menu closes, with no timer). With no
 * debounce the link code box filters on every keystroke; the bench changes the Type filter only.
 */
function RebateGroupFilters() {
  return (
    <FilterLiveForm debounce={0}>
      <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap', pt: 1 }}>
        <SelectArrayInput source="group_type" label="Type" choices={GROUP_TYPES} />
        <SelectArrayInput source="rebate_period" label="Rebate period" choices={REBATE_PERIODS} />
        <TextInput source="link_code" label="Link code" helperText={false} />
      </Stack>
    </FilterLiveForm>
  );
}

function RebateGroupList() {
  return (
    <List
      title="Rebate groups"
      filters={<RebateGroupFilters />}
      actions={
        <TopToolbar>
          <ExportButton />
        </TopToolbar>
      }
      // The dashboard's defaults: newest first, 25 rows a page.
      sort={{ field: 'created', order: 'DESC' }}
      perPage={25}
    >
      <Datagrid rowClick={false} bulkActionButtons={false}>
        <TextField source="group_title" label="Title" />
        <SelectField source="group_type" label="Type" choices={GROUP_TYPES} />
        <NumberField source="clients_count" label="Clients" />
        <NumberField
          source="rebate_percent"
          label="Rebate %"
          options={{ maximumFractionDigits: 2 }}
        />
        <SelectField source="rebate_period" label="Rebate period" choices={REBATE_PERIODS} />
        <TextField source="link_code" label="Link code" />
        <DateField source="created" label="Created" />
      </Datagrid>
    </List>
  );
}

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <Admin dataProvider={dataProvider} title="Rebate groups">
      <Resource name="rebate-groups" list={RebateGroupList} />
    </Admin>
  </StrictMode>,
);
