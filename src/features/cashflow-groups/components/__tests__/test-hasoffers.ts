// An msw HasOffers for the wizard's component tests: a tiny in-memory network (groups,
// affiliates, target rules) answering by Target/Method, with a call log and per-call overrides.
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';

export interface WizardCall {
  target: string | null;
  method: string | null;
  params: URLSearchParams;
  headers: Headers;
}

type Override = (call: WizardCall) => Response | Promise<Response> | undefined;

export function ok(data: unknown) {
  return HttpResponse.json({
    request: {},
    response: { status: 1, httpStatus: 200, data, errors: [], errorMessage: null },
  });
}

export function refused(message: string) {
  return HttpResponse.json({
    request: {},
    response: {
      status: -1,
      httpStatus: 200,
      data: '',
      errors: [{ publicMessage: message }],
      errorMessage: message,
    },
  });
}

export interface TestNetwork {
  groups: { id: string; name: string }[];
  affiliates: { id: string; company: string; status: string; country: string }[];
  targetRules: { id: string; name: string; description: string }[];
}

function seed(): TestNetwork {
  return {
    groups: [{ id: '3', name: 'Existing group' }],
    affiliates: Array.from({ length: 25 }, (_, i) => ({
      id: String(i + 1),
      company: `Company ${i + 1}`,
      status: 'active',
      country: 'DE',
    })),
    targetRules: [
      { id: '79', name: 'EU traffic', description: '' },
      { id: '80', name: 'Mobile only', description: '' },
    ],
  };
}

function paged<T>(
  rows: T[],
  page: number,
  limit: number,
  key: (row: T) => Record<string, unknown>,
) {
  const start = (page - 1) * limit;
  const slice = rows.slice(start, start + limit);
  return {
    page: String(page),
    pageCount: Math.max(1, Math.ceil(rows.length / limit)),
    count: rows.length,
    current: slice.length,
    data: Object.assign({}, ...slice.map(key)) as Record<string, unknown>,
  };
}

function answer(net: TestNetwork, call: WizardCall, nextId: () => string): Response {
  const p = call.params;
  const key = `${call.target}::${call.method}`;
  switch (key) {
    case 'CashflowGroup::findCashflowGroups': {
      const name = (p.get('filters[name]') ?? '').toLowerCase();
      const rows = net.groups.filter((g) => !name || g.name.toLowerCase() === name);
      return ok(paged(rows, 1, 50, (g) => ({ [g.id]: { CashflowGroup: g } })));
    }
    case 'CashflowGroup::createCashflowGroup': {
      const name = p.get('name') ?? '';
      if (net.groups.some((g) => g.name.toLowerCase() === name.toLowerCase())) {
        return refused(`A cashflow group named '${name}' already exists`);
      }
      const id = nextId();
      net.groups.push({ id, name });
      return ok(id);
    }
    case 'OfferTargeting::findTargetRules':
      return ok(paged(net.targetRules, 1, 50, (r) => ({ [r.id]: { TargetRule: r } })));
    case 'Affiliate::findAll': {
      const ids = p.getAll('filters[id][]');
      const like = p.get('filters[OR][company][LIKE]') ?? p.get('filters[company][LIKE]');
      let rows = net.affiliates;
      if (ids.length > 0) rows = rows.filter((a) => ids.includes(a.id));
      if (like) {
        const q = like.replaceAll('%', '').toLowerCase();
        rows = rows.filter((a) => a.company.toLowerCase().includes(q));
      }
      const page = Number(p.get('page') ?? 1);
      const limit = Number(p.get('limit') ?? 20);
      return ok(paged(rows, page, limit, (a) => ({ [a.id]: { Affiliate: a } })));
    }
    default:
      return refused(`Unexpected call ${key}`);
  }
}

export function testHasOffers() {
  let net = seed();
  let id = 100;
  const calls: WizardCall[] = [];
  const overrides: Override[] = [];
  const server = setupServer(
    http.all('*/api/hasoffers', async ({ request }) => {
      const url = new URL(request.url);
      const params =
        request.method === 'POST' ? new URLSearchParams(await request.text()) : url.searchParams;
      const call: WizardCall = {
        target: params.get('Target'),
        method: params.get('Method'),
        params,
        headers: request.headers,
      };
      calls.push(call);
      for (const o of overrides) {
        const r = await o(call);
        if (r) return r;
      }
      return answer(net, call, () => String((id += 1)));
    }),
  );
  return {
    server,
    calls,
    get network() {
      return net;
    },
    /** Answers matching calls differently (first override that returns a Response wins). */
    override(fn: Override) {
      overrides.push(fn);
    },
    creates() {
      return calls.filter((c) => c.method === 'createCashflowGroup');
    },
    reset() {
      net = seed();
      id = 100;
      calls.length = 0;
      overrides.length = 0;
    },
  };
}

/**
 * A testHasOffers() for a whole test file of wizard flows: listening before the first test, reset
 * after each, closed after the last. localStorage is emptied before each test as well as after:
 * unmounting a wizard flushes a pending draft save.
 */
export function serveTestHasOffersWithCleanStorage() {
  const ho = testHasOffers();
  beforeAll(() => ho.server.listen({ onUnhandledRequest: 'error' }));
  beforeEach(() => localStorage.clear());
  afterEach(() => {
    ho.reset();
    localStorage.clear();
  });
  afterAll(() => ho.server.close());
  return ho;
}
