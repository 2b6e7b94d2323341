// `npm run check:real-account`: a read-only check of the configured real accounts. It makes only
// read calls, prints per call the HTTP status, whether the answer's shape is one we know (and
// which variant) and the time, and what to do about each failure. It never prints a secret.
import { config as loadDotenv } from 'dotenv';
import { pathToFileURL } from 'node:url';
import {
  ConfigError,
  loadConfig,
  type ExnessUpstream,
  type HasOffersUpstream,
} from '../server/config';
import { makeRedactor } from '../server/upstream/redact';

export interface CheckRow {
  call: string;
  /** HTTP status, or undefined when no answer came (network error, timeout, skipped). */
  status: number | undefined;
  recognised: boolean;
  /** Which known variant the answer is, or what was seen instead. */
  shape: string;
  ms: number;
  /** What to do when not recognised. */
  hint?: string;
}

type Json = unknown;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

interface Fetched {
  status: number | undefined;
  json: Json;
  /** Not JSON: the first characters, for the report (redacted when printed). */
  notJson: boolean;
  error?: string;
  ms: number;
}

async function fetchJson(url: string, init: RequestInit, timeoutMs: number): Promise<Fetched> {
  const started = performance.now();
  const ms = (): number => Math.round(performance.now() - started);
  try {
    const res = await fetch(url, {
      ...init,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await res.text();
    try {
      return { status: res.status, json: JSON.parse(text) as Json, notJson: false, ms: ms() };
    } catch {
      return { status: res.status, json: undefined, notJson: true, ms: ms() };
    }
  } catch (e) {
    const error =
      e instanceof Error ? (e.name === 'TimeoutError' ? 'timed out' : e.message) : 'failed';
    return { status: undefined, json: undefined, notJson: false, error, ms: ms() };
  }
}

// ---- Exness -------------------------------------------------------------------------------

const EXNESS_HINT_NETWORK =
  'No answer from the Exness API: check EXNESS_API_URL and that this machine can reach it.';

async function checkExness(
  upstream: ExnessUpstream,
  timeoutMs: number,
  secrets: string[],
): Promise<CheckRow[]> {
  const rows: CheckRow[] = [];
  const login = await fetchJson(
    `${upstream.apiUrl}/api/v2/auth/`,
    {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ login: upstream.login, password: upstream.password }),
    },
    timeoutMs,
  );
  const token =
    isRecord(login.json) && typeof login.json.token === 'string' ? login.json.token : '';
  if (token !== '') secrets.push(token);
  const loginRow: CheckRow = {
    call: 'Exness POST /api/v2/auth/ (login)',
    status: login.status,
    recognised: login.status === 200 && token !== '',
    shape: token !== '' ? '{token} (JWT)' : describe(login),
    ms: login.ms,
  };
  if (!loginRow.recognised) {
    loginRow.hint =
      login.status === undefined
        ? EXNESS_HINT_NETWORK
        : login.status === 403 || login.notJson
          ? 'The API refused the login before checking it (a bot shield answers 403 or an HTML page): ask Exness to allow this server’s outgoing IP address for API access. The password is probably not the problem.'
          : login.status === 400 || login.status === 401
            ? 'The Exness API refused the credentials: check EXNESS_LOGIN and EXNESS_PASSWORD (the partner account’s own login).'
            : 'Unexpected login answer: check EXNESS_API_URL points at the partner API (https://my.exnessaffiliates.com).';
  }
  rows.push(loginRow);

  const listCall = 'Exness GET /api/v2/autorebates/groups/?limit=1';
  if (token === '') {
    rows.push({
      call: listCall,
      status: undefined,
      recognised: false,
      shape: 'skipped (no token)',
      ms: 0,
      hint: 'Fix the login first.',
    });
    return rows;
  }
  const list = await fetchJson(
    `${upstream.apiUrl}/api/v2/autorebates/groups/?limit=1&offset=0`,
    { headers: { Accept: 'application/json', Authorization: `JWT ${token}` } },
    timeoutMs,
  );
  const shape = rebateListShape(list.json);
  const row: CheckRow = {
    call: listCall,
    status: list.status,
    recognised: list.status === 200 && shape !== undefined,
    shape: list.status === 200 && shape !== undefined ? shape : describe(list),
    ms: list.ms,
  };
  if (!row.recognised) {
    row.hint =
      list.status === 403
        ? 'The account has no access to rebate groups (PermissionDenied): the dashboard will say "not available for this account". Ask Exness to enable autorebates for it.'
        : list.status === undefined
          ? EXNESS_HINT_NETWORK
          : 'The list answered in a shape the dashboard does not know: keep this output (it holds no secret) and report it; the client reads src/features/rebate-groups/api/schemas.ts.';
  }
  rows.push(row);
  return rows;
}

/** `{data: [...], totals: {count}}`, and how its decimals are written. */
function rebateListShape(json: Json): string | undefined {
  if (!isRecord(json) || !Array.isArray(json.data) || !isRecord(json.totals)) return undefined;
  const count = json.totals.count;
  if (typeof count !== 'number' && !(typeof count === 'string' && /^\d+$/.test(count)))
    return undefined;
  const first = json.data[0];
  if (first === undefined) return '{data: [], totals} (no groups)';
  if (!isRecord(first) || first.id === undefined || typeof first.group_title !== 'string')
    return undefined;
  const percent = first.rebate_percent;
  const decimals =
    typeof percent === 'string'
      ? 'decimals as strings'
      : typeof percent === 'number'
        ? 'decimals as numbers'
        : 'rebate_percent missing';
  return `{data, totals}, ${decimals}`;
}

// ---- HasOffers ----------------------------------------------------------------------------

type HoResult =
  | { kind: 'ok'; data: Json }
  | { kind: 'failed'; message: string }
  | { kind: 'wrong-network' }
  | { kind: 'unknown' };

function readEnvelope(json: Json): HoResult {
  if (!isRecord(json) || !isRecord(json.response)) return { kind: 'unknown' };
  const r = json.response;
  if (!('status' in r) && isRecord(r.errors)) return { kind: 'wrong-network' };
  if (Number(r.status) === 1) return { kind: 'ok', data: r.data };
  const items = Array.isArray(r.errors) ? r.errors : [];
  const texts = items
    .flatMap((e) => (isRecord(e) ? [e.err_msg, e.publicMessage] : []))
    .filter((t): t is string => typeof t === 'string');
  const message = typeof r.errorMessage === 'string' ? r.errorMessage : '';
  return { kind: 'failed', message: [message, ...texts.filter((t) => t !== message)].join(' / ') };
}

/** Rows of a find answer and which recorded variant it is. */
function findShape(data: Json): { variant: string; rows: unknown[] } | undefined {
  if (Array.isArray(data)) return data.length === 0 ? { variant: 'empty []', rows: [] } : undefined;
  if (!isRecord(data)) return undefined;
  const pageKeys = ['page', 'current', 'count', 'pageCount'].filter((k) => k in data);
  const paged = pageKeys.length > 0 ? `{${pageKeys.join(', ')}, …}` : '';
  if (Array.isArray(data.records)) {
    return { variant: paged ? `records with ${paged}` : '{records}', rows: data.records };
  }
  if (pageKeys.length > 0 && 'data' in data) {
    const inner = data.data;
    if (Array.isArray(inner) && inner.length === 0)
      return { variant: `${paged} data []`, rows: [] };
    if (isRecord(inner))
      return { variant: `${paged} data keyed by id`, rows: Object.values(inner) };
    return undefined;
  }
  const values = Object.values(data);
  if (values.length > 0 && values.every(isRecord)) return { variant: 'keyed by id', rows: values };
  return undefined;
}

function hoHint(result: HoResult, status: number | undefined): string {
  if (status === undefined)
    return 'No answer from HasOffers: check HASOFFERS_API_URL / HASOFFERS_NETWORK_ID and that this machine can reach it.';
  switch (result.kind) {
    case 'wrong-network':
      return 'HasOffers does not know this network: check HASOFFERS_NETWORK_ID (or HASOFFERS_API_URL, which wins over it).';
    case 'failed':
      if (/rate limit/i.test(result.message))
        return 'Rate limited (50 calls per 10 s per network, shared with every other user of the key): wait a minute and run again.';
      if (/NetworkToken|authenticat|permission/i.test(result.message))
        return 'The NetworkToken was refused or lacks this method: check HASOFFERS_NETWORK_TOKEN, the key’s API permissions and its IP whitelist (this server’s address must be on it).';
      return 'HasOffers refused the call: read the message above; the method may not be enabled for this network.';
    default:
      return 'An answer in a shape the dashboard does not know: keep this output (it holds no secret) and report it; the reader is src/lib/hasoffers.ts.';
  }
}

async function checkHasOffers(upstream: HasOffersUpstream, timeoutMs: number): Promise<CheckRow[]> {
  const rows: CheckRow[] = [];
  const ho = async (
    label: string,
    params: Record<string, string>,
    recognise: (data: Json) => string | undefined,
  ): Promise<{ row: CheckRow; data: Json }> => {
    const search = new URLSearchParams({ NetworkToken: upstream.networkToken, ...params });
    const res = await fetchJson(
      `${upstream.apiUrl}?${search.toString()}`,
      { headers: { Accept: 'application/json' } },
      timeoutMs,
    );
    const env = res.status === 200 ? readEnvelope(res.json) : ({ kind: 'unknown' } as const);
    const shape = env.kind === 'ok' ? recognise(env.data) : undefined;
    const row: CheckRow = {
      call: `HasOffers ${label}`,
      status: res.status,
      recognised: shape !== undefined,
      shape:
        shape ??
        (env.kind === 'failed'
          ? `status -1: ${env.message.slice(0, 160)}`
          : env.kind === 'wrong-network'
            ? 'wrong-network-id answer'
            : env.kind === 'ok'
              ? `status 1, unknown data: ${summarise(env.data)}`
              : describe(res)),
      ms: res.ms,
    };
    if (!row.recognised) row.hint = hoHint(env, res.status);
    return { row, data: env.kind === 'ok' ? env.data : undefined };
  };

  const groups = await ho(
    'CashflowGroup::findCashflowGroups (limit 1)',
    { Target: 'CashflowGroup', Method: 'findCashflowGroups', limit: '1' },
    (data) => {
      const found = findShape(data);
      return found && found.rows.every((r) => isRecord(r)) ? found.variant : undefined;
    },
  );
  rows.push(groups.row);
  const firstRow = findShape(groups.data)?.rows[0];
  const inner =
    isRecord(firstRow) && isRecord(firstRow.CashflowGroup) ? firstRow.CashflowGroup : firstRow;
  const groupId =
    isRecord(inner) && /^\d+$/.test(String(inner.id ?? '')) ? String(inner.id) : undefined;

  if (groupId === undefined) {
    rows.push({
      call: 'HasOffers CashflowGroup::findCashflowGroupById',
      status: undefined,
      recognised: groups.row.recognised,
      shape: groups.row.recognised
        ? 'skipped (the network has no cashflow group)'
        : 'skipped (no group id)',
      ms: 0,
      ...(!groups.row.recognised && { hint: 'Fix findCashflowGroups first.' }),
    });
  } else {
    const byId = await ho(
      `CashflowGroup::findCashflowGroupById (id ${groupId})`,
      { Target: 'CashflowGroup', Method: 'findCashflowGroupById', cashflow_group_id: groupId },
      (data) => {
        if (!isRecord(data)) return undefined;
        const wrapped = isRecord(data.CashflowGroup);
        const rules = data.rules;
        if (!Array.isArray(rules) || !rules.every(isRecord)) return undefined;
        if (!wrapped && typeof data.name !== 'string') return undefined;
        const extra = rules.some((r) => 'id' in r) ? ', rules with ids' : '';
        return `${wrapped ? '{CashflowGroup, rules, affiliates}' : 'flat {name, rules, affiliates}'}${extra}${'modified' in (wrapped ? (data.CashflowGroup as Record<string, unknown>) : data) ? '' : ', no modified'}`;
      },
    );
    rows.push(byId.row);
  }

  const finds: [string, Record<string, string>][] = [
    ['Affiliate::findAll (limit 1)', { Target: 'Affiliate', Method: 'findAll', limit: '1' }],
    [
      'OfferTargeting::findTargetRules (limit 1)',
      { Target: 'OfferTargeting', Method: 'findTargetRules', limit: '1' },
    ],
  ];
  for (const [label, params] of finds) {
    rows.push((await ho(label, params, (data) => findShape(data)?.variant)).row);
  }
  rows.push(
    (
      await ho(
        'CashflowGroup::getCashflowRuleFieldDefinitions',
        { Target: 'CashflowGroup', Method: 'getCashflowRuleFieldDefinitions' },
        // Unrecorded anywhere: any object or list is taken, and its size shown for the report.
        (data) =>
          isRecord(data)
            ? `object, ${Object.keys(data).length} keys (unrecorded shape)`
            : Array.isArray(data)
              ? `list of ${data.length} (unrecorded shape)`
              : undefined,
      )
    ).row,
  );
  return rows;
}

function summarise(data: Json): string {
  if (Array.isArray(data)) return `list of ${data.length}`;
  if (isRecord(data)) return `object with keys ${Object.keys(data).slice(0, 6).join(', ')}`;
  return data === null ? 'null' : typeof data;
}

function describe(res: Fetched): string {
  if (res.error !== undefined) return `no answer (${res.error})`;
  if (res.notJson) return 'not JSON (an HTML page?)';
  return `unknown: ${summarise(res.json)}`;
}

// ---- Report -------------------------------------------------------------------------------

export function formatReport(rows: readonly CheckRow[], redact: (text: string) => string): string {
  const head = ['Call', 'HTTP', 'Recognised', 'Shape', 'ms'];
  const cells = rows.map((r) => [
    r.call,
    r.status === undefined ? '—' : String(r.status),
    r.recognised ? 'yes' : 'NO',
    r.shape,
    String(r.ms),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] ?? '').length)));
  const line = (c: string[]): string =>
    c
      .map((v, i) => v.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  const out = [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)];
  const failed = rows.filter((r) => !r.recognised);
  out.push('');
  if (failed.length === 0)
    out.push('Every answer is in a shape the dashboard reads. Only read calls were made.');
  else {
    out.push(`${failed.length} call(s) need attention (only read calls were made):`);
    for (const r of failed) out.push(`- ${r.call}: ${r.hint ?? 'see the shape above.'}`);
  }
  return redact(out.join('\n'));
}

/** Runs the check with these settings; writes the report; returns the exit code. */
export async function runCheck(
  env: Record<string, string | undefined>,
  write: (text: string) => void,
): Promise<number> {
  let config;
  try {
    config = loadConfig({ ...env, USE_EMULATORS: '0' }, { users: 'optional' });
  } catch (e) {
    if (e instanceof ConfigError) {
      write(`${e.message}\nSet the real accounts' settings (see .env.example) and run again.\n`);
      return 2;
    }
    throw e;
  }
  if (config.exness.mode !== 'real' || config.hasoffers.mode !== 'real') {
    write(
      'Both real accounts must be configured (EXNESS_LOGIN/EXNESS_PASSWORD, HASOFFERS_NETWORK_TOKEN and HASOFFERS_NETWORK_ID or HASOFFERS_API_URL).\n',
    );
    return 2;
  }
  const exness: ExnessUpstream = { ...config.exness, mode: 'real' };
  const hasoffers: HasOffersUpstream = { ...config.hasoffers, mode: 'real' };
  // Every secret, plus the JWT once it is known: nothing printed may carry one.
  const secrets = [exness.password, exness.login, hasoffers.networkToken];
  const rows = [
    ...(await checkExness(exness, config.upstreamTimeoutMs, secrets)),
    ...(await checkHasOffers(hasoffers, config.upstreamTimeoutMs)),
  ];
  write(`${formatReport(rows, makeRedactor(secrets))}\n`);
  return rows.every((r) => r.recognised) ? 0 : 1;
}

const isMain =
  process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isMain) {
  loadDotenv({ quiet: true });
  runCheck(process.env, (text) => process.stdout.write(text)).then(
    (code) => process.exit(code),
    (e: unknown) => {
      process.stderr.write(`The check itself failed: ${e instanceof Error ? e.name : 'error'}\n`);
      process.exit(2);
    },
  );
}
