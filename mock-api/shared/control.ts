// Test control shared by both emulators: armed faults, the call log, the /__control routes, and
// the one code path (serveCall) through which every upstream call is answered, faulted and logged.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { WRONG_NETWORK_ID_JSON } from '../hasoffers/recorded-answers';

export const CONTROL_PREFIX = '/__control';

export const FAULT_KINDS = [
  'http500',
  'hang',
  'rate-limit',
  'token-expired',
  'permission-denied',
  'reset-connection',
  'reset-after-success',
  'delay',
  // Exness: the bot shield's 403 HTML at login (see exness/server.ts LOGIN_SHIELD_ANSWER).
  'login-shield',
  // HasOffers: the recorded wrong-network-id answer, whatever the call (same for every call).
  'wrong-network-id',
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export const faultSpecSchema = z.strictObject({
  match: z
    .strictObject({
      method: z.enum(['GET', 'POST']).optional(),
      path: z.string().optional(),
      target: z.string().optional(),
      hoMethod: z.string().optional(),
    })
    .default({}),
  fault: z.enum(FAULT_KINDS),
  count: z.number().int().min(1).default(1),
  delayMs: z.number().int().min(0).optional(),
});
/** What a test posts to /__control/faults (match, count and delayMs are optional). */
export type FaultSpecInput = z.input<typeof faultSpecSchema>;
export type FaultSpec = z.output<typeof faultSpecSchema>;
export type FaultMatch = FaultSpec['match'];

/** What a call is matched on. */
export interface CallIdentity {
  method: string;
  path: string;
  target?: string;
  hoMethod?: string;
}

export interface CallRecord extends CallIdentity {
  seq: number;
  /** Wall-clock time the call arrived (ISO); only the log uses real time, never the data. */
  at: string;
  query: Record<string, string | string[]>;
  /** Every header as received, the Authorization value included, so tests can assert on it. */
  headers: Record<string, string>;
  /** Parsed JSON or form params; the raw text when it did not parse; null when empty. */
  body: unknown;
  /** HasOffers only: every parameter, query and form merged, PHP brackets parsed. */
  params?: unknown;
  /** HTTP status sent; absent when the fault left the call unanswered. */
  status?: number;
  /** HasOffers only: the envelope's response.status. */
  hoStatus?: number;
  fault?: FaultKind;
  /** Milliseconds the emulator spent on the call (fault and run), also sent as Server-Timing. */
  durationMs?: number;
}

/** One answer in transport-neutral form: JSON (or pre-serialised JSON) or a text page. */
export interface EmulatorResponse {
  status: number;
  headers?: Record<string, string>;
  /** Serialised with JSON.stringify unless `rawJson` or `text` is given. */
  body?: unknown;
  /** Already-serialised JSON: HasOffers needs key order JSON.stringify would not keep. */
  rawJson?: string;
  /** A non-JSON page (e.g. an HTML 500), sent as text/html. */
  text?: string;
  /** Filled into the call log (HasOffers' envelope status). */
  hoStatus?: number;
}

/** The call log is bounded so a long `npm run dev` session cannot grow without limit. */
const MAX_CALLS = 5000;

interface ArmedFault {
  spec: FaultSpec;
  remaining: number;
}

export class EmulatorControl {
  private faults: ArmedFault[] = [];
  private calls: CallRecord[] = [];
  private seq = 0;

  armFault(spec: FaultSpec): void {
    this.faults.push({ spec, remaining: spec.count });
  }

  /** Armed faults, oldest first, with the calls each still applies to. */
  listFaults(): (FaultSpec & { remaining: number })[] {
    return this.faults.map((f) => ({ ...f.spec, remaining: f.remaining }));
  }

  clearFaults(): void {
    this.faults = [];
  }

  /** Consumes one use of the oldest armed fault matching the call, if any. */
  takeFault(call: CallIdentity): FaultSpec | undefined {
    const armed = this.faults.find((f) => matches(f.spec.match, call));
    if (!armed) return undefined;
    armed.remaining -= 1;
    if (armed.remaining <= 0) this.faults = this.faults.filter((f) => f !== armed);
    return armed.spec;
  }

  record(call: Omit<CallRecord, 'seq' | 'at'>): CallRecord {
    this.seq += 1;
    const entry: CallRecord = { seq: this.seq, at: new Date().toISOString(), ...call };
    this.calls.push(entry);
    if (this.calls.length > MAX_CALLS) this.calls.splice(0, this.calls.length - MAX_CALLS);
    return entry;
  }

  listCalls(): CallRecord[] {
    return [...this.calls];
  }

  clearCalls(): void {
    this.calls = [];
  }

  reset(): void {
    this.clearFaults();
    this.clearCalls();
  }
}

function matches(match: FaultMatch, call: CallIdentity): boolean {
  return (
    (match.method === undefined || match.method === call.method) &&
    (match.path === undefined || match.path === call.path) &&
    (match.target === undefined || match.target === call.target) &&
    (match.hoMethod === undefined || match.hoMethod === call.hoMethod)
  );
}

/** The path without the query string. */
export function pathOf(request: FastifyRequest): string {
  const url = request.raw.url ?? '/';
  const q = url.indexOf('?');
  return q === -1 ? url : url.slice(0, q);
}

export function searchParamsOf(request: FastifyRequest): URLSearchParams {
  const url = request.raw.url ?? '/';
  const q = url.indexOf('?');
  return new URLSearchParams(q === -1 ? '' : url.slice(q + 1));
}

/** Query params for the log: a repeated key becomes an array. */
export function queryRecord(params: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of params) {
    const prev = out[key];
    if (prev === undefined) out[key] = value;
    else out[key] = Array.isArray(prev) ? [...prev, value] : [prev, value];
  }
  return out;
}

export function headerRecord(request: FastifyRequest): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(request.headers)) {
    if (value !== undefined) out[key] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

export function sendResponse(reply: FastifyReply, res: EmulatorResponse): FastifyReply {
  reply.code(res.status);
  if (res.headers) reply.headers(res.headers);
  if (res.text !== undefined) {
    return reply.type('text/html; charset=utf-8').send(res.text);
  }
  const json = res.rawJson ?? JSON.stringify(res.body ?? null);
  return reply.type('application/json').send(json);
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves when the client (or close()) ends the connection. */
function socketClosed(request: FastifyRequest): Promise<void> {
  const socket = request.raw.socket;
  return new Promise((resolve) => {
    if (socket.destroyed) resolve();
    else socket.once('close', () => resolve());
  });
}

export interface ServeCallOptions {
  identity: CallIdentity;
  /** Everything the log keeps besides the identity. */
  details: Pick<CallRecord, 'query' | 'headers' | 'body' | 'params'>;
  /** The emulator's normal processing; may change state (a create really creates). */
  run: () => EmulatorResponse | Promise<EmulatorResponse>;
  /** How this upstream answers the faults that are answers (http500, rate-limit, ...). */
  faultResponse: (spec: FaultSpec) => EmulatorResponse;
}

/**
 * Answers one upstream call: takes a matching armed fault, runs or fakes the call, logs it.
 * Connection faults hijack the reply so Fastify never writes to the socket we destroy or hold.
 */
export async function serveCall(
  control: EmulatorControl,
  request: FastifyRequest,
  reply: FastifyReply,
  options: ServeCallOptions,
): Promise<FastifyReply> {
  const started = performance.now();
  const fault = control.takeFault(options.identity);
  const entry = control.record({
    ...options.identity,
    ...options.details,
    ...(fault && { fault: fault.fault }),
  });
  const finish = (res: EmulatorResponse): FastifyReply => {
    entry.status = res.status;
    if (res.hoStatus !== undefined) entry.hoStatus = res.hoStatus;
    // The emulator's own time, so a benchmark can tell it from the BFF's and the browser's.
    entry.durationMs = Math.round((performance.now() - started) * 1000) / 1000;
    reply.header('Server-Timing', `emu;dur=${entry.durationMs}`);
    return sendResponse(reply, res);
  };

  if (!fault) return finish(await options.run());
  switch (fault.fault) {
    case 'hang':
      reply.hijack();
      await socketClosed(request);
      return reply;
    case 'reset-connection':
      reply.hijack();
      request.raw.socket.destroy();
      return reply;
    case 'reset-after-success': {
      const res = await options.run();
      entry.status = res.status;
      if (res.hoStatus !== undefined) entry.hoStatus = res.hoStatus;
      reply.hijack();
      request.raw.socket.destroy();
      return reply;
    }
    case 'delay':
      await Promise.race([sleep(fault.delayMs ?? 0), socketClosed(request)]);
      if (request.raw.socket.destroyed) {
        reply.hijack();
        return reply;
      }
      return finish(await options.run());
    case 'wrong-network-id':
      // Answered here, not by the emulator: it does not depend on the call at all.
      return finish({ status: 200, rawJson: WRONG_NETWORK_ID_JSON });
    default:
      return finish(options.faultResponse(fault));
  }
}

export interface ControlRoutesOptions<C> {
  /** Restores the seeded store and the default config. */
  resetState: () => void;
  configSchema: z.ZodType<C>;
  applyConfig: (config: C) => void;
  currentConfig: () => unknown;
}

function parseJson(raw: unknown): { ok: true; value: unknown } | { ok: false } {
  if (raw === undefined || raw === null || raw === '') return { ok: true, value: {} };
  if (typeof raw !== 'string') return { ok: true, value: raw };
  try {
    return { ok: true, value: JSON.parse(raw) as unknown };
  } catch {
    return { ok: false };
  }
}

function issuesOf(error: z.ZodError): string[] {
  return error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`);
}

/** The /__control routes: no auth, not logged, not rate-limited, never faulted. */
export function registerControlRoutes<C>(
  app: FastifyInstance,
  control: EmulatorControl,
  options: ControlRoutesOptions<C>,
): void {
  const badRequest = (reply: FastifyReply, errors: string[]): FastifyReply =>
    reply.code(400).send({ ok: false, errors });

  app.post(`${CONTROL_PREFIX}/reset`, async () => {
    control.reset();
    options.resetState();
    return { ok: true };
  });

  app.post(`${CONTROL_PREFIX}/faults`, async (request, reply) => {
    const json = parseJson(request.body);
    if (!json.ok) return badRequest(reply, ['body is not valid JSON']);
    const parsed = faultSpecSchema.safeParse(json.value);
    if (!parsed.success) return badRequest(reply, issuesOf(parsed.error));
    control.armFault(parsed.data);
    return { ok: true, faults: control.listFaults() };
  });
  app.get(`${CONTROL_PREFIX}/faults`, async () => ({ faults: control.listFaults() }));
  app.delete(`${CONTROL_PREFIX}/faults`, async () => {
    control.clearFaults();
    return { ok: true };
  });

  app.get(`${CONTROL_PREFIX}/calls`, async () => ({ calls: control.listCalls() }));
  app.delete(`${CONTROL_PREFIX}/calls`, async () => {
    control.clearCalls();
    return { ok: true };
  });

  app.post(`${CONTROL_PREFIX}/config`, async (request, reply) => {
    const json = parseJson(request.body);
    if (!json.ok) return badRequest(reply, ['body is not valid JSON']);
    const parsed = options.configSchema.safeParse(json.value);
    if (!parsed.success) return badRequest(reply, issuesOf(parsed.error));
    options.applyConfig(parsed.data);
    return { ok: true, config: options.currentConfig() };
  });
  app.get(`${CONTROL_PREFIX}/config`, async () => ({ config: options.currentConfig() }));

  app.all(`${CONTROL_PREFIX}/*`, async (_request, reply) =>
    reply.code(404).send({ ok: false, errors: ['unknown control route'] }),
  );
}
