// Every numeric field of the list answer reads as a JSON number or a numeric string, the same way;
// anything else is an ApiError naming the field, the group and the value.
import { ApiError } from '@/lib/api-error';
import { displayValue, COLUMNS } from '../../model/columns';
import { toCsv } from '../../model/csv';
import { readRebateGroupList, type RebateGroupList } from '../schemas';
import { listAnswer as answer } from './list-answer';

function thrown(raw: unknown): ApiError {
  try {
    readRebateGroupList(raw);
  } catch (e) {
    if (e instanceof ApiError) return e;
    throw e;
  }
  throw new Error('read without an error');
}

describe('numbers either way', () => {
  const asNumbers = readRebateGroupList(answer());

  it.each([
    ['id', { id: '17' }],
    ['clients_count', { clients_count: '42' }],
    ['rebate_percent', { rebate_percent: '35.50' }],
    ['rebate_percent with spaces', { rebate_percent: ' 35.5 ' }],
    ['rebate_size', { rebate_size: { min: '0.00', max: '60.00' } }],
    ['rebate_period_value', { rebate_period_value: '1' }],
    [
      'everything at once',
      {
        id: '17',
        clients_count: '42',
        rebate_percent: '35.50',
        rebate_size: { min: '0', max: '60.0' },
        rebate_period_value: '1.0',
      },
    ],
  ])('reads %s sent as a string as the same number', (_name, over) => {
    expect(readRebateGroupList(answer(over))).toEqual(asNumbers);
  });

  it.each([
    ['count', { count: '237' }],
    ['clients', { clients: '5120' }],
    ['both', { count: '237', clients: '5120.0' }],
  ])('reads totals.%s sent as a string', (_name, totals) => {
    expect(readRebateGroupList(answer({}, totals))).toEqual(asNumbers);
  });

  it('shows and exports a string-numbered group exactly like a number-numbered one', () => {
    const strings: RebateGroupList = readRebateGroupList(
      answer({
        rebate_percent: '35.50',
        rebate_size: { min: '0.00', max: '60.00' },
        clients_count: '42',
      }),
    );
    for (const column of COLUMNS) {
      expect(displayValue(column, strings.data[0]!)).toBe(displayValue(column, asNumbers.data[0]!));
    }
    expect(toCsv(strings.data, COLUMNS)).toBe(toCsv(asNumbers.data, COLUMNS));
  });

  it('reads "", null and a missing rebate_period_value as not set', () => {
    for (const v of ['', null, undefined]) {
      expect(
        readRebateGroupList(answer({ rebate_period_value: v })).data[0]?.rebate_period_value,
      ).toBeNull();
    }
  });

  it.each([
    [{ rebate_percent: 'abc' }, {}, 'rebate_percent of group 17 is not a number: "abc"'],
    [{ rebate_percent: '' }, {}, 'rebate_percent of group 17 is not a number: ""'],
    [{ rebate_percent: '35,5' }, {}, 'rebate_percent of group 17 is not a number: "35,5"'],
    [
      { rebate_size: { min: '0.00', max: 'lots' } },
      {},
      'rebate_size.max of group 17 is not a number: "lots"',
    ],
    [{ clients_count: null }, {}, 'clients_count of group 17 is not a number: null'],
    [{ rebate_period_value: 'x' }, {}, 'rebate_period_value of group 17 is not a number: "x"'],
    [{ id: '17a' }, {}, 'id of row 1 is not a whole number: "17a"'],
    [{ id: 17.5 }, {}, 'id of row 1 is not a whole number: 17.5'],
    [{}, { count: 'many' }, 'totals.count is not a whole number: "many"'],
    [{}, { clients: true }, 'totals.clients is not a whole number: true'],
  ])('refuses %j %j with a readable error', (over, totals, text) => {
    const e = thrown(answer(over, totals));
    expect(e.kind).toBe('invalid-response');
    expect(e.message).toBe(`The Exness API answered in an unexpected form: ${text}.`);
  });

  it('names the group by its id as sent, a string id included', () => {
    expect(thrown(answer({ id: '40', rebate_percent: 'n/a' })).message).toContain(
      'rebate_percent of group 40 is not a number: "n/a"',
    );
  });
});
