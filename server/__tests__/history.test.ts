// The change history over real HTTP against the HasOffers emulator: every kind of write is recorded
// before it is sent and after (with the group read back); a write whose intent cannot be recorded
// is not sent; a change made outside the dashboard is recorded once; the read API and exports.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  call,
  control,
  postForm,
  startBff,
  startTestEmulators,
  testConfig,
  type Emulators,
  type RunningBff,
} from './harness';

interface Change {
  id: number;
  groupId: string | null;
  kind: string;
  user: string;
  state: string;
  restoredFrom: number | null;
  request: Record<string, string> | null;
  group: { name: string; rules: unknown[]; affiliates: { id: string }[] } | null;
  answer?: string | null;
}

let emulators: Emulators;
let bff: RunningBff;
let hasoffers: ReturnType<typeof control>;
const api = () => `${bff.url}/api/hasoffers`;
const token = () => testConfig(emulators).hasoffers.networkToken;

const groupParams = (name: string, country = 'DE') => ({
  name,
  description: 'History test',
  rules_json: JSON.stringify([{ field: 'country', operator: 'IN', value: [country], negate: 0 }]),
  affiliate_ids_json: '[]',
});

const write = (method: string, params: Record<string, string>, headers = {}) =>
  postForm(
    api(),
    new URLSearchParams({ Target: 'CashflowGroup', Method: method, ...params }).toString(),
    headers,
  );

const read = (id: string) =>
  call(
    `${api()}?${new URLSearchParams({ Target: 'CashflowGroup', Method: 'findCashflowGroupById', cashflow_group_id: id })}`,
  );

async function createGroup(name: string, headers = {}): Promise<string> {
  const res = await write('createCashflowGroup', groupParams(name), headers);
  expect(res.status).toBe(200);
  const data = (res.json as { response: { data: unknown } }).response.data;
  return String(data);
}

async function groupHistory(id: string): Promise<Change[]> {
  const res = await call(`${bff.url}/api/history/groups/${id}`);
  expect(res.status).toBe(200);
  return (res.json as { items: Change[] }).items;
}

/** A change straight to the emulator, as someone using HasOffers' own UI would make it. */
async function changeOutside(id: string, country: string) {
  const url = new URL(`${emulators.hasOffersUrl}/Apiv3/json`);
  const body = new URLSearchParams({
    Target: 'CashflowGroup',
    Method: 'updateCashflowGroup',
    id,
    ...groupParams(`Outside ${id}`, country),
    NetworkToken: token(),
  });
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Test-Probe': '1' },
    body,
  });
  expect(((await res.json()) as { response: { status: number } }).response.status).toBe(1);
}

beforeAll(async () => {
  emulators = await startTestEmulators();
  hasoffers = control(emulators.hasOffersUrl);
  bff = await startBff(testConfig(emulators));
}, 60_000);
afterAll(async () => {
  await bff?.close();
  await emulators?.close();
});
// No emulator reset between tests: its ids would start over while the history keeps its rows.

describe('recording', () => {
  it('create, update, clone and restore: intent and outcome, with the group read back', async () => {
    const id = await createGroup('History create');
    let changes = await groupHistory(id);
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({
      kind: 'create',
      user: 'tester',
      state: 'done',
      groupId: id,
      request: {
        Target: 'CashflowGroup',
        Method: 'createCashflowGroup',
        ...groupParams('History create'),
      },
      group: { name: 'History create', affiliates: [] },
    });
    // Never the token, anywhere in what is kept.
    expect(JSON.stringify(changes)).not.toContain(token());

    const updated = await write('updateCashflowGroup', { id, ...groupParams('Renamed', 'AT') });
    expect(updated.status).toBe(200);
    const cloneId = await createGroup('History clone', { 'X-Change-Kind': 'clone' });
    const first = changes[0]?.id ?? 0;
    const restored = await write(
      'updateCashflowGroup',
      { id, ...groupParams('History create') },
      { 'X-Change-Kind': 'restore', 'X-Restored-From': String(first) },
    );
    expect(restored.status).toBe(200);

    changes = await groupHistory(id);
    expect(changes.map((c) => [c.kind, c.state, c.group?.name])).toEqual([
      ['restore', 'done', 'History create'],
      ['update', 'done', 'Renamed'],
      ['create', 'done', 'History create'],
    ]);
    expect(changes[0]?.restoredFrom).toBe(first);
    expect(changes[1]?.request).toMatchObject({ id, name: 'Renamed' });
    expect((await groupHistory(cloneId)).map((c) => c.kind)).toEqual(['clone']);

    // The answer is kept (token-free) on the single change.
    const one = await call(`${bff.url}/api/history/changes/${changes[1]?.id}`);
    expect((one.json as Change).answer).toContain('"status":1');
    expect(one.text).not.toContain(token());
  });

  it('a refused write is recorded as failed, with HasOffers’ answer', async () => {
    const res = await write('updateCashflowGroup', { id: '999999', ...groupParams('Nope') });
    expect(res.status).toBe(200);
    const changes = await groupHistory('999999');
    expect(changes).toMatchObject([{ kind: 'update', state: 'failed', group: null }]);
  });

  it('refuses an unknown X-Change-Kind before sending anything', async () => {
    await hasoffers.clearCalls();
    const res = await write('createCashflowGroup', groupParams('Bad kind'), {
      'X-Change-Kind': 'restore',
    });
    expect(res.status).toBe(400);
    const creates = (await hasoffers.calls()).filter((c) => c.hoMethod === 'createCashflowGroup');
    expect(creates).toEqual([]);
  });

  it('a bulk membership update is recorded as such, filtered and exported by its kind', async () => {
    const id = await createGroup('History bulk');
    const bulk = await write(
      'updateCashflowGroup',
      { id, ...groupParams('History bulk'), affiliate_ids_json: '["4"]' },
      { 'X-Change-Kind': 'bulk-membership' },
    );
    expect(bulk.status).toBe(200);
    const changes = await groupHistory(id);
    expect(changes.map((c) => [c.kind, c.state, c.group?.affiliates.map((a) => a.id)])).toEqual([
      ['bulk-membership', 'done', ['4']],
      ['create', 'done', []],
    ]);
    expect(changes[0]?.restoredFrom).toBeNull();

    const onlyBulk = await call(`${bff.url}/api/history?kind=bulk-membership&group=${id}`);
    expect(onlyBulk.json).toMatchObject({ total: 1, items: [{ kind: 'bulk-membership' }] });
    const csv = await call(`${bff.url}/api/history/export?format=csv&kind=bulk-membership`);
    const rows = csv.text.trim().split('\r\n').slice(1);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.split(',')[3] === '"bulk-membership"')).toBe(true);
    expect((await call(`${bff.url}/api/history?kind=bulk`)).status).toBe(400);
  });

  it('accepts bulk-membership on updates only, and refuses it before sending anything', async () => {
    await hasoffers.clearCalls();
    const res = await write('createCashflowGroup', groupParams('Bulk create'), {
      'X-Change-Kind': 'bulk-membership',
    });
    expect(res.status).toBe(400);
    expect(res.text).toContain(
      'X-Change-Kind for createCashflowGroup must be one of: create, clone',
    );
    const creates = (await hasoffers.calls()).filter((c) => c.hoMethod === 'createCashflowGroup');
    expect(creates).toEqual([]);
  });

  it('an idempotent create answered from its record is recorded once', async () => {
    const headers = { 'Idempotency-Key': 'history-once-1' };
    const id = await createGroup('History once', headers);
    const again = await write('createCashflowGroup', groupParams('History once'), headers);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect((await groupHistory(id)).map((c) => c.kind)).toEqual(['create']);
    const all = await call(`${bff.url}/api/history?limit=100`);
    const named = (all.json as { items: Change[] }).items.filter(
      (c) => c.request?.name === 'History once',
    );
    expect(named).toHaveLength(1);
  });
});

describe('drift', () => {
  it('a group changed outside the dashboard is recorded once, with its state', async () => {
    const id = await createGroup('Drift');
    expect((await read(id)).status).toBe(200);
    expect((await groupHistory(id)).map((c) => c.kind)).toEqual(['create']);

    await changeOutside(id, 'FR');
    await read(id);
    await read(id);
    const changes = await groupHistory(id);
    expect(changes.map((c) => c.kind)).toEqual(['outside', 'create']);
    expect(changes[0]).toMatchObject({ user: 'tester', group: { name: `Outside ${id}` } });
  });

  it('a group first read here is recorded as seen, once', async () => {
    // Seeded groups were never written through the dashboard.
    await read('1');
    await read('1');
    expect((await groupHistory('1')).map((c) => c.kind)).toEqual(['seen']);
  });
});

describe('read API', () => {
  it('filters by user, group and dates; validates its query', async () => {
    await createGroup('Filtered');
    const today = new Date().toISOString().slice(0, 10);
    const mine = await call(`${bff.url}/api/history?user=tester&from=${today}&to=${today}`);
    expect(mine.status).toBe(200);
    expect((mine.json as { total: number }).total).toBeGreaterThan(0);
    const nobody = await call(`${bff.url}/api/history?user=nobody`);
    expect(nobody.json).toMatchObject({ items: [], total: 0 });
    const past = await call(`${bff.url}/api/history?to=2000-01-01`);
    expect(past.json).toMatchObject({ total: 0 });
    for (const bad of ['from=yesterday', 'limit=0', 'limit=101', 'group=abc', 'offset=-1']) {
      expect((await call(`${bff.url}/api/history?${bad}`)).status).toBe(400);
    }
    expect((await call(`${bff.url}/api/history/users`)).json).toMatchObject({
      users: expect.arrayContaining(['tester']) as unknown,
    });
  });

  it('exports CSV and JSON', async () => {
    const id = await createGroup('=Exported "quoted"');
    const csv = await call(`${bff.url}/api/history/export?format=csv&group=${id}`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.headers.get('content-disposition')).toMatch(
      /attachment; filename="history-.*\.csv"/,
    );
    const [header, row] = csv.text.split('\r\n');
    expect(header).toMatch(/^id,requested_at,user,kind,group_id,state/);
    // A spreadsheet would run a leading "=": defused; quotes doubled.
    expect(row).toContain(`"'=Exported ""quoted"""`);
    const json = await call(`${bff.url}/api/history/export?format=json&group=${id}`);
    expect(json.json).toMatchObject([{ kind: 'create', groupId: id }]);
    expect((await call(`${bff.url}/api/history/export?format=xml`)).status).toBe(400);
  });
});

describe('when the history cannot be written', () => {
  it('answers 503 and sends nothing', async () => {
    const id = await createGroup('Unrecorded');
    await hasoffers.clearCalls();
    // The table gone: every insert fails, as with a lost database.
    await bff.storage.db.schema
      .alterTable('group_changes')
      .renameTo('group_changes_away')
      .execute();
    try {
      const res = await write('updateCashflowGroup', { id, ...groupParams('Not sent') });
      expect(res.status).toBe(503);
      expect(res.json).toMatchObject({ code: 'StorageUnavailable' });
      expect((res.json as { message: string }).message).toMatch(/not sent to HasOffers/);
      const updates = (await hasoffers.calls()).filter((c) => c.hoMethod === 'updateCashflowGroup');
      expect(updates).toEqual([]);
    } finally {
      await bff.storage.db.schema
        .alterTable('group_changes_away')
        .renameTo('group_changes')
        .execute();
    }
  });
});
