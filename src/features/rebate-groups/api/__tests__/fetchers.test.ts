// The list request: exactly the view, filters as string arrays, empty filters omitted, sent as GET.
import { fetchRebateGroups, listBodyFromSearch, toListBody, toListSearch } from '../fetchers';
import { rebateGroupListSchema } from '../schemas';
import { defaultView, parseView } from '../../model/view';
import { documentedGroup, listAnswer } from './list-answer';

describe('toListBody', () => {
  it('always states the page and the default ordering', () => {
    expect(toListBody(defaultView())).toEqual({ ordering: '-created', limit: 25, offset: 0 });
  });

  it('sends the issue’s example link as the documented body', () => {
    const { view } = parseView(
      new URLSearchParams(
        'group_type=AUTO&rebate_period=WEEKLY&rebate_period=MONTHLY&ordering=-clients_count,group_title&limit=50&offset=100&utm=x',
      ),
    );
    expect(toListBody(view)).toEqual({
      ordering: '-clients_count,group_title',
      limit: 50,
      offset: 100,
      group_type: ['AUTO'],
      rebate_period: ['WEEKLY', 'MONTHLY'],
    });
  });

  it('omits ordering for the explicit "no sort" and keeps ids as strings', () => {
    const { view } = parseView(
      new URLSearchParams('ordering=&group_id=12&group_id=40&link_code=vip'),
    );
    expect(toListBody(view)).toEqual({
      limit: 25,
      offset: 0,
      group_id: ['12', '40'],
      link_code: ['vip'],
    });
  });
});

describe('the list transport', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('writes a filter as one key per value and an empty filter not at all', () => {
    const { view } = parseView(
      new URLSearchParams('group_type=AUTO&group_type=MANUAL&ordering=-rebate_percent,group_title'),
    );
    expect(toListSearch(toListBody(view)).toString()).toBe(
      'ordering=-rebate_percent%2Cgroup_title&limit=25&offset=0&group_type=AUTO&group_type=MANUAL',
    );
    expect(toListSearch(toListBody(defaultView())).toString()).toBe(
      'ordering=-created&limit=25&offset=0',
    );
  });

  it('reads back what it wrote (the stand-in servers in tests rely on it)', () => {
    const { view } = parseView(
      new URLSearchParams('ordering=&group_id=12&group_id=40&link_code=vip&rebate_period=DAILY'),
    );
    const body = toListBody(view);
    expect(listBodyFromSearch(toListSearch(body))).toEqual(body);
  });

  it('lists with a GET and no body: a POST to this URL may create a group', async () => {
    const fetchMock = vi.fn<typeof fetch>(() =>
      Promise.resolve(Response.json({ data: [], totals: { count: 0, clients: 0 } })),
    );
    vi.stubGlobal('fetch', fetchMock);
    await fetchRebateGroups({
      ordering: 'group_title',
      limit: 10,
      offset: 20,
      group_type: ['AUTO'],
    });
    const [url, init] = fetchMock.mock.calls[0] ?? [];
    expect(url).toBe(
      '/api/exness/api/v2/autorebates/groups/?ordering=group_title&limit=10&offset=20&group_type=AUTO',
    );
    expect(init?.method).toBe('GET');
    expect(init?.body).toBeUndefined();
  });
});

describe('rebateGroupListSchema', () => {
  const row = documentedGroup;

  it('reads the documented answer', () => {
    const parsed = rebateGroupListSchema.parse(listAnswer());
    expect(parsed.data[0]).toEqual(row);
  });

  it('normalises missing or null optional fields', () => {
    const { rebate_period_start: _s, rebate_period_end: _e, ...rest } = row;
    const parsed = rebateGroupListSchema.parse({
      data: [{ ...rest, link_code: null, rebate_period_value: null }],
      totals: { count: 1, clients: 42 },
    });
    expect(parsed.data[0]).toMatchObject({
      link_code: '',
      rebate_period_value: null,
      rebate_period_start: null,
      rebate_period_end: null,
    });
  });

  it('refuses an answer without totals', () => {
    expect(rebateGroupListSchema.safeParse({ data: [row] }).success).toBe(false);
  });
});
