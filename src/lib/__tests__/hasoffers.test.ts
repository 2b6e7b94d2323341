import { z } from 'zod/mini';
import { encodePhpParams, normalisePage, readEnvelope } from '../hasoffers';
import { ApiError } from '../api-error';

describe('encodePhpParams', () => {
  it.each([
    [{ Target: 'Affiliate', limit: 20 }, 'Target=Affiliate&limit=20'],
    [{ fields: ['id', 'company'] }, 'fields%5B%5D=id&fields%5B%5D=company'],
    [{ filters: { id: ['2', '4'] } }, 'filters%5Bid%5D%5B%5D=2&filters%5Bid%5D%5B%5D=4'],
    [{ filters: { company: { LIKE: '%acme%' } } }, 'filters%5Bcompany%5D%5BLIKE%5D=%25acme%25'],
    [{ sort: { name: 'asc' } }, 'sort%5Bname%5D=asc'],
    [{ attach_rules: true, skip: undefined, none: null }, 'attach_rules=1'],
  ])('%j → %s', (input, expected) => {
    expect(encodePhpParams(input).toString()).toBe(expected);
  });
});

describe('readEnvelope', () => {
  const ok = (data: unknown) => ({
    request: {},
    response: { status: 1, httpStatus: 200, data, errors: [], errorMessage: null },
  });
  const fail = (errorMessage: string | null, errors: unknown[]) => ({
    request: {},
    response: { status: -1, httpStatus: 200, data: [], errors, errorMessage },
  });

  it('returns data validated by the schema', () => {
    expect(readEnvelope(ok('21'), z.coerce.number())).toBe(21);
  });

  it('treats a string status "1" as success', () => {
    expect(readEnvelope({ response: { status: '1', data: true } }, z.boolean())).toBe(true);
  });

  it('turns status -1 into an ApiError carrying the API message and details', () => {
    const run = () =>
      readEnvelope(
        fail('Name already exists', [
          { publicMessage: 'Name already exists' },
          { err_code: 3, err_msg: 'second' },
        ]),
        z.unknown(),
      );
    expect(run).toThrow(ApiError);
    try {
      run();
    } catch (e) {
      const err = e as ApiError;
      expect(err.kind).toBe('upstream');
      expect(err.message).toBe('Name already exists');
      expect(err.details).toEqual(['Name already exists', 'second']);
    }
  });

  it('falls back to the first error item when errorMessage is empty', () => {
    expect(() => readEnvelope(fail(null, [{ err_msg: 'Bad rule' }]), z.unknown())).toThrow(
      'Bad rule',
    );
  });

  it('recognises the rate-limit answer', () => {
    try {
      readEnvelope(fail('API rate limit exceeded: 50 calls per 10 seconds', []), z.unknown());
      expect.unreachable();
    } catch (e) {
      expect((e as ApiError).kind).toBe('rate-limit');
      expect((e as ApiError).retryAfterMs).toBeGreaterThan(0);
    }
  });

  it('rejects an answer that is not an envelope, or data that fails the schema', () => {
    expect(() => readEnvelope('<html>', z.unknown())).toThrow(/unexpected form/);
    expect(() => readEnvelope(ok({ a: 1 }), z.string())).toThrow(/unexpected form/);
  });
});

describe('normalisePage', () => {
  it('reads [] as an empty page', () => {
    expect(normalisePage([])).toEqual({ rows: [], page: 1, pageCount: 0, count: 0 });
  });
  it('reads an id-keyed object as rows in key order', () => {
    const data = { '32': { Affiliate: { id: '32' } }, '40': { Affiliate: { id: '40' } } };
    expect(normalisePage(data).rows).toEqual([
      { Affiliate: { id: '32' } },
      { Affiliate: { id: '40' } },
    ]);
  });
  it('reads a paginated answer with rows in data', () => {
    const page = normalisePage({ page: '2', pageCount: '5', count: '93', data: { '7': { a: 1 } } });
    expect(page).toEqual({ rows: [{ a: 1 }], page: 2, pageCount: 5, count: 93 });
  });
  it('reads a paginated answer with rows in data.records', () => {
    const page = normalisePage({
      page: 1,
      pageCount: 1,
      count: 2,
      data: { records: [{ a: 1 }, { a: 2 }] },
    });
    expect(page.rows).toEqual([{ a: 1 }, { a: 2 }]);
  });
});
