// An msw HasOffers for bulk membership tests: groups with rules and affiliate ids, found page by
// page, read by id and updated (replace-all), with a call log and an update that can be held.
import { http } from 'msw';
import { setupServer } from 'msw/node';
import { ok, refused } from './test-hasoffers';

export interface Group {
  id: string;
  name: string;
  modified: string;
  rules: { field: string; operator: string; value: string[]; negate: string }[];
  affiliate_ids: string[];
}

/** Spain (#3) names affiliate 3, Italy (#4) affiliate 4, then `fillers` groups naming 9 only. */
export function seed(fillers: number): Group[] {
  return [
    {
      id: '3',
      name: 'Spain',
      modified: '1',
      rules: [{ field: 'country', operator: 'IN', value: ['ES'], negate: '0' }],
      affiliate_ids: ['3'],
    },
    {
      id: '4',
      name: 'Italy',
      modified: '1',
      rules: [{ field: 'country', operator: 'IN', value: ['IT'], negate: '0' }],
      affiliate_ids: ['4'],
    },
    ...Array.from({ length: fillers }, (_, i) => ({
      id: String(100 + i),
      name: `Filler ${i}`,
      modified: '1',
      rules: [{ field: 'aff_sub1', operator: 'IN', value: [`f${i}`], negate: '0' }],
      affiliate_ids: ['9'],
    })),
  ];
}

export interface MembershipCall {
  method: string;
  params: URLSearchParams;
  headers: Headers;
}

export interface MembershipNetwork {
  groups: Group[];
  calls: MembershipCall[];
  /** When set, the next update waits for it (the write "on its way"). */
  holdUpdate: Promise<void> | undefined;
  updates: () => MembershipCall[];
  reset: () => void;
  server: ReturnType<typeof setupServer>;
}

export function membershipNetwork(): MembershipNetwork {
  const net: MembershipNetwork = {
    groups: seed(3),
    calls: [],
    holdUpdate: undefined,
    updates: () => net.calls.filter((c) => c.method === 'updateCashflowGroup'),
    reset() {
      net.groups = seed(3);
      net.calls.length = 0;
      net.holdUpdate = undefined;
    },
    server: setupServer(
      http.all('*/api/hasoffers', async ({ request }) => {
        const url = new URL(request.url);
        const p =
          request.method === 'POST' ? new URLSearchParams(await request.text()) : url.searchParams;
        const method = p.get('Method') ?? '';
        net.calls.push({ method, params: p, headers: request.headers });
        switch (`${p.get('Target')}::${method}`) {
          case 'CashflowGroup::findCashflowGroups': {
            const limit = Number(p.get('limit'));
            const page = Number(p.get('page'));
            const rows = net.groups.slice((page - 1) * limit, page * limit);
            return ok({
              page: String(page),
              pageCount: Math.ceil(net.groups.length / limit),
              count: net.groups.length,
              data: Object.fromEntries(
                rows.map((g) => [
                  g.id,
                  {
                    CashflowGroup: {
                      id: g.id,
                      name: g.name,
                      description: '',
                      modified: g.modified,
                    },
                    rules: g.rules,
                    affiliate_ids: g.affiliate_ids,
                  },
                ]),
              ),
            });
          }
          case 'CashflowGroup::findCashflowGroupById': {
            const g = net.groups.find((x) => x.id === p.get('cashflow_group_id'));
            if (!g) return ok(null);
            return ok({
              id: g.id,
              name: g.name,
              description: '',
              modified: g.modified,
              rules: g.rules,
              affiliates: g.affiliate_ids.map((a) => ({ id: a, company: `Company ${a}` })),
            });
          }
          case 'CashflowGroup::updateCashflowGroup': {
            const held = net.holdUpdate;
            net.holdUpdate = undefined;
            if (held) await held;
            const g = net.groups.find((x) => x.id === p.get('id'));
            if (!g) return refused('no such group');
            g.affiliate_ids = JSON.parse(p.get('affiliate_ids_json') ?? '[]') as string[];
            g.modified = String(Number(g.modified) + 1);
            return ok(true);
          }
          case 'OfferTargeting::findTargetRules':
            return ok([]);
          default:
            return refused(`Unexpected ${method}`);
        }
      }),
    ),
  };
  return net;
}

/** A membershipNetwork() for a whole test file: listening before the first test, reset after each. */
export function serveMembershipNetwork(): MembershipNetwork {
  const net = membershipNetwork();
  beforeAll(() => net.server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => net.reset());
  afterAll(() => net.server.close());
  return net;
}
