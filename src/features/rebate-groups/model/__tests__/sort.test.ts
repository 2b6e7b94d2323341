// Sort key edits: header clicks (plain and shift) and the sort panel's operations.
import { addSort, cycleSort, moveSort, removeSort, toggleDirection } from '../sort';
import type { SortKey } from '../view';

const k = (spec: string): SortKey[] =>
  spec
    .split(',')
    .filter(Boolean)
    .map((t) =>
      t.startsWith('-')
        ? { field: t.slice(1) as SortKey['field'], direction: 'desc' }
        : { field: t as SortKey['field'], direction: 'asc' },
    );

describe('cycleSort (plain click: this column alone)', () => {
  it.each([
    ['', 'group_title', 'group_title'],
    ['group_title', 'group_title', '-group_title'],
    ['-group_title', 'group_title', ''],
    ['-created', 'clients_count', 'clients_count'],
    ['clients_count,-created', 'created', 'created'],
    ['clients_count,created', 'created', 'created'],
    ['clients_count,-created', 'clients_count', 'clients_count'],
    ['-created', 'created', ''],
    ['created', 'created', '-created'],
  ])('%s + click %s → %s', (before, field, after) => {
    expect(cycleSort(k(before), field as SortKey['field'], false)).toEqual(k(after));
  });
});

describe('cycleSort (shift-click: a further key)', () => {
  it.each([
    ['-created', 'group_title', '-created,group_title'],
    ['-created,group_title', 'group_title', '-created,-group_title'],
    ['-created,-group_title', 'group_title', '-created'],
    ['-created,group_title', 'created', 'group_title'],
    ['created,group_title', 'created', '-created,group_title'],
    ['', 'link_code', 'link_code'],
  ])('%s + shift-click %s → %s', (before, field, after) => {
    expect(cycleSort(k(before), field as SortKey['field'], true)).toEqual(k(after));
  });
});

describe('panel operations', () => {
  const three = k('-clients_count,group_title,created');

  it('toggles one key’s direction in place', () => {
    expect(toggleDirection(three, 'group_title')).toEqual(k('-clients_count,-group_title,created'));
    expect(toggleDirection(three, 'clients_count')).toEqual(k('clients_count,group_title,created'));
  });

  it('removes a key', () => {
    expect(removeSort(three, 'group_title')).toEqual(k('-clients_count,created'));
  });

  it('adds a key at the end, never twice', () => {
    expect(addSort(three, 'link_code')).toEqual(k('-clients_count,group_title,created,link_code'));
    expect(addSort(three, 'created')).toEqual(three);
  });

  it('moves a key one place, ignoring moves off either end', () => {
    expect(moveSort(three, 'group_title', -1)).toEqual(k('group_title,-clients_count,created'));
    expect(moveSort(three, 'group_title', 1)).toEqual(k('-clients_count,created,group_title'));
    expect(moveSort(three, 'clients_count', -1)).toEqual(three);
    expect(moveSort(three, 'created', 1)).toEqual(three);
    expect(moveSort(three, 'link_code', 1)).toEqual(three);
  });

  it('never mutates its input', () => {
    const before = structuredClone(three);
    toggleDirection(three, 'created');
    removeSort(three, 'created');
    moveSort(three, 'created', -1);
    cycleSort(three, 'created', true);
    expect(three).toEqual(before);
  });
});
