import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ed25519Pem } from '../helpers/production-settings';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/config';

const dataDir = () => mkdtempSync(path.join(tmpdir(), 'dialoogtafel-oidc-config-'));
const secret = 'a-session-secret-of-at-least-32-characters';

describe('OpenID Connect settings', () => {
  it('are off by default, with passwords on', () => {
    expect(loadConfig({ DATA_DIR: dataDir() })).toMatchObject({ oidc: undefined, passwordSignIn: true });
  });

  it('read issuer, client, secret and button label together', () => {
    const config = loadConfig({
      DATA_DIR: dataDir(),
      OIDC_ISSUER: 'https://login.example.nl/tenant/v2.0/',
      OIDC_CLIENT_ID: 'dialoogtafel',
      OIDC_CLIENT_SECRET: 'geheim',
      OIDC_BUTTON_LABEL: 'Inloggen met uw organisatie-account',
      PASSWORD_SIGNIN: '0',
    });
    expect(config.oidc).toEqual({
      issuer: 'https://login.example.nl/tenant/v2.0',
      clientId: 'dialoogtafel',
      clientSecret: 'geheim',
      buttonLabel: 'Inloggen met uw organisatie-account',
      allowInsecureIssuer: true,
    });
    expect(config.passwordSignIn).toBe(false);
  });

  it('refuse PASSWORD_SIGNIN=0 without OpenID Connect, in one line naming the setting', () => {
    expect(() => loadConfig({ DATA_DIR: dataDir(), PASSWORD_SIGNIN: '0' })).toThrow(new ConfigError('PASSWORD_SIGNIN', '0 needs OIDC_ISSUER: without passwords and without OpenID Connect nobody could sign in'));
    expect(() => loadConfig({ DATA_DIR: dataDir(), PASSWORD_SIGNIN: 'nee' })).toThrow(/^Invalid setting PASSWORD_SIGNIN: must be 0 or 1/);
  });

  it('name the missing half of a pair', () => {
    expect(() => loadConfig({ DATA_DIR: dataDir(), OIDC_ISSUER: 'https://login.example.nl' })).toThrow(/^Invalid setting OIDC_CLIENT_ID: is required with OIDC_ISSUER/);
    expect(() => loadConfig({ DATA_DIR: dataDir(), OIDC_CLIENT_ID: 'x' })).toThrow(/^Invalid setting OIDC_ISSUER: is required with OIDC_CLIENT_ID/);
    expect(() => loadConfig({ DATA_DIR: dataDir(), OIDC_ISSUER: 'login.example.nl', OIDC_CLIENT_ID: 'x' })).toThrow(/^Invalid setting OIDC_ISSUER/);
  });

  it('accept an http issuer only outside production', () => {
    expect(loadConfig({ DATA_DIR: dataDir(), NODE_ENV: 'test', OIDC_ISSUER: 'http://127.0.0.1:4000', OIDC_CLIENT_ID: 'x' }).oidc?.allowInsecureIssuer).toBe(true);
    expect(() => loadConfig({ DATA_DIR: dataDir(), NODE_ENV: 'production', SESSION_SECRET: secret, PUBLIC_URL: 'https://dialoog.example.nl', MONGODB_URI: 'mongodb://db.example.nl:27017/dialoogtafel', ALLOW_LOCAL_DATABASE: '1', AUDIT_SIGNING_KEY: ed25519Pem(), OIDC_ISSUER: 'http://login.example.nl', OIDC_CLIENT_ID: 'x' })).toThrow(/^Invalid setting OIDC_ISSUER: must be an https:\/\/ address in production/);
    expect(loadConfig({ DATA_DIR: dataDir(), NODE_ENV: 'production', SESSION_SECRET: secret, PUBLIC_URL: 'https://dialoog.example.nl', MONGODB_URI: 'mongodb://db.example.nl:27017/dialoogtafel', ALLOW_LOCAL_DATABASE: '1', AUDIT_SIGNING_KEY: ed25519Pem(), OIDC_ISSUER: 'https://login.example.nl', OIDC_CLIENT_ID: 'x' }).oidc?.allowInsecureIssuer).toBe(false);
  });
});
