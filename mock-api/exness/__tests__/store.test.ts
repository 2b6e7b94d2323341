// The Exness list parameters: transport differences and validation, without HTTP.
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMIT, listGroups, parseListParams } from '../store';
import { seedRebateGroups } from '../seed';

describe('parseListParams', () => {
  it('defaults: no filters, id order, 25 from offset 0', () => {
    expect(parseListParams({}, 'json')).toEqual({
      ok: true,
      query: { ordering: [], limit: DEFAULT_LIMIT, offset: 0, filters: {} },
    });
  });

  it('reads comma lists and repeated keys from a query, arrays from JSON', () => {
    const q = parseListParams(
      { group_type: 'AUTO,MANUAL', rebate_period: ['DAILY', 'WEEKLY'] },
      'query',
    );
    const j = parseListParams(
      { group_type: ['AUTO', 'MANUAL'], rebate_period: ['DAILY', 'WEEKLY'] },
      'json',
    );
    expect(q).toEqual(j);
    expect(q.ok && q.query.filters).toEqual({
      group_type: ['AUTO', 'MANUAL'],
      rebate_period: ['DAILY', 'WEEKLY'],
    });
  });

  it('takes numbers as group ids and string limits, trims ordering terms', () => {
    const r = parseListParams(
      { group_id: [12, '40'], limit: '10', ordering: ' -created , group_title' },
      'json',
    );
    expect(r).toEqual({
      ok: true,
      query: {
        ordering: [
          { field: 'created', descending: true },
          { field: 'group_title', descending: false },
        ],
        limit: 10,
        offset: 0,
        filters: { group_id: ['12', '40'] },
      },
    });
  });

  it('collects every field error', () => {
    expect(parseListParams({ ordering: 'a,-b', limit: 'x', group_id: ['1x'] }, 'json')).toEqual({
      ok: false,
      errors: {
        ordering: ['Unknown field: a', 'Unknown field: b'],
        limit: ['A valid integer is required.'],
        group_id: ['"1x" is not a valid group id.'],
      },
    });
  });
});

describe('listGroups', () => {
  it('treats an empty filter list as no filter', () => {
    const groups = seedRebateGroups();
    const parsed = parseListParams({ group_type: [], limit: 100 }, 'json');
    expect(parsed.ok && listGroups(groups, parsed.query).totals.count).toBe(groups.length);
  });
});
