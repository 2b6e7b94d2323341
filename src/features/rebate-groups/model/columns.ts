// The table's columns: header, sort field, alignment and value; shared by the table and the CSV.
import type { RebateGroup } from '../api/schemas';
import type { SortField } from './view';
import { formatInteger, formatPercent, formatPeriod, formatRebateSize, label } from './format';

export const COLUMN_IDS = [
  'id',
  'title',
  'type',
  'clients',
  'rebatePercent',
  'rebateSize',
  'period',
  'linkCode',
  'created',
] as const;
export type ColumnId = (typeof COLUMN_IDS)[number];

export interface Column {
  id: ColumnId;
  header: string;
  /** The API field this column sorts by; none for columns the API cannot order. */
  sortField?: SortField;
  numeric: boolean;
  /**
   * The value a spreadsheet should get: raw numbers stay numbers (no locale grouping that Excel
   * would misread), dates stay ISO, composite cells use the same text as the table.
   */
  csv: (g: RebateGroup) => string | number;
}

export const COLUMNS: readonly Column[] = [
  { id: 'id', header: 'ID', numeric: true, csv: (g) => g.id },
  {
    id: 'title',
    header: 'Title',
    sortField: 'group_title',
    numeric: false,
    csv: (g) => g.group_title,
  },
  {
    id: 'type',
    header: 'Type',
    sortField: 'group_type',
    numeric: false,
    csv: (g) => label(g.group_type),
  },
  {
    id: 'clients',
    header: 'Clients',
    sortField: 'clients_count',
    numeric: true,
    csv: (g) => g.clients_count,
  },
  {
    id: 'rebatePercent',
    header: 'Rebate %',
    sortField: 'rebate_percent',
    numeric: true,
    csv: (g) => g.rebate_percent,
  },
  {
    id: 'rebateSize',
    header: 'Rebate size',
    numeric: true,
    csv: (g) => formatRebateSize(g.rebate_size),
  },
  {
    id: 'period',
    header: 'Period',
    sortField: 'rebate_period',
    numeric: false,
    csv: (g) => formatPeriod(g),
  },
  {
    id: 'linkCode',
    header: 'Link code',
    sortField: 'link_code',
    numeric: false,
    csv: (g) => g.link_code,
  },
  { id: 'created', header: 'Created', sortField: 'created', numeric: false, csv: (g) => g.created },
];

/** What a sort key is called on screen: the header of the column it sorts. */
export const SORT_FIELD_LABELS: Record<SortField, string> = {
  group_title: 'Title',
  group_type: 'Type',
  clients_count: 'Clients',
  rebate_percent: 'Rebate %',
  rebate_period: 'Period',
  link_code: 'Link code',
  created: 'Created',
};

export function displayValue(column: Column, g: RebateGroup): string {
  const v = column.csv(g);
  if (column.id === 'id') return String(v); // an identifier, not a quantity: no grouping
  if (column.id === 'rebatePercent' && typeof v === 'number') return formatPercent(v);
  return typeof v === 'number' ? formatInteger(v) : v;
}
