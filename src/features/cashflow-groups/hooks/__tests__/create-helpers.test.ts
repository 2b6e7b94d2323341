// Which create failures leave the outcome unknown, the per-attempt key, and the exact input sent.
import { ApiError, type ApiErrorKind } from '@/lib/api-error';
import { createInput } from '../create-input';
import { isOutcomeUnknown, newIdempotencyKey } from '../use-create-group';

const err = (kind: ApiErrorKind, status?: number, code?: string) =>
  new ApiError({
    kind,
    message: 'x',
    ...(status !== undefined && { status }),
    ...(code !== undefined && { code }),
  });

describe('isOutcomeUnknown', () => {
  it.each([
    // Not reaching a server at all is its own case (isUnreached): sent again with the same key.
    ['no answer at all', err('network'), false],
    ['HasOffers unreachable from the server', err('server', 502, 'UpstreamUnavailable'), false],
    // The server sent it and the connection broke: HasOffers may have created it.
    ['connection lost after sending', err('server', 502, 'UpstreamConnectionLost'), true],
    ['a success answer that could not be read', err('invalid-response'), true],
    ['our timeout', err('timeout'), true],
    ['a gateway timeout', err('timeout', 504), true],
    ['a bad gateway', err('server', 502), true],
    ['an internal error mid-request', err('server', 500), true],
    ['service unavailable (refused before work)', err('server', 503), false],
    ['rate limited', err('rate-limit', 429), false],
    ['HasOffers status -1', err('upstream'), false],
    ['a refused request', err('bad-request', 422), false],
  ])('%s → %s', (_label, e, unknown) => {
    expect(isOutcomeUnknown(e)).toBe(unknown);
  });
});

describe('newIdempotencyKey', () => {
  it('is a fresh UUID per attempt', () => {
    const a = newIdempotencyKey();
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(newIdempotencyKey()).not.toBe(a);
  });
});

describe('createInput', () => {
  it('trims name and description and carries the payload toPayload builds', () => {
    const input = createInput({
      name: '  EU  ',
      description: ' For partners \n',
      rules: [{ field: 'advanced_targeting_rule', operator: 'IN', values: ['079'], negate: true }],
      affiliateMode: 'selected',
      affiliateIds: ['12', '012', '7'],
    });
    expect(input.name).toBe('EU');
    expect(input.description).toBe('For partners');
    expect(input.payload.rules_json).toBe(
      '[{"field":"advanced_targeting_rule","operator":"IN","value":[79],"negate":1}]',
    );
    expect(input.payload.affiliate_ids_json).toBe('["12","7"]');
  });
});
