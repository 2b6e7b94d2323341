// `/api/history`: the recorded changes of cashflow groups, for the browser (a group's versions,
// the Activity list with its filters) and as CSV or JSON exports. Read-only.
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { HttpError } from '../errors';
import {
  GROUP_CHANGE_KINDS,
  type ChangeFilter,
  type GroupChange,
  type HistoryRepository,
} from '../storage/history';

export const HISTORY_PREFIX = '/api/history';

export interface HistoryRoutesOptions {
  history: HistoryRepository;
}

const DAY_MS = 86_400_000;
export const LIST_MAX_LIMIT = 100;
/** An export holds at most this many changes (newest first); the filters narrow it. */
export const EXPORT_MAX_ROWS = 10_000;
/** A group's versions: far more than any group collects in practice. */
const GROUP_MAX_CHANGES = 500;

/** A calendar day, YYYY-MM-DD, read as UTC. */
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date, YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), 'must be a real date');
const groupId = z.string().regex(/^[1-9]\d{0,15}$/, 'must be a cashflow group id');

const filterQuery = z.object({
  user: z.string().trim().min(1).max(200).optional(),
  group: groupId.optional(),
  kind: z.enum(GROUP_CHANGE_KINDS).optional(),
  from: day.optional(),
  /** Inclusive: the whole day. */
  to: day.optional(),
});

const listQuery = filterQuery.extend({
  limit: z.coerce.number().int().min(1).max(LIST_MAX_LIMIT).default(25),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

const exportQuery = filterQuery.extend({ format: z.enum(['csv', 'json']) });

function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue?.path.join('.') || 'query';
    throw new HttpError(400, 'BadRequest', `${where}: ${issue?.message ?? 'invalid'}`);
  }
  return result.data;
}

function toFilter(q: z.infer<typeof filterQuery>): ChangeFilter {
  return {
    ...(q.user !== undefined && { user: q.user }),
    ...(q.group !== undefined && { groupId: q.group }),
    ...(q.kind !== undefined && { kind: q.kind }),
    ...(q.from !== undefined && { from: Date.parse(`${q.from}T00:00:00Z`) }),
    ...(q.to !== undefined && { to: Date.parse(`${q.to}T00:00:00Z`) + DAY_MS }),
  };
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** A change as the browser reads it; `answer` only where asked (it may be long). */
export function changeDto(change: GroupChange, withAnswer: boolean) {
  return {
    id: change.id,
    groupId: change.groupId,
    kind: change.kind,
    user: change.user,
    requestedAt: iso(change.requestedAt),
    state: change.state,
    outcomeAt: iso(change.outcomeAt),
    restoredFrom: change.restoredFrom,
    request: change.request,
    group: change.snapshot,
    ...(withAnswer && { answer: change.answer }),
  };
}

const CSV_COLUMNS = [
  'id',
  'requested_at',
  'user',
  'kind',
  'group_id',
  'state',
  'outcome_at',
  'restored_from',
  'name',
  'description',
  'rules_json',
  'affiliate_ids_json',
  'group_as_read',
  'answer',
] as const;

/** One CSV cell: quoted, and a leading = + - @ defused (a spreadsheet would run it). */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  let s = String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return `"${s.replace(/"/g, '""')}"`;
}

export function toCsv(changes: GroupChange[]): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const c of changes) {
    const cells = [
      c.id,
      iso(c.requestedAt),
      c.user,
      c.kind,
      c.groupId,
      c.state,
      iso(c.outcomeAt),
      c.restoredFrom,
      c.request?.name ?? c.snapshot?.name ?? null,
      c.request?.description ?? c.snapshot?.description ?? null,
      c.request?.rules_json ?? null,
      c.request?.affiliate_ids_json ?? null,
      c.snapshot ? JSON.stringify(c.snapshot) : null,
      c.answer,
    ];
    lines.push(cells.map(csvCell).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

export const historyRoutes: FastifyPluginAsync<HistoryRoutesOptions> = async (scope, opts) => {
  const { history } = opts;

  scope.get('/', async (request) => {
    const q = parse(listQuery, request.query);
    const page = await history.list(toFilter(q), { limit: q.limit, offset: q.offset });
    return {
      items: page.items.map((c) => changeDto(c, false)),
      total: page.total,
      limit: q.limit,
      offset: q.offset,
    };
  });

  scope.get('/users', async () => ({ users: await history.users() }));

  scope.get('/groups/:id', async (request) => {
    const { id } = parse(z.object({ id: groupId }), request.params);
    const page = await history.list({ groupId: id }, { limit: GROUP_MAX_CHANGES, offset: 0 });
    return { items: page.items.map((c) => changeDto(c, false)), total: page.total };
  });

  scope.get('/changes/:id', async (request) => {
    const { id } = parse(z.object({ id: z.coerce.number().int().min(1) }), request.params);
    const change = await history.get(id);
    if (!change) throw new HttpError(404, 'NotFound', `No recorded change #${id}.`);
    return changeDto(change, true);
  });

  scope.get('/export', async (request, reply) => {
    const q = parse(exportQuery, request.query);
    const { items } = await history.list(toFilter(q), { limit: EXPORT_MAX_ROWS, offset: 0 });
    const stamp = new Date().toISOString().slice(0, 10);
    reply.header('Content-Disposition', `attachment; filename="history-${stamp}.${q.format}"`);
    // Exports hold what partners are paid by: never kept by a shared cache.
    reply.header('Cache-Control', 'no-store');
    if (q.format === 'csv') {
      return reply.type('text/csv; charset=utf-8').send(toCsv(items));
    }
    return reply.type('application/json; charset=utf-8').send(
      JSON.stringify(
        items.map((c) => changeDto(c, true)),
        null,
        2,
      ),
    );
  });
};
