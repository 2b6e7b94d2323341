// The API preview (the request the browser sends, and a curl) and where a refused create belongs.
import { ApiError } from '@/lib/api-error';
import { hasOffersParams } from '@/lib/hasoffers';
import { toPayload } from '../../model';
import { classifyCreateError } from '../classify-create-error';
import { createRequestPreview } from '../create-cashflow-group';

/** Splits a command the way a POSIX shell would, for the quoting this module writes. */
function shellWords(command: string): string[] {
  const words: string[] = [];
  let word: string | undefined;
  for (let i = 0; i < command.length; i++) {
    const c = command.charAt(i);
    if (c === "'") {
      const end = command.indexOf("'", i + 1);
      if (end < 0) throw new Error('unterminated quote');
      word = (word ?? '') + command.slice(i + 1, end);
      i = end;
    } else if (c === '\\') {
      const next = command.charAt(i + 1);
      i++;
      if (next !== '\n') word = (word ?? '') + next;
    } else if (/\s/.test(c)) {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else if (/[$`";&|<>()*?]/.test(c)) {
      throw new Error(`unquoted special character ${c}`);
    } else {
      word = (word ?? '') + c;
    }
  }
  if (word !== undefined) words.push(word);
  return words;
}

const payload = toPayload({
  rules: [{ field: 'aff_sub2', operator: 'IN', values: ['AFF_SUB_2_VALUE'], negate: false }],
  affiliateMode: 'selected',
  affiliateIds: ['2', '4'],
});

describe('createRequestPreview', () => {
  it('shows exactly the parameters the call encodes', () => {
    const { params } = createRequestPreview({ name: ' EU ', description: 'd', payload });
    expect(params.toString()).toBe(
      hasOffersParams('CashflowGroup', 'createCashflowGroup', {
        name: 'EU',
        description: 'd',
        rules_json: payload.rules_json,
        affiliate_ids_json: payload.affiliate_ids_json,
      }).toString(),
    );
  });

  it('builds a curl with a placeholder token and one --data-urlencode per parameter', () => {
    const { curl } = createRequestPreview({ name: 'EU', description: '', payload });
    expect(curl.split(' \\\n')).toEqual([
      "curl 'https://<NETWORK_ID>.api.hasoffers.com/Apiv3/json'",
      "  --data-urlencode 'NetworkToken=<YOUR_NETWORK_TOKEN>'",
      "  --data-urlencode 'Target=CashflowGroup'",
      "  --data-urlencode 'Method=createCashflowGroup'",
      "  --data-urlencode 'name=EU'",
      "  --data-urlencode 'description='",
      `  --data-urlencode 'rules_json=${payload.rules_json}'`,
      `  --data-urlencode 'affiliate_ids_json=["2","4"]'`,
    ]);
  });

  it('quotes text with single quotes and newlines so a shell reads it back unchanged', () => {
    const name = `Bob's "best"\n$(rm -rf /) group`;
    const { curl } = createRequestPreview({ name, description: "it's", payload });
    const args = shellWords(curl);
    expect(args[0]).toBe('curl');
    expect(args).toContain(`name=${name}`);
    expect(args).toContain("description=it's");
    expect(args.filter((a) => a === '--data-urlencode')).toHaveLength(7);
    expect(curl).not.toMatch(/NetworkToken=(?!<YOUR_NETWORK_TOKEN>)/);
  });
});

const upstream = (message: string, details: string[] = [message]) =>
  new ApiError({ kind: 'upstream', message, details });

describe('classifyCreateError', () => {
  it.each([
    [upstream("A cashflow group named 'EU' already exists"), 'details', 'name'],
    [upstream('name: must not be empty'), 'details', 'name'],
    [upstream('Name is already taken'), 'details', 'name'],
    [upstream('description: must be at most 65535 characters'), 'details', 'description'],
    [
      upstream("rules_json[2].value: country 'XX' is not an ISO 3166-1 alpha-2 code"),
      'rules',
      'rules.2.values',
    ],
    [upstream('rules_json: is not valid JSON'), 'rules', undefined],
    [upstream("affiliate_ids_json[0]: affiliate '9' does not exist"), 'affiliates', 'affiliateIds'],
    [upstream('Affiliate 9 is not active'), 'affiliates', 'affiliateIds'],
    // A user's group name is never a clue, whatever words it holds.
    [upstream("A cashflow group named 'Affiliates rules' already exists"), 'details', 'name'],
    [upstream('Internal error'), 'review', undefined],
  ])('%s → %s / %s', (err, step, field) => {
    const place = classifyCreateError(err);
    expect(place.step).toBe(step);
    expect(place.field).toBe(field);
  });

  it('keeps the API text, and picks the earliest step among several messages', () => {
    const err = upstream('rules_json[1].value: bad', [
      'rules_json[1].value: bad',
      "affiliate_ids_json[0]: affiliate '9' does not exist",
      "A cashflow group named 'EU' already exists",
    ]);
    expect(classifyCreateError(err)).toEqual({
      step: 'details',
      field: 'name',
      message: "A cashflow group named 'EU' already exists",
    });
  });

  it('sends transport failures to the review step with their message', () => {
    const err = new ApiError({ kind: 'network', message: 'Could not reach the dashboard server.' });
    expect(classifyCreateError(err)).toEqual({
      step: 'review',
      message: 'Could not reach the dashboard server.',
    });
  });
});
