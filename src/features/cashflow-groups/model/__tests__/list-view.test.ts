// The list's URL state: parse with defaults and notices, write back keeping unknown params,
// and the page reset on search/sort/limit changes.
import {
  changeListView,
  defaultListView,
  parseListView,
  writeListView,
  type ListView,
} from '../list-view';

const parse = (qs: string) => parseListView(new URLSearchParams(qs));

describe('parseListView', () => {
  it('defaults for an empty URL, without notices', () => {
    expect(parse('')).toEqual({ view: defaultListView(), notices: [] });
  });

  it.each<[string, Partial<ListView>]>([
    ['q=acme', { q: 'acme' }],
    ['q=%20acme%20', { q: 'acme' }],
    ['sort=-name', { sort: '-name' }],
    ['sort=id', { sort: 'id' }],
    ['sort=-id', { sort: '-id' }],
    ['page=3', { page: 3 }],
    ['limit=50', { limit: 50 }],
    ['limit=10&page=2&sort=id&q=EU', { limit: 10, page: 2, sort: 'id', q: 'EU' }],
  ])('reads %s', (qs, expected) => {
    const r = parse(qs);
    expect(r.view).toEqual({ ...defaultListView(), ...expected });
    expect(r.notices).toEqual([]);
  });

  it.each<[string, Partial<ListView>, RegExp]>([
    ['sort=created', {}, /Ignored the sort “created”/],
    ['page=0', {}, /Ignored the page “0”/],
    ['page=-2', {}, /Ignored the page/],
    ['page=1e3', {}, /Ignored the page/],
    ['limit=abc', {}, /Ignored the page size “abc”/],
    ['limit=0', {}, /Ignored the page size/],
    ['limit=500', { limit: 50 }, /above the maximum: showing 50/],
    [`q=${'x'.repeat(150)}`, { q: 'x'.repeat(100) }, /Shortened the search/],
  ])('drops or corrects %s with a notice', (qs, expected, notice) => {
    const r = parse(qs);
    expect(r.view).toEqual({ ...defaultListView(), ...expected });
    expect(r.notices).toHaveLength(1);
    expect(r.notices[0]).toMatch(notice);
  });

  it('keeps the valid parts of a partly invalid URL', () => {
    const r = parse('q=EU&sort=bogus&page=2');
    expect(r.view).toEqual({ ...defaultListView(), q: 'EU', page: 2 });
    expect(r.notices).toHaveLength(1);
  });
});

describe('writeListView', () => {
  it('omits defaults and keeps unknown params', () => {
    const base = new URLSearchParams('utm=x&sort=-id&page=4');
    expect(writeListView(defaultListView(), base).toString()).toBe('utm=x');
    expect(writeListView({ q: 'a b', sort: '-id', page: 2, limit: 10 }, base).toString()).toBe(
      'utm=x&q=a+b&sort=-id&page=2&limit=10',
    );
  });

  it('round-trips every valid view', () => {
    const view: ListView = { q: 'Acme', sort: '-name', page: 7, limit: 50 };
    expect(parseListView(writeListView(view)).view).toEqual(view);
  });
});

describe('changeListView', () => {
  const at3: ListView = { q: 'eu', sort: 'name', page: 3, limit: 20 };
  it.each<[string, Partial<ListView>, number]>([
    ['a new search', { q: 'acme' }, 1],
    ['a new sort', { sort: '-id' }, 1],
    ['a new page size', { limit: 50 }, 1],
    ['the same search, padded', { q: ' eu ' }, 3],
    ['a page change', { page: 4 }, 4],
  ])('%s → page %i', (_, change, page) => {
    expect(changeListView(at3, change).page).toBe(page);
  });
});
