// loadConfig: defaults, modes per upstream, sign-in settings, and one readable message per bad or
// missing value.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hashPassword } from '../auth/password-hash';
import { ConfigError, loadConfig, resolveConfig, type LoadConfigOptions } from '../config';

const aliceHash = await hashPassword('alice-password', { N: 1024, r: 8, p: 1 });
const bobHash = await hashPassword('bob-password', { N: 1024, r: 8, p: 1 });
const USERS = `alice:${aliceHash}`;

const realEnv = {
  EXNESS_LOGIN: 'partner@example.com',
  EXNESS_PASSWORD: 's3cret-pass',
  HASOFFERS_NETWORK_ID: 'acme',
  HASOFFERS_NETWORK_TOKEN: 'NETtoken123',
  DASHBOARD_USERS: USERS,
};

function problemsOf(
  env: Record<string, string | undefined>,
  emulate = false,
  extra: LoadConfigOptions = {},
): string[] {
  try {
    loadConfig(env, { missingCredentials: emulate ? 'emulate' : 'error', ...extra });
  } catch (e) {
    if (e instanceof ConfigError) return e.problems;
    throw e;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('storage: ./data by default, DATA_DIR, :memory:, or DATABASE_URL (which wins); a bad URL is named, not shown', () => {
    expect(loadConfig(realEnv).storage).toEqual({ engine: 'embedded', dataDir: resolve('data') });
    expect(loadConfig({ ...realEnv, DATA_DIR: '/var/lib/dash' }).storage).toEqual({
      engine: 'embedded',
      dataDir: '/var/lib/dash',
    });
    expect(loadConfig({ ...realEnv, DATA_DIR: ':memory:' }).storage).toEqual({ engine: 'memory' });
    const url = 'postgres://dash:pw@db.internal:5432/dash';
    expect(loadConfig({ ...realEnv, DATA_DIR: '/x', DATABASE_URL: url }).storage).toEqual({
      engine: 'postgres',
      url,
    });
    const problems = problemsOf({ ...realEnv, DATABASE_URL: 'mysql://dash:pw-secret@db/dash' });
    expect(problems).toEqual([expect.stringMatching(/^DATABASE_URL must be a PostgreSQL URL/)]);
    expect(problems.join()).not.toContain('pw-secret');
  });

  it('applies the defaults with full credentials', () => {
    const config = loadConfig(realEnv);
    expect(config).toMatchObject({
      host: '127.0.0.1',
      port: 8787,
      upstreamTimeoutMs: 15000,
      logLevel: 'info',
      useEmulators: false,
      allowedOrigins: [],
      allowedHosts: [],
      emulatorPorts: { exness: 4010, hasoffers: 4020 },
      exness: {
        mode: 'real',
        apiUrl: 'https://my.exnessaffiliates.com',
        login: 'partner@example.com',
        password: 's3cret-pass',
      },
      hasoffers: {
        mode: 'real',
        apiUrl: 'https://acme.api.hasoffers.com/Apiv3/json',
        networkToken: 'NETtoken123',
      },
    });
  });

  it('prefers HASOFFERS_API_URL and trims trailing slashes', () => {
    const config = loadConfig({
      ...realEnv,
      HASOFFERS_API_URL: 'http://127.0.0.1:9000/Apiv3/json/',
      EXNESS_API_URL: 'https://other.example/',
    });
    expect(config.hasoffers).toMatchObject({ apiUrl: 'http://127.0.0.1:9000/Apiv3/json' });
    expect(config.exness).toMatchObject({ apiUrl: 'https://other.example' });
  });

  it('reads numbers, flags, levels and origins', () => {
    const config = loadConfig({
      ...realEnv,
      BFF_PORT: '9000',
      HOST: '0.0.0.0',
      UPSTREAM_TIMEOUT_MS: '4000',
      LOG_LEVEL: 'DEBUG',
      ALLOWED_ORIGINS: 'http://localhost:5173, http://127.0.0.1:5173',
      ALLOWED_HOSTS: 'Dashboard.Example.com,[::1]',
    });
    expect(config).toMatchObject({
      port: 9000,
      host: '0.0.0.0',
      upstreamTimeoutMs: 4000,
      logLevel: 'debug',
      allowedOrigins: ['http://localhost:5173', 'http://127.0.0.1:5173'],
      allowedHosts: ['dashboard.example.com', '[::1]'],
    });
  });

  it('USE_EMULATORS=1 emulates both upstreams, credentials or not', () => {
    expect(loadConfig({ USE_EMULATORS: '1', DASHBOARD_USERS: USERS })).toMatchObject({
      useEmulators: true,
      exness: { mode: 'emulated' },
      hasoffers: { mode: 'emulated' },
    });
    expect(loadConfig({ ...realEnv, USE_EMULATORS: 'true' })).toMatchObject({
      exness: { mode: 'emulated' },
      hasoffers: { mode: 'emulated' },
    });
  });

  it('in production mode, missing credentials are an error naming each variable', () => {
    const problems = problemsOf({ DASHBOARD_USERS: USERS });
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/EXNESS_LOGIN and EXNESS_PASSWORD are required.*USE_EMULATORS=1/);
    expect(problems[1]).toMatch(/HASOFFERS_NETWORK_TOKEN and HASOFFERS_NETWORK_ID/);
  });

  it('in dev mode, an upstream without credentials is emulated, per upstream', () => {
    const config = loadConfig(
      { EXNESS_LOGIN: 'a@b.example', EXNESS_PASSWORD: 'pw-pw-pw', DASHBOARD_USERS: USERS },
      { missingCredentials: 'emulate' },
    );
    expect(config.exness.mode).toBe('real');
    expect(config.hasoffers.mode).toBe('emulated');
  });

  it('half a credential is an error even in dev mode', () => {
    const users = { DASHBOARD_USERS: USERS };
    expect(problemsOf({ ...users, EXNESS_LOGIN: 'a@b.example' }, true)).toEqual([
      'EXNESS_PASSWORD is missing (EXNESS_LOGIN is set)',
    ]);
    expect(problemsOf({ ...users, HASOFFERS_NETWORK_TOKEN: 'tok-tok' }, true)).toEqual([
      'HASOFFERS_NETWORK_ID (or HASOFFERS_API_URL) is required with HASOFFERS_NETWORK_TOKEN',
    ]);
    expect(problemsOf({ ...users, HASOFFERS_NETWORK_ID: 'acme' }, true)).toEqual([
      'HASOFFERS_NETWORK_TOKEN is missing (the network is set)',
    ]);
  });

  it('lists every bad value at once, by name, without echoing values', () => {
    const problems = problemsOf({
      ...realEnv,
      BFF_PORT: '99999',
      UPSTREAM_TIMEOUT_MS: 'soon',
      USE_EMULATORS: 'maybe',
      LOG_LEVEL: 'loud',
      EXNESS_API_URL: 'ftp://user:pw@example.com',
      HASOFFERS_NETWORK_ID: 'evil.com/x',
      ALLOWED_ORIGINS: 'http://ok.example, not an origin',
      ALLOWED_HOSTS: 'ok.example, bad_host:8080',
    });
    expect(problems).toHaveLength(8);
    for (const name of [
      'BFF_PORT',
      'UPSTREAM_TIMEOUT_MS',
      'USE_EMULATORS',
      'LOG_LEVEL',
      'EXNESS_API_URL',
      'HASOFFERS_NETWORK_ID',
      'ALLOWED_ORIGINS',
      'ALLOWED_HOSTS',
    ]) {
      expect(problems.some((p) => p.startsWith(name))).toBe(true);
    }
    const text = problems.join('\n');
    expect(text).not.toContain('user:pw');
    expect(text).not.toContain('evil.com');
  });

  it('the error message lists the problems one per line', () => {
    try {
      loadConfig({ BFF_PORT: 'x' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      expect((e as Error).message).toMatch(
        /^Invalid configuration:\n {2}- BFF_PORT must be a port/,
      );
    }
  });

  it('treats empty strings as unset', () => {
    const config = loadConfig({
      ...realEnv,
      BFF_PORT: '',
      EXNESS_API_URL: '  ',
      USE_EMULATORS: '',
    });
    expect(config.port).toBe(8787);
    expect(config.exness).toMatchObject({ apiUrl: 'https://my.exnessaffiliates.com' });
    expect(config.useEmulators).toBe(false);
  });
});

describe('loadConfig: sign-in', () => {
  it('reads DASHBOARD_USERS (commas or newlines), names case-insensitively, and the session times', () => {
    const config = loadConfig({
      ...realEnv,
      DASHBOARD_USERS: ` Alice:${aliceHash},\n bob:${bobHash} `,
      SESSION_IDLE_MINUTES: '15',
      SESSION_MAX_HOURS: '8',
    });
    expect(config.auth.users.map((u) => u.name)).toEqual(['alice', 'bob']);
    expect(config.auth.users[0]?.hash.N).toBe(1024);
    expect(config.auth).toMatchObject({
      devAutoSignIn: undefined,
      sessionIdleMs: 15 * 60_000,
      sessionMaxMs: 8 * 3_600_000,
    });
    expect(loadConfig(realEnv).auth).toMatchObject({
      sessionIdleMs: 30 * 60_000,
      sessionMaxMs: 12 * 3_600_000,
    });
  });

  it('production refuses to start without DASHBOARD_USERS, even with USE_EMULATORS=1', () => {
    for (const env of [{ ...realEnv, DASHBOARD_USERS: '' }, { USE_EMULATORS: '1' }]) {
      const problems = problemsOf(env);
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(/^DASHBOARD_USERS is required.*npm run hash-password/);
    }
  });

  it('names bad DASHBOARD_USERS entries by position and name, never echoing a hash', () => {
    const problems = problemsOf({
      ...realEnv,
      DASHBOARD_USERS: `alice:${aliceHash},bob:scrypt$1000$8$1$c2FsdHNhbHQ$a2V5a2V5a2V5a2V5a2V5,:${aliceHash},ALICE:${bobHash}`,
    });
    expect(problems).toEqual([
      expect.stringMatching(/^DASHBOARD_USERS entry 2 \(bob\) has no valid password hash/),
      expect.stringMatching(/^DASHBOARD_USERS entry 3 must start with a user name/),
      expect.stringMatching(/^DASHBOARD_USERS entry 4 \(alice\) repeats a user name/),
    ]);
    for (const hashText of [aliceHash, bobHash, 'c2FsdHNhbHQ']) {
      expect(problems.join('\n')).not.toContain(hashText);
    }
  });

  it('DEV_AUTO_SIGN_IN: refused by production (main.ts), with NODE_ENV=production, or a real upstream', () => {
    expect(problemsOf({ USE_EMULATORS: '1', DEV_AUTO_SIGN_IN: 'demo' })).toEqual([
      expect.stringMatching(
        /^DEV_AUTO_SIGN_IN is only for npm run dev.*npm start always requires sign-in/,
      ),
      expect.stringMatching(/^DASHBOARD_USERS is required/),
    ]);
    const dev = { devAutoSignIn: 'allow' } as const;
    expect(
      problemsOf(
        { USE_EMULATORS: '1', DEV_AUTO_SIGN_IN: 'demo', NODE_ENV: 'production' },
        true,
        dev,
      ),
    ).toEqual([
      'DEV_AUTO_SIGN_IN is refused when NODE_ENV=production',
      expect.stringMatching(/^DASHBOARD_USERS is required/),
    ]);
    expect(
      problemsOf(
        { EXNESS_LOGIN: 'a@b.example', EXNESS_PASSWORD: 'pw-pw-pw', DEV_AUTO_SIGN_IN: 'demo' },
        true,
        dev,
      ),
    ).toEqual([
      expect.stringMatching(/^DEV_AUTO_SIGN_IN needs both upstreams emulated/),
      expect.stringMatching(/^DASHBOARD_USERS is required/),
    ]);
  });

  it('DEV_AUTO_SIGN_IN with both upstreams emulated (npm run dev) needs no users; off turns it off', () => {
    const config = loadConfig(
      { DEV_AUTO_SIGN_IN: 'Demo' },
      { missingCredentials: 'emulate', devAutoSignIn: 'allow' },
    );
    expect(config.auth).toMatchObject({ devAutoSignIn: 'demo', users: [] });
    expect(
      problemsOf({ USE_EMULATORS: '1', DEV_AUTO_SIGN_IN: 'off' }, true, { devAutoSignIn: 'allow' }),
    ).toEqual([expect.stringMatching(/^DASHBOARD_USERS is required/)]);
  });

  it('npm run dev’s default user applies only with both upstreams emulated', () => {
    const dev = {
      missingCredentials: 'emulate',
      devAutoSignIn: 'allow',
      devAutoSignInDefault: 'demo',
    } as const;
    expect(loadConfig({}, dev).auth.devAutoSignIn).toBe('demo');
    expect(loadConfig({ ...realEnv, USE_EMULATORS: '1' }, dev).auth.devAutoSignIn).toBe('demo');
    // One real upstream: no default, so DASHBOARD_USERS is needed.
    const oneReal = { EXNESS_LOGIN: 'a@b.example', EXNESS_PASSWORD: 'pw-pw-pw' };
    expect(
      loadConfig({ ...oneReal, DASHBOARD_USERS: USERS }, dev).auth.devAutoSignIn,
    ).toBeUndefined();
    expect(problemsOf(oneReal, true, dev)).toEqual([
      expect.stringMatching(/^DASHBOARD_USERS is required/),
    ]);
    // Production never takes a default.
    expect(problemsOf({ USE_EMULATORS: '1' }, false, { devAutoSignInDefault: 'demo' })).toEqual([
      expect.stringMatching(/^DASHBOARD_USERS is required/),
    ]);
  });
});

describe('resolveConfig', () => {
  it('fills emulated upstreams from the running emulators and keeps real ones', () => {
    const config = loadConfig(
      { EXNESS_LOGIN: 'a@b.example', EXNESS_PASSWORD: 'pw-pw-pw', DASHBOARD_USERS: USERS },
      { missingCredentials: 'emulate' },
    );
    const app = resolveConfig(config, {
      hasoffers: { apiUrl: 'http://127.0.0.1:4020/Apiv3/json', networkToken: 'emu-token' },
    });
    expect(app.exness).toEqual({
      mode: 'real',
      apiUrl: 'https://my.exnessaffiliates.com',
      login: 'a@b.example',
      password: 'pw-pw-pw',
    });
    expect(app.hasoffers).toEqual({
      mode: 'emulated',
      apiUrl: 'http://127.0.0.1:4020/Apiv3/json',
      networkToken: 'emu-token',
    });
  });

  it('refuses an emulated upstream whose emulator is not running', () => {
    expect(() =>
      resolveConfig(loadConfig({ USE_EMULATORS: '1', DASHBOARD_USERS: USERS }), {}),
    ).toThrow(/Exness emulator is not running/);
  });
});
