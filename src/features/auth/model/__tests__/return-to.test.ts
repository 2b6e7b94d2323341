// safeReturnTo and signInHref: back to the page you came from, never to another site.
import { safeReturnTo, signInHref } from '../return-to';

describe('safeReturnTo', () => {
  it.each([
    ['/cashflow-groups/new?step=rules', '/cashflow-groups/new?step=rules'],
    ['/rebate-groups?sort=-created#top', '/rebate-groups?sort=-created#top'],
    ['/', '/'],
  ])('keeps our own path %s', (raw, expected) => {
    expect(safeReturnTo(raw)).toBe(expected);
  });

  it.each([
    null,
    '',
    'https://evil.example/',
    '//evil.example/x',
    '/\\evil.example',
    '\\\\evil.example',
    'javascript:alert(1)',
    '/sign-in?returnTo=/x',
    'rebate-groups',
    '/x\u0000y',
    '/\t/evil.example',
    // Dot segments that collapse into `//host` once resolved.
    '/.//evil.example',
    '/..//evil.example',
    '/x/..//evil.example/y',
    '/././/evil.example',
    '/%2e//evil.example',
  ])('sends %j home instead', (raw) => {
    expect(safeReturnTo(raw)).toBe('/');
  });
});

describe('signInHref', () => {
  it('remembers the page and the reason', () => {
    expect(
      signInHref({ pathname: '/cashflow-groups/new', search: '?step=rules', hash: '' }, 'expired'),
    ).toBe('/sign-in?returnTo=%2Fcashflow-groups%2Fnew%3Fstep%3Drules&reason=expired');
    expect(signInHref({ pathname: '/', search: '', hash: '' })).toBe('/sign-in');
    expect(signInHref({ pathname: '/sign-in', search: '?x=1', hash: '' }, 'signed-out')).toBe(
      '/sign-in?reason=signed-out',
    );
  });
});
