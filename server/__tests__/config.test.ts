// loadConfig: defaults, modes per upstream, and one readable message per bad or missing value.
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, resolveConfig } from '../config';

const realEnv = {
  EXNESS_LOGIN: 'partner@example.com',
  EXNESS_PASSWORD: 's3cret-pass',
  HASOFFERS_NETWORK_ID: 'acme',
  HASOFFERS_NETWORK_TOKEN: 'NETtoken123',
};

function problemsOf(env: Record<string, string | undefined>, emulate = false): string[] {
  try {
    loadConfig(env, { missingCredentials: emulate ? 'emulate' : 'error' });
  } catch (e) {
    if (e instanceof ConfigError) return e.problems;
    throw e;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
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
    expect(loadConfig({ USE_EMULATORS: '1' })).toMatchObject({
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
    const problems = problemsOf({});
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/EXNESS_LOGIN and EXNESS_PASSWORD are required.*USE_EMULATORS=1/);
    expect(problems[1]).toMatch(/HASOFFERS_NETWORK_TOKEN and HASOFFERS_NETWORK_ID/);
  });

  it('in dev mode, an upstream without credentials is emulated, per upstream', () => {
    const config = loadConfig(
      { EXNESS_LOGIN: 'a@b.example', EXNESS_PASSWORD: 'pw-pw-pw' },
      { missingCredentials: 'emulate' },
    );
    expect(config.exness.mode).toBe('real');
    expect(config.hasoffers.mode).toBe('emulated');
  });

  it('half a credential is an error even in dev mode', () => {
    expect(problemsOf({ EXNESS_LOGIN: 'a@b.example' }, true)).toEqual([
      'EXNESS_PASSWORD is missing (EXNESS_LOGIN is set)',
    ]);
    expect(problemsOf({ HASOFFERS_NETWORK_TOKEN: 'tok-tok' }, true)).toEqual([
      'HASOFFERS_NETWORK_ID (or HASOFFERS_API_URL) is required with HASOFFERS_NETWORK_TOKEN',
    ]);
    expect(problemsOf({ HASOFFERS_NETWORK_ID: 'acme' }, true)).toEqual([
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

describe('resolveConfig', () => {
  it('fills emulated upstreams from the running emulators and keeps real ones', () => {
    const config = loadConfig(
      { EXNESS_LOGIN: 'a@b.example', EXNESS_PASSWORD: 'pw-pw-pw' },
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
    expect(() => resolveConfig(loadConfig({ USE_EMULATORS: '1' }), {})).toThrow(
      /Exness emulator is not running/,
    );
  });
});
