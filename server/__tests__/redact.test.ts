// makeRedactor: a secret cannot survive in any spelling an upstream may echo it in.
import { describe, expect, it } from 'vitest';
import { REDACTED, makeRedactor } from '../upstream/redact';

describe('makeRedactor', () => {
  const token = 'NET/ab+cd=ef"gh';
  const redact = makeRedactor([token, 'pw']);

  it('replaces the token as is, JSON-escaped, PHP-escaped and URL-encoded', () => {
    const text = [
      `raw ${token}`,
      JSON.stringify({ m: `Invalid NetworkToken ${token}` }),
      JSON.stringify(token).replace(/\//g, '\\/'),
      `NetworkToken=${encodeURIComponent(token)}`,
      `NetworkToken=${new URLSearchParams({ t: token }).toString().slice(2)}`,
      token.toUpperCase(),
    ].join('\n');
    const out = redact(text);
    expect(out).not.toContain('ab+cd');
    expect(out).not.toContain('ab%2Bcd');
    expect(out.toLowerCase()).not.toContain('ab+cd');
    expect(out.match(new RegExp(REDACTED.replace(/[[\]]/g, '\\$&'), 'g'))).toHaveLength(6);
  });

  it('ignores secrets too short to redact safely and leaves other text alone', () => {
    expect(redact('a pw in a sentence')).toBe('a pw in a sentence');
    expect(makeRedactor([])('anything')).toBe('anything');
  });
});

describe('credentials the server never configured', () => {
  const redact = makeRedactor(['network-token-1234']);
  const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJBdXRoZW50aWNhdGlvbiJ9.c2lnbmF0dXJl';
  it.each([
    [`{"Authorization":"JWT ${jwt}"}`, `{"Authorization":"${REDACTED}"}`],
    [
      '{"headers":{"authorization":"Bearer abc.def"}}',
      `{"headers":{"authorization":"${REDACTED}"}}`,
    ],
    ['{"HTTP_AUTHORIZATION":"Basic dXNlcjpwYXNz"}', `{"HTTP_AUTHORIZATION":"${REDACTED}"}`],
    ['Authorization: JWT abc.def.ghi\r\nHost: x', `Authorization: ${REDACTED}\r\nHost: x`],
    [`token ${jwt.replaceAll('.', '\\.')} here`, `token ${REDACTED} here`],
    [`a=${jwt.replaceAll('.', '%2E')}&b=1`, `a=${REDACTED}&b=1`],
  ])('%s', (text, expected) => {
    expect(redact(text)).toBe(expected);
  });

  it('leaves group titles and messages that only mention a scheme alone', () => {
    for (const text of [
      '{"group_title":"Basic affiliates 2026"}',
      '{"detail":"Authentication credentials were not provided."}',
      'Bearer bonds',
    ]) {
      expect(redact(text)).toBe(text);
    }
  });
});
