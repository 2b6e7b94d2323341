// The history hook around the HasOffers proxy's group writes and reads: an intent is recorded
// before a write is sent (or nothing is sent), the outcome and the group as read back after;
// a group read that differs from the last recorded state is recorded once as changed outside.
import type { FastifyBaseLogger, FastifyRequest } from 'fastify';
import { HttpError } from '../errors';
import type { UpstreamResponse } from '../upstream/fetch-upstream';
import { removeJsonMembers } from '../upstream/json-members';
import type {
  GroupChangeState,
  HistoryRepository,
  RecordedRequest,
  WriteKind,
} from '../storage/history';
import { fingerprint, snapshotFromAnswer } from './snapshot';

/** The header a client sends to say a create is a clone, or an update a restore or bulk. */
export const CHANGE_KIND_HEADER = 'x-change-kind';
/** With a restore: the recorded change whose state is being restored. */
export const RESTORED_FROM_HEADER = 'x-restored-from';

/** The writes recorded, and the kinds each may be told to be (a bulk change is an update). */
const WRITES: Record<string, { kind: WriteKind; alternatives: readonly WriteKind[] }> = {
  createCashflowGroup: { kind: 'create', alternatives: ['clone'] },
  updateCashflowGroup: { kind: 'update', alternatives: ['restore', 'bulk-membership'] },
};

/** An answer kept in the history is cut here: enough to read any error, bounded per row. */
const MAX_ANSWER_CHARS = 16_000;

export class HistoryNotRecordedError extends HttpError {
  constructor() {
    super(
      503,
      'StorageUnavailable',
      'The dashboard server could not record this change in its history database, so it was not sent to HasOffers. Nothing was changed; try again in a moment.',
    );
    this.name = 'HistoryNotRecordedError';
  }
}

function oneHeader(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') {
    throw new HttpError(400, 'BadRequest', `${name} must be sent once.`);
  }
  return value.trim();
}

/** The kind a write is recorded as: its own, or the one X-Change-Kind names (validated). */
export function writeKind(
  method: string,
  header: string | undefined,
): { kind: WriteKind } | undefined {
  const write = WRITES[method];
  if (write === undefined) return undefined;
  if (header === undefined || header === '') return { kind: write.kind };
  const wanted = header.toLowerCase();
  const allowed = [write.kind, ...write.alternatives];
  const kind = allowed.find((k) => k === wanted);
  if (kind !== undefined) return { kind };
  throw new HttpError(
    400,
    'BadRequest',
    `X-Change-Kind for ${method} must be one of: ${allowed.join(', ')}.`,
  );
}

/** The id in a createCashflowGroup answer (`data` is the id; accept `{id}` shapes too). */
export function createdGroupId(text: string): string | undefined {
  try {
    const json = JSON.parse(text) as { response?: { data?: unknown } };
    const data = json.response?.data;
    const id =
      typeof data === 'object' && data !== null && !Array.isArray(data)
        ? ((data as { id?: unknown; CashflowGroup?: { id?: unknown } }).id ??
          (data as { CashflowGroup?: { id?: unknown } }).CashflowGroup?.id)
        : data;
    const s = typeof id === 'number' || typeof id === 'string' ? String(id).trim() : '';
    return /^[1-9]\d*$/.test(s) ? s : undefined;
  } catch {
    return undefined;
  }
}

export interface PendingWrite {
  /** Records the answer, reads the group back and records it. Never throws. */
  settle(
    res: UpstreamResponse,
    readBack: (groupId: string) => Promise<UpstreamResponse>,
  ): Promise<void>;
  /** The write threw: refused before sending, or its outcome unknown. Never throws. */
  failed(error: unknown, state: Exclude<GroupChangeState, 'pending' | 'done'>): Promise<void>;
  /** It was never sent (an idempotent create replayed): forget the intent. Never throws. */
  discard(): Promise<void>;
}

export interface HistoryRecorderOptions {
  history: HistoryRepository;
  redact: (text: string) => string;
  now?: () => number;
}

export class HistoryRecorder {
  private readonly now: () => number;
  constructor(private readonly opts: HistoryRecorderOptions) {
    this.now = opts.now ?? Date.now;
  }

  private keptAnswer(text: string): string {
    let kept = this.opts.redact(text);
    try {
      kept = removeJsonMembers(kept, 'NetworkToken');
    } catch {
      // Not JSON: kept as redacted text.
    }
    return kept.length > MAX_ANSWER_CHARS ? `${kept.slice(0, MAX_ANSWER_CHARS)}…` : kept;
  }

  /**
   * Before a write: validates X-Change-Kind and records the intent. Undefined for calls that are
   * not group writes. Throws HistoryNotRecordedError (503) when the intent cannot be recorded:
   * then the caller sends nothing.
   */
  async beforeWrite(
    request: FastifyRequest,
    method: string,
    outgoing: URLSearchParams,
  ): Promise<PendingWrite | undefined> {
    const kind = writeKind(method, oneHeader(request, CHANGE_KIND_HEADER));
    if (kind === undefined) return undefined;
    const restoredHeader = oneHeader(request, RESTORED_FROM_HEADER);
    if (restoredHeader !== undefined && !/^[1-9]\d{0,15}$/.test(restoredHeader)) {
      throw new HttpError(400, 'BadRequest', 'X-Restored-From must be a change id.');
    }
    const user = request.dashboardUser;
    if (user === undefined) throw new HttpError(401, 'Unauthorized', 'You are not signed in.');
    // PHP keeps the last of repeated scalars: what HasOffers will act on.
    const get = (name: string) => outgoing.get(name) ?? '';
    const groupId = method === 'updateCashflowGroup' ? get('id') : undefined;
    const recorded: RecordedRequest = {
      Target: get('Target'),
      Method: get('Method'),
      ...(groupId !== undefined && { id: groupId }),
      name: get('name'),
      description: get('description'),
      rules_json: get('rules_json'),
      affiliate_ids_json: get('affiliate_ids_json'),
    };
    let id: number;
    try {
      id = await this.opts.history.begin({
        kind: kind.kind,
        user,
        at: this.now(),
        groupId: groupId ?? null,
        request: recorded,
        restoredFrom:
          kind.kind === 'restore' && restoredHeader !== undefined ? Number(restoredHeader) : null,
      });
    } catch (e) {
      request.log.error({ err: e }, 'history: intent not recorded, write not sent');
      throw new HistoryNotRecordedError();
    }
    return this.pending(id, request.log, groupId);
  }

  private pending(id: number, log: FastifyBaseLogger, knownGroupId?: string): PendingWrite {
    const { history } = this.opts;
    const quietly = async (what: string, work: () => Promise<void>) => {
      try {
        await work();
      } catch (e) {
        // The write went (or not) whatever the history says: its answer still reaches the user.
        log.error({ err: e, change: id }, `history: ${what} not recorded`);
      }
    };
    return {
      settle: (res, readBack) =>
        quietly('outcome', async () => {
          const state = classify(res);
          const groupId = knownGroupId ?? (state === 'done' ? createdGroupId(res.text) : undefined);
          let snapshot;
          if (state === 'done' && groupId !== undefined) {
            try {
              const value = snapshotFromAnswer((await readBack(groupId)).text);
              if (value) snapshot = { value, fingerprint: fingerprint(value) };
            } catch (e) {
              log.warn({ err: e, change: id }, 'history: the group could not be read back');
            }
          }
          await history.finish(id, {
            state,
            at: this.now(),
            answer: this.keptAnswer(res.text),
            groupId,
            snapshot,
          });
        }),
      failed: (error, state) =>
        quietly('failure', () =>
          history.finish(id, {
            state,
            at: this.now(),
            answer: error instanceof Error ? this.opts.redact(error.message) : 'unknown error',
          }),
        ),
      discard: () => quietly('replay', () => history.discard(id)),
    };
  }

  /** A findCashflowGroupById answer that passed: compared with the last recorded state. */
  async observed(request: FastifyRequest, groupId: string | null, res: UpstreamResponse) {
    const user = request.dashboardUser;
    if (groupId === null || !/^[1-9]\d*$/.test(groupId) || user === undefined) return;
    if (res.status !== 200) return;
    const value = snapshotFromAnswer(res.text);
    if (!value) return;
    try {
      const result = await this.opts.history.observe(
        groupId,
        { value, fingerprint: fingerprint(value) },
        user,
        this.now(),
      );
      if (result === 'outside') {
        request.log.info({ group: groupId }, 'history: group changed outside the dashboard');
      }
    } catch (e) {
      // The read itself worked: the page must not fail because the history could not compare.
      request.log.warn({ err: e, group: groupId }, 'history: read not compared');
    }
  }
}

/** A write's answer: HTTP 200 with status 1 done, another envelope refused, anything else unknown. */
function classify(res: UpstreamResponse): Exclude<GroupChangeState, 'pending'> {
  if (res.status !== 200) return 'unknown';
  try {
    const json = JSON.parse(res.text) as { response?: { status?: unknown } };
    if (json.response === undefined) return 'unknown';
    return Number(json.response.status) === 1 ? 'done' : 'failed';
  } catch {
    return 'unknown';
  }
}
