// HasOffers parameter reading and the two allowlists, as pure functions.
import { describe, expect, it } from 'vitest';
import { findExnessCall } from '../exness/allowlist';
import { findHasOffersCall } from '../hasoffers/allowlist';
import { phpBaseName, readHasOffersCall, rebuildParams } from '../hasoffers/params';
import { isAllowedOrigin } from '../security';

describe('readHasOffersCall', () => {
  it('merges query and form body, keeps brackets and repeats, takes Target and Method out', () => {
    const call = readHasOffersCall(
      'Target=Affiliate&Method=findAll&fields[]=id',
      'fields[]=company&filters[company][LIKE]=%25acme%25',
    );
    expect(call.target).toBe('Affiliate');
    expect(call.method).toBe('findAll');
    expect(call.params).toEqual([
      ['fields[]', 'id'],
      ['fields[]', 'company'],
      ['filters[company][LIKE]', '%acme%'],
    ]);
  });

  it.each([
    'NetworkToken=browser',
    'networktoken[x]=y',
    ' NetworkToken=z',
    'NetworkId=other',
    'networkid[]=1',
  ])('refuses a NetworkToken or NetworkId from the browser: %s', (extra) => {
    expect(() => readHasOffersCall(`Target=Affiliate&Method=findAll&${extra}`, undefined)).toThrow(
      'set by the dashboard server',
    );
  });

  it('rebuilds the call from the allowlist: listed names only, scalars once, our token last', () => {
    const call = readHasOffersCall(
      'Target=Affiliate&Method=findAll&fields[]=id&fields[]=company',
      'limit=2',
    );
    expect([...rebuildParams(call, ['fields[]', 'limit'], 'tok')]).toEqual([
      ['Target', 'Affiliate'],
      ['Method', 'findAll'],
      ['fields[]', 'id'],
      ['fields[]', 'company'],
      ['limit', '2'],
      ['NetworkToken', 'tok'],
    ]);
    expect(() => rebuildParams(call, ['fields[]'], 'tok')).toThrow('"limit"');
    const twice = readHasOffersCall('Target=Affiliate&Method=findAll&limit=1&limit=2', undefined);
    expect(() => rebuildParams(twice, ['limit'], 'tok')).toThrow('more than once');
  });

  it.each([
    ['Method=findAll', 'Target'],
    ['Target=Affiliate', 'Method'],
    ['Target=Affiliate&Target=CashflowGroup&Method=findAll', 'Target'],
    ['Target=Affiliate&Method=findAll&Method[]=createCashflowGroup', 'Method'],
    ['Target=Affiliate&Method=findAll&method=createCashflowGroup', 'Method'],
    ['Target=Affiliate&Method=findAll&Tar.get=CashflowGroup', null],
    ['Target=&Method=findAll', 'Target'],
  ])('refuses ambiguous or missing Target/Method: %s', (query, name) => {
    if (name === null) {
      // `Tar.get` is PHP's `Tar_get`, not Target: harmless, accepted.
      expect(readHasOffersCall(query, undefined).target).toBe('Affiliate');
    } else {
      expect(() => readHasOffersCall(query, undefined)).toThrow(`exactly one ${name}`);
    }
  });

  it('phpBaseName reads names the way PHP files them', () => {
    expect(phpBaseName('Method[]')).toBe('Method');
    expect(phpBaseName(' Net.Token[a]')).toBe('Net_Token');
  });
});

describe('allowlists', () => {
  it('HasOffers: exactly the documented pairs, exact case, no prototype names', () => {
    expect(findHasOffersCall('CashflowGroup', 'createCashflowGroup')).toMatchObject({
      write: true,
      idempotent: true,
      params: ['name', 'description', 'rules_json', 'affiliate_ids_json'],
    });
    expect(findHasOffersCall('CashflowGroup', 'updateCashflowGroup')?.write).toBe(true);
    expect(findHasOffersCall('Affiliate', 'findList')?.write).toBe(false);
    expect(findHasOffersCall('OfferTargeting', 'findTargetRules')).toBeDefined();
    expect(findHasOffersCall('CashflowGroup', 'findCashflowGroupUsage')).toEqual({
      write: false,
      params: ['cashflow_group_id'],
    });
    expect(findHasOffersCall('Affiliate', 'create')).toBeUndefined();
    expect(findHasOffersCall('affiliate', 'findAll')).toBeUndefined();
    expect(findHasOffersCall('Affiliate', 'constructor')).toBeUndefined();
    expect(findHasOffersCall('__proto__', 'findAll')).toBeUndefined();
  });

  it('Exness: the groups path for GET (POST only when configured), matched on the raw path', () => {
    expect(findExnessCall('POST', '/api/v2/autorebates/groups/')).toBeUndefined();
    expect(findExnessCall('POST', '/api/v2/autorebates/groups/', 'POST')).toBeDefined();
    expect(findExnessCall('GET', '/api/v2/autorebates/groups/')).toBeDefined();
    expect(findExnessCall('DELETE', '/api/v2/autorebates/groups/')).toBeUndefined();
    expect(findExnessCall('POST', '/api/v2/auth/')).toBeUndefined();
    expect(findExnessCall('POST', '/api/v2/autorebates/groups')).toBeUndefined();
    expect(findExnessCall('POST', '/api/v2/autorebates/groups/%2e%2e/')).toBeUndefined();
  });
});

describe('isAllowedOrigin', () => {
  it('accepts the request’s own host and listed origins only', () => {
    expect(isAllowedOrigin('http://127.0.0.1:5173', '127.0.0.1:5173', [])).toBe(true);
    expect(isAllowedOrigin('https://dash.example', 'dash.example', [])).toBe(true);
    expect(isAllowedOrigin('http://evil.example', '127.0.0.1:5173', [])).toBe(false);
    expect(isAllowedOrigin('null', '127.0.0.1:5173', [])).toBe(false);
    expect(isAllowedOrigin('http://localhost:5173', undefined, ['http://localhost:5173'])).toBe(
      true,
    );
  });
});
