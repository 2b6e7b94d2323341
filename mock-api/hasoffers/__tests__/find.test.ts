// The shared find* semantics: filter operators, OR groups, sort, fields and paging.
import { describe, expect, it } from 'vitest';
import { DEFAULT_PAGE_LIMIT, findRows, type ModelSpec, type Row } from '../find';
import { parsePhpParams } from '../php-params';

const model: ModelSpec = {
  name: 'Thing',
  fields: { id: 'number', name: 'string', size: 'number' },
};
const rows: Row[] = [
  { id: '1', name: 'Alpha', size: '10' },
  { id: '2', name: 'beta_1', size: '2' },
  { id: '3', name: 'Beta%', size: '30' },
  { id: '10', name: 'gamma', size: null },
  { id: '11', name: 'alpha', size: '10' },
];

function find(query: string): string[] | string {
  const result = findRows(model, rows, parsePhpParams(new URLSearchParams(query)));
  return result.ok ? result.rows.map((r) => r.id) : result.error;
}

describe('findRows', () => {
  it.each([
    ['', ['1', '2', '3', '10', '11']],
    ['filters[name]=ALPHA', ['1', '11']],
    ['filters[id][]=3&filters[id][]=10', ['3', '10']],
    ['filters[name][LIKE]=beta%25', ['2', '3']],
    ['filters[name][LIKE]=beta_', ['3']],
    ['filters[name][LIKE]=beta\\_1', ['2']],
    ['filters[name][LIKE]=%25\\%25', ['3']],
    ['filters[name][NOT_LIKE]=%25a', ['2', '3']],
    ['filters[id][GREATER_THAN]=2', ['3', '10', '11']],
    ['filters[id][LESS_THAN_OR_EQUAL_TO]=2', ['1', '2']],
    ['filters[size][NOT_EQUAL_TO][]=10&filters[size][NOT_EQUAL_TO][]=2', ['3']],
    ['filters[size][NULL]=1', ['10']],
    ['filters[id][GREATER_THAN]=1&filters[id][LESS_THAN]=11', ['2', '3', '10']],
    ['filters[OR][name]=gamma&filters[OR][id]=2', ['2', '10']],
    ['filters[OR][name]=gamma&filters[OR][id]=2&filters[size][NOT_NULL]=1', ['2']],
    ['sort[name]=asc', ['1', '11', '2', '3', '10']],
    ['sort[size]=desc&sort[name]=asc', ['3', '1', '11', '2', '10']],
    ['sort[id]=DESC', ['11', '10', '3', '2', '1']],
  ])('%s', (query, expected) => {
    expect(find(query)).toEqual(expected);
  });

  it.each([
    ['filters[colour]=red', "'colour' is not a field of Thing"],
    ['filters[name][SOUNDS_LIKE]=x', "unknown operator 'SOUNDS_LIKE'"],
    ['sort[colour]=asc', "'colour' is not a field of Thing"],
    ['sort[name]=up', 'use asc or desc'],
    ['limit=0', 'limit must be a positive integer'],
    ['limit=5&page=x', 'page must be a positive integer'],
    ['fields[]=colour', 'is not a field of Thing'],
  ])('refuses %s', (query, message) => {
    expect(find(query)).toContain(message);
  });

  it('pages, and projects fields while keeping each row’s id', () => {
    const result = findRows(
      model,
      rows,
      parsePhpParams(new URLSearchParams('limit=2&page=2&fields[]=name')),
    );
    expect(result).toEqual({
      ok: true,
      rows: [
        { id: '3', row: { name: 'Beta%' } },
        { id: '10', row: { name: 'gamma' } },
      ],
      paging: { page: 2, pageCount: 3, count: 5, limit: 2 },
    });
    const pageOnly = findRows(model, rows, { page: '1' });
    expect(pageOnly.ok && pageOnly.paging?.limit).toBe(DEFAULT_PAGE_LIMIT);
  });
});
