// HISTORY_RETENTION_DAYS: read from the environment, and old changes purged when the BFF starts
// (a group's newest version always stays, so it can still be restored).
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config';
import { HistoryRepository } from '../storage/history';
import { memoryTestStorage } from '../storage/test-engines';
import { startBff, testConfig } from './harness';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 11, 6);
const nowhere = { exnessUrl: 'http://127.0.0.1:9', hasOffersUrl: 'http://127.0.0.1:9' };
const request = {
  Target: 'CashflowGroup',
  Method: 'updateCashflowGroup',
  id: '7',
  name: 'DACH',
  description: '',
  rules_json: '[]',
  affiliate_ids_json: '[]',
};

describe('HISTORY_RETENTION_DAYS', () => {
  const env = { USE_EMULATORS: '1', DEV_AUTO_SIGN_IN: 'dev' };
  it('is optional (keep everything) and must be whole days', () => {
    expect(loadConfig(env, { devAutoSignIn: 'allow' }).historyRetentionDays).toBeUndefined();
    expect(
      loadConfig({ ...env, HISTORY_RETENTION_DAYS: '90' }, { devAutoSignIn: 'allow' })
        .historyRetentionDays,
    ).toBe(90);
    for (const bad of ['0', '-3', '1.5', 'forever']) {
      expect(() =>
        loadConfig({ ...env, HISTORY_RETENTION_DAYS: bad }, { devAutoSignIn: 'allow' }),
      ).toThrow(ConfigError);
    }
  });

  it('old changes are purged at start; the newest version of each group stays', async () => {
    const storage = await memoryTestStorage();
    const history = new HistoryRepository(storage.db);
    const change = async (at: number) => {
      const id = await history.begin({
        kind: 'update',
        user: 'ops',
        at,
        groupId: '7',
        request,
        restoredFrom: null,
      });
      await history.finish(id, { state: 'done', at, answer: '{}' });
      return id;
    };
    const old = await change(NOW - 100 * DAY);
    const recent = await change(NOW - 10 * DAY);
    const bff = await startBff(
      { ...testConfig(nowhere), historyRetentionDays: 30 },
      { storage, auth: { now: () => NOW } },
    );
    try {
      await expect.poll(() => history.get(old)).toBeUndefined();
      expect(await history.get(recent)).toBeDefined();
    } finally {
      await bff.close();
      await storage.close();
    }
  }, 60_000);
});
