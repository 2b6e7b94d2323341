// EXNESS_LIST_METHOD: GET by default, POST only when asked (it creates groups upstream), else refused.
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, resolveConfig } from '../config';

const env = { USE_EMULATORS: '1', DEV_AUTO_SIGN_IN: 'demo' };
const endpoints = {
  exness: { apiUrl: 'http://127.0.0.1:1', login: 'l@x.example', password: 'pw-pw-pw' },
  hasoffers: { apiUrl: 'http://127.0.0.1:2/Apiv3/json', networkToken: 'token-1' },
};
const load = (extra: Record<string, string>) =>
  loadConfig({ ...env, ...extra }, { devAutoSignIn: 'allow' });

describe('EXNESS_LIST_METHOD', () => {
  it('defaults to GET, and the upstream then carries no listMethod', () => {
    const config = load({});
    expect(config.exnessListMethod).toBe('GET');
    expect(resolveConfig(config, endpoints).exness).not.toHaveProperty('listMethod');
  });

  it('takes POST (any case) onto the Exness upstream', () => {
    const config = load({ EXNESS_LIST_METHOD: 'post' });
    expect(config.exnessListMethod).toBe('POST');
    expect(resolveConfig(config, endpoints).exness.listMethod).toBe('POST');
  });

  it('refuses anything else, naming the risk', () => {
    expect(() => load({ EXNESS_LIST_METHOD: 'PUT' })).toThrow(ConfigError);
    expect(() => load({ EXNESS_LIST_METHOD: 'PUT' })).toThrow(/GET or POST.*creates a group/);
  });
});
