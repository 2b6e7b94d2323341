// applyMembership's run (stop between groups, never mid-write; stop at a refusal) and what a run
// tells the page about each group without reading it again.
import { ApiError } from '@/lib/api-error';
import { emptyGroupForm, planMembership, type GroupForm } from '../../model';
import {
  applyMembership,
  rowsLearnt,
  type GroupOutcome,
  type MembershipIo,
  type PlannedChange,
} from '../bulk-membership';
import type { CashflowGroupDetail } from '../get-cashflow-group';
import { withKnownRows, type GroupScan } from '../scan-cashflow-groups';
import { changeKindHeaders } from '../update-cashflow-group';

function form(name: string, affiliateIds: string[]): GroupForm {
  return { ...emptyGroupForm(), name, affiliateMode: 'selected', affiliateIds };
}

const stored: Record<string, CashflowGroupDetail> = Object.fromEntries(
  ['1', '2', '3'].map((id) => [
    id,
    { id, modified: '1', form: form(`G${id}`, ['9']), affiliateNames: {} },
  ]),
);

const changes = planMembership(
  Object.values(stored).map(({ id, modified, form }) => ({ id, modified, form })),
  ['5'],
  'add',
).filter((p): p is PlannedChange => p.kind === 'change');

/** An io that logs each call; `during` runs while a given write is in flight. */
function fakeIo(opts: { duringWrite?: (id: string) => void; refuse?: string } = {}) {
  const log: string[] = [];
  const io: MembershipIo = {
    read: (id, signal) => {
      log.push(`read ${id}${signal ? ' with signal' : ''}`);
      return Promise.resolve(stored[id] ?? null);
    },
    write: (id, _change, signal) => {
      log.push(`write ${id}${signal ? ' with signal' : ''}`);
      opts.duringWrite?.(id);
      return id === opts.refuse
        ? Promise.reject(new ApiError({ kind: 'upstream', message: 'locked' }))
        : Promise.resolve();
    },
  };
  return { io, log };
}

const statuses = (outcomes: GroupOutcome[]) =>
  outcomes.map((o) => (o.status === 'not-attempted' ? `not-attempted (${o.reason})` : o.status));

describe('applyMembership', () => {
  it.each([
    {
      when: 'not stopped',
      stopDuring: undefined,
      calls: ['read 1', 'write 1', 'read 2', 'write 2', 'read 3', 'write 3'],
      outcomes: ['saved', 'saved', 'saved'],
      stopped: false,
    },
    {
      when: 'stopped while the first write is in flight',
      stopDuring: '1',
      calls: ['read 1', 'write 1'],
      outcomes: ['saved', 'not-attempted (stopped)', 'not-attempted (stopped)'],
      stopped: true,
    },
    {
      when: 'stopped during the second write',
      stopDuring: '2',
      calls: ['read 1', 'write 1', 'read 2', 'write 2'],
      outcomes: ['saved', 'saved', 'not-attempted (stopped)'],
      stopped: true,
    },
    {
      when: 'stopped during the last write (nothing left to skip)',
      stopDuring: '3',
      calls: ['read 1', 'write 1', 'read 2', 'write 2', 'read 3', 'write 3'],
      outcomes: ['saved', 'saved', 'saved'],
      stopped: false,
    },
  ])('$when', async ({ stopDuring, calls, outcomes, stopped }) => {
    const stop = new AbortController();
    const { io, log } = fakeIo({
      duringWrite: (id) => {
        if (id === stopDuring) stop.abort();
      },
    });
    const run = await applyMembership(changes, () => undefined, { io, stop: stop.signal });
    // The stop signal never reaches a call: the write in flight is not aborted halfway.
    expect(log).toEqual(calls);
    expect(statuses(run.outcomes)).toEqual(outcomes);
    expect(run.stopped).toBe(stopped);
  });

  it('stops at the first refusal and says the rest were not attempted because of it', async () => {
    const { io, log } = fakeIo({ refuse: '2' });
    const progress: GroupOutcome[][] = [];
    const run = await applyMembership(changes, (o) => progress.push(o), { io });
    expect(log).toEqual(['read 1', 'write 1', 'read 2', 'write 2']);
    expect(statuses(run.outcomes)).toEqual(['saved', 'failed', 'not-attempted (refusal)']);
    expect(run.stopped).toBe(false);
    // While running, the groups not reached yet are waiting, not "not attempted".
    expect(statuses(progress[0] ?? [])).toEqual(['saved', 'waiting', 'waiting']);
    expect(progress.at(-1)).toEqual(run.outcomes);
  });
});

describe('what a run tells the page without reading again', () => {
  const row = (id: string, affiliateIds: string[]) => ({
    id,
    name: `G${id}`,
    description: '',
    modified: '1',
    rules: [],
    affiliateIds,
  });
  const scan: GroupScan = {
    rows: [row('1', ['9']), row('2', ['9']), row('3', ['9']), row('4', ['9'])],
    count: 4,
    complete: true,
  };
  const after = form('G1', ['9', '5']);
  const outcomes: GroupOutcome[] = [
    { id: '1', name: 'G1', status: 'saved', after },
    {
      id: '2',
      name: 'G2',
      status: 'changed-meanwhile',
      message: 'changed',
      current: { id: '2', modified: '7', form: form('G2 renamed', ['8']), affiliateNames: {} },
    },
    { id: '3', name: 'G3', status: 'changed-meanwhile', message: 'deleted', current: null },
    {
      id: '4',
      name: 'G4',
      status: 'failed',
      error: new ApiError({ kind: 'upstream', message: 'locked' }),
    },
  ];

  it('a saved group is what was written, a skipped one what its re-read found, a refused one as it was', () => {
    const next = withKnownRows(scan, rowsLearnt(outcomes));
    expect(next.rows.map((r) => [r.id, r.name, r.affiliateIds])).toEqual([
      ['1', 'G1', ['9', '5']],
      ['2', 'G2 renamed', ['8']],
      ['4', 'G4', ['9']],
    ]);
    expect(next.rows[1]?.modified).toBe('7');
    expect(next.count).toBe(3);
    expect(next.complete).toBe(true);
  });

  it('an all-affiliates state is an empty list, as the scan reads it', () => {
    const all: GroupForm = { ...form('G1', []), affiliateMode: 'all', affiliateIds: ['stale'] };
    const next = withKnownRows(
      scan,
      rowsLearnt([{ id: '1', name: 'G1', status: 'saved', after: all }]),
    );
    expect(next.rows[0]?.affiliateIds).toEqual([]);
  });

  it('leaves the scan alone when the run learnt nothing', () => {
    expect(withKnownRows(scan, rowsLearnt([]))).toBe(scan);
  });
});

describe('changeKindHeaders', () => {
  it.each([
    [
      { kind: 'restore', restoredFrom: 12 } as const,
      { 'X-Change-Kind': 'restore', 'X-Restored-From': '12' },
    ],
    [{ kind: 'bulk-membership' } as const, { 'X-Change-Kind': 'bulk-membership' }],
  ])('%o → %o', (recordAs, headers) => {
    expect(changeKindHeaders(recordAs)).toEqual(headers);
  });
});
