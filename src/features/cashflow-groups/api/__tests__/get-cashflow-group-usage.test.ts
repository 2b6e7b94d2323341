// findCashflowGroupUsage's reader: each plausible shape of an unrecorded answer, and "unknown"
// (never an exception) for anything else.
import { ApiError } from '@/lib/api-error';
import { getCashflowGroupUsage, readGroupUsage } from '../get-cashflow-group-usage';
import { envelope, failure, hasOffersServer } from './hasoffers-server';

const ho = hasOffersServer();
beforeAll(() => ho.server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => ho.reset());
afterAll(() => ho.server.close());

const forex = { id: '101', name: 'Forex starter CPA', uses: ['revenue'] };
const crypto = { id: '102', name: 'Crypto deposit RevShare', uses: ['payout'] };
const deposit = { id: '501', name: 'First deposit', offerId: '101', uses: ['payout'] };

describe('readGroupUsage', () => {
  it('reads {offers, goals} arrays of flat rows (the emulator), ids as strings or numbers', () => {
    expect(
      readGroupUsage({
        offers: [
          { id: '101', name: 'Forex starter CPA', status: 'active', uses: 'revenue' },
          { id: 102, name: 'Crypto deposit RevShare', status: 'active', uses: 'payout' },
        ],
        goals: [{ id: '501', name: 'First deposit', offer_id: 101, uses: 'payout' }],
      }),
    ).toEqual({ known: true, offers: [forex, crypto], goals: [deposit] });
  });

  it('reads id-keyed lists of model rows ({"101": {"Offer": {...}}}) and leaves out paused ones', () => {
    expect(
      readGroupUsage({
        offers: {
          '101': { Offer: { id: '101', name: 'Forex starter CPA', status: 'active' } },
          '103': { Offer: { id: '103', name: 'Gold CFD hybrid', status: 'paused' } },
        },
        goals: [],
      }),
    ).toEqual({
      known: true,
      offers: [{ id: '101', name: 'Forex starter CPA', uses: [] }],
      goals: [],
    });
  });

  it('reads one id-keyed list of {Offer}/{Goal} rows, and a paged one', () => {
    const keyed = {
      '101': { Offer: { id: '101', name: 'Forex starter CPA', uses: 'revenue' } },
      '501': { Goal: { id: '501', name: 'First deposit', offer_id: '101', uses: 'payout' } },
    };
    const expected = { known: true, offers: [forex], goals: [deposit] };
    expect(readGroupUsage(keyed)).toEqual(expected);
    expect(readGroupUsage({ page: 1, current: 0, count: 2, pageCount: 1, data: keyed })).toEqual(
      expected,
    );
  });

  it('reads `[]` and empty lists as "none"', () => {
    const none = { known: true, offers: [], goals: [] };
    expect(readGroupUsage([])).toEqual(none);
    expect(readGroupUsage({ offers: [], goals: [] })).toEqual(none);
    expect(readGroupUsage({ offers: [] })).toEqual(none);
  });

  it('answers unknown for anything else, without throwing', () => {
    for (const data of [
      null,
      '',
      '3',
      true,
      { count: 3 },
      { offers: 'many' },
      { offers: [{ name: 'no id' }] },
      [{ id: '101', name: 'a flat row: offer or goal?' }],
    ]) {
      expect(readGroupUsage(data)).toEqual({ known: false });
    }
  });
});

describe('getCashflowGroupUsage', () => {
  it('sends exactly Target, Method and cashflow_group_id, and reads the answer', async () => {
    ho.answerWith(() =>
      envelope({ offers: [{ id: '101', name: 'Forex starter CPA', uses: 'revenue' }] }),
    );
    await expect(getCashflowGroupUsage('2')).resolves.toEqual({
      known: true,
      offers: [forex],
      goals: [],
    });
    expect([...(ho.calls[0]?.params ?? [])]).toEqual([
      ['Target', 'CashflowGroup'],
      ['Method', 'findCashflowGroupUsage'],
      ['cashflow_group_id', '2'],
    ]);
  });

  it('an unrecognised answer is unknown; a failure rejects with an ApiError (the query error)', async () => {
    ho.answerWith(() => envelope({ surprise: 1 }));
    await expect(getCashflowGroupUsage('2')).resolves.toEqual({ known: false });
    ho.answerWith(() => failure('Method does not exist'));
    await expect(getCashflowGroupUsage('2')).rejects.toBeInstanceOf(ApiError);
  });
});
