// CSV: quoting, BOM, formula-injection guard, columns as displayed, and the file name.
import type { RebateGroup } from '../../api/schemas';
import { COLUMNS } from '../columns';
import { CSV_BOM, csvCell, csvFilename, toCsv } from '../csv';

const group = (over: Partial<RebateGroup> = {}): RebateGroup => ({
  id: 17,
  partner_uid: 'p-1',
  group_title: 'VIP',
  group_type: 'MANUAL',
  clients_count: 1234,
  rebate_percent: 35.5,
  created: '2026-03-01T10:00:00Z',
  is_default: false,
  rebate_size: { min: 0, max: 60 },
  rebate_period: 'MONTHLY',
  rebate_period_value: 1,
  rebate_period_start: null,
  rebate_period_end: null,
  link_code: 'vip',
  ...over,
});

describe('csvCell', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\r', '"cr\r"'],
    [' padded ', '" padded "'],
    ['Grüße 日本', 'Grüße 日本'],
    ['', ''],
  ])('%j → %j', (input, out) => {
    expect(csvCell(input)).toBe(out);
  });

  it.each(['=1+1', '+SUM(A1)', '-2+3', '@cmd', '\tx', '=HYPERLINK("http://x","y")'])(
    'defuses a formula-looking text %j with a leading quote',
    (input) => {
      const cell = csvCell(input);
      expect(cell.replace(/^"/, '').startsWith("'")).toBe(true);
    },
  );

  it('quotes a defused cell that also needs quoting', () => {
    expect(csvCell('=1,2')).toBe(`"'=1,2"`);
  });

  it('writes numbers as they are (a negative number is data, not a formula)', () => {
    expect(csvCell(35.5)).toBe('35.5');
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell(1234567)).toBe('1234567');
  });
});

describe('toCsv', () => {
  it('has a BOM, a header row of the displayed headers and CRLF lines', () => {
    const text = toCsv(
      [group(), group({ id: 18, group_title: 'A, "quoted" one', link_code: '' })],
      COLUMNS,
    );
    expect(text.startsWith(CSV_BOM)).toBe(true);
    const lines = text.slice(1).split('\r\n');
    expect(lines[0]).toBe('ID,Title,Type,Clients,Rebate %,Rebate size,Period,Link code,Created');
    expect(lines[1]).toBe('17,VIP,Manual,1234,35.5,0–60 %,Monthly,vip,2026-03-01T10:00:00Z');
    expect(lines[2]).toBe(
      '18,"A, ""quoted"" one",Manual,1234,35.5,0–60 %,Monthly,,2026-03-01T10:00:00Z',
    );
    expect(lines[3]).toBe('');
  });

  it('writes only the given columns, in their order', () => {
    const cols = COLUMNS.filter((c) => c.id === 'linkCode' || c.id === 'id');
    expect(toCsv([group({ link_code: '=cmd' })], cols)).toBe(
      `${CSV_BOM}ID,Link code\r\n17,'=cmd\r\n`,
    );
  });

  it('writes only the header for no rows', () => {
    expect(toCsv([], COLUMNS.slice(0, 2))).toBe(`${CSV_BOM}ID,Title\r\n`);
  });
});

describe('csvFilename', () => {
  it('is rebate-groups-YYYY-MM-DD.csv in local time', () => {
    expect(csvFilename(new Date(2026, 0, 5, 23, 59))).toBe('rebate-groups-2026-01-05.csv');
  });
});
