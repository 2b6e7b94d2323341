// The PHP-bracket parser: the nested shapes PHP builds from query and form parameters.
import { describe, expect, it } from 'vitest';
import { parsePhpParams, splitPhpKey } from '../php-params';

const parse = (query: string): unknown => parsePhpParams(new URLSearchParams(query));

describe('parsePhpParams', () => {
  it.each([
    ['Target=Affiliate&Method=findAll', { Target: 'Affiliate', Method: 'findAll' }],
    ['fields[]=id&fields[]=company', { fields: ['id', 'company'] }],
    ['filters[id][]=2&filters[id][]=4', { filters: { id: ['2', '4'] } }],
    ['filters[id]=2', { filters: { id: '2' } }],
    ['filters[company][LIKE]=%25acme%25', { filters: { company: { LIKE: '%acme%' } } }],
    ['sort[name]=asc&sort[id]=desc', { sort: { name: 'asc', id: 'desc' } }],
    [
      'filters[OR][company][LIKE]=%25a%25&filters[OR][id]=7&filters[status]=active',
      { filters: { OR: { company: { LIKE: '%a%' }, id: '7' }, status: 'active' } },
    ],
    ['a[0]=x&a[1]=y', { a: ['x', 'y'] }],
    ['a[1]=x&a[0]=y', { a: { 1: 'x', 0: 'y' } }],
    ['a[]=x&a[k]=y', { a: { 0: 'x', k: 'y' } }],
    ['a[5]=x&a[]=y', { a: { 5: 'x', 6: 'y' } }],
    ['a[x][][y]=1&a[x][][y]=2', { a: { x: [{ y: '1' }, { y: '2' }] } }],
    ['name=&description=', { name: '', description: '' }],
    ['a=1&a=2', { a: '2' }],
    ['a=1&a[]=2', { a: ['2'] }],
    ['a[]=1&a=2', { a: '2' }],
    ['my.key=1&my key=2', { my_key: '2' }],
    ['a[b=1', { a_b: '1' }],
    ['a[b]c=1', { a: { b: '1' } }],
    ['[x]=1&=2', {}],
    ['rules_json=%5B%7B%22field%22%3A%22country%22%7D%5D', { rules_json: '[{"field":"country"}]' }],
  ])('%s', (query, expected) => {
    expect(parse(query)).toEqual(expected);
  });

  it('keeps the insertion order of map keys', () => {
    const parsed = parse('sort[name]=asc&sort[id]=desc&sort[company]=asc') as {
      sort: Record<string, string>;
    };
    expect(Object.keys(parsed.sort)).toEqual(['name', 'id', 'company']);
  });
});

describe('splitPhpKey', () => {
  it('splits the base and bracket keys, [] as null', () => {
    expect(splitPhpKey('filters[id][]')).toEqual({ base: 'filters', keys: ['id', null] });
    expect(splitPhpKey('plain')).toEqual({ base: 'plain', keys: [] });
  });
});

describe('names as PHP reads them', () => {
  it.each([
    ['Method\0', 'Method'],
    ['Method\0x', 'Method'],
    ['Target\0[]', 'Target'],
    ['  Method', 'Method'],
  ])('%j is filed under %s, and the last value wins', (name, base) => {
    const params = parsePhpParams([
      [base, 'first'],
      [name, 'smuggled'],
    ]);
    expect(params[base]).toBe('smuggled');
  });
});
