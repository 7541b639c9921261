import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, displayUrl, loadConfig } from '../../server/config';

const dataDir = () => mkdtempSync(path.join(tmpdir(), 'dialoogtafel-config-'));

describe('loadConfig', () => {
  it('uses the documented defaults', () => {
    const config = loadConfig({ DATA_DIR: dataDir() });
    expect(config).toMatchObject({ port: 3000, host: '127.0.0.1', logLevel: 'info', mongodbUri: undefined, demo: true });
    expect(displayUrl(config, 3000)).toBe('http://localhost:3000');
  });

  it('generates a session secret once and keeps it in DATA_DIR', () => {
    const dir = dataDir();
    const first = loadConfig({ DATA_DIR: dir }).sessionSecret;
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(loadConfig({ DATA_DIR: dir }).sessionSecret).toBe(first);
    expect(readFileSync(path.join(dir, 'session-secret'), 'utf8').trim()).toBe(first);
  });

  it('names the variable and the problem', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(new ConfigError('PORT', 'must be a whole number from 0 to 65535, got "abc"'));
    expect(() => loadConfig({ PORT: '-1' })).toThrow(/^Invalid setting PORT/);
    expect(() => loadConfig({ DATA_DIR: dataDir(), PUBLIC_URL: 'ftp://x' })).toThrow(/^Invalid setting PUBLIC_URL/);
  });

  it('limits attachments to 25 MB by default; MAX_ATTACHMENT_BYTES changes it and a bad value names the variable', () => {
    expect(loadConfig({ DATA_DIR: dataDir() }).attachments.maxBytes).toBe(25 * 1024 * 1024);
    expect(loadConfig({ DATA_DIR: dataDir(), MAX_ATTACHMENT_BYTES: '1048576' }).attachments.maxBytes).toBe(1048576);
    expect(() => loadConfig({ DATA_DIR: dataDir(), MAX_ATTACHMENT_BYTES: '25MB' })).toThrow(/^Invalid setting MAX_ATTACHMENT_BYTES/);
    expect(() => loadConfig({ DATA_DIR: dataDir(), MAX_ATTACHMENT_BYTES: '10' })).toThrow(/^Invalid setting MAX_ATTACHMENT_BYTES/);
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ PORT: '', DATA_DIR: dataDir() }).port).toBe(3000);
  });

  it('reads ALLOWED_ORIGINS as a list of origins and refuses anything else, naming the variable', () => {
    expect(loadConfig({ DATA_DIR: dataDir() }).allowedOrigins).toEqual([]);
    expect(loadConfig({ DATA_DIR: dataDir(), ALLOWED_ORIGINS: 'https://tafel.gemeente.nl, http://localhost:5173/' }).allowedOrigins).toEqual(['https://tafel.gemeente.nl', 'http://localhost:5173']);
    for (const bad of ['tafel.gemeente.nl', 'https://tafel.gemeente.nl/pad', 'ftp://x.nl', 'null', 'https://a.nl,*']) {
      expect(() => loadConfig({ DATA_DIR: dataDir(), ALLOWED_ORIGINS: bad }), bad).toThrow(/^Invalid setting ALLOWED_ORIGINS: must be a comma-separated list of origins/);
    }
  });

  it('marks cookies secure behind an https PUBLIC_URL', () => {
    expect(loadConfig({ DATA_DIR: dataDir(), PUBLIC_URL: 'https://dialoog.example.nl/' })).toMatchObject({
      publicUrl: 'https://dialoog.example.nl',
      secureCookies: true,
    });
  });

  it('takes REDIS_URL for several nodes, and then requires the shared SESSION_SECRET', () => {
    const secret = 'x'.repeat(40);
    expect(loadConfig({ DATA_DIR: dataDir() }).redisUrl).toBeUndefined();
    expect(loadConfig({ DATA_DIR: dataDir(), REDIS_URL: 'redis://cache:6379/2', SESSION_SECRET: secret }).redisUrl).toBe('redis://cache:6379/2');
    expect(() => loadConfig({ DATA_DIR: dataDir(), REDIS_URL: 'http://cache', SESSION_SECRET: secret })).toThrow(/^Invalid setting REDIS_URL: must start with redis:\/\/ or rediss:\/\//);
    expect(() => loadConfig({ DATA_DIR: dataDir(), REDIS_URL: 'redis://cache:6379' })).toThrow(/^Invalid setting SESSION_SECRET: is required with REDIS_URL/);
  });
});
