// CSV export: RFC 4180 quoting, a BOM so Excel reads UTF-8, and formula-injection guarding.
import type { RebateGroup } from '../api/schemas';
import type { Column } from './columns';

/** Characters that make a spreadsheet treat a text cell as a formula (OWASP CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number): string {
  let text = typeof value === 'number' ? String(value) : value;
  // Numbers we emit ourselves are data; only text can smuggle a formula.
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export const CSV_BOM = '\uFEFF';

/** The whole file's text: BOM, header row, one line per group, CRLF line ends (RFC 4180). */
export function toCsv(rows: readonly RebateGroup[], columns: readonly Column[]): string {
  const lines = [columns.map((c) => csvCell(c.header)).join(',')];
  for (const row of rows) lines.push(columns.map((c) => csvCell(c.csv(row))).join(','));
  return `${CSV_BOM}${lines.join('\r\n')}\r\n`;
}

export function csvFilename(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `rebate-groups-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.csv`;
}
