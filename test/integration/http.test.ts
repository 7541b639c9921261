import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../helpers/server';

describe('HTTP basics', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('answers /healthz with ok', async () => {
    const res = await fetch(`${server.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('answers /readyz with 200 while the database answers', async () => {
    const res = await fetch(`${server.url}/readyz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ready', database: 'up' });
  });

  it('sends security headers and a Content-Security-Policy', async () => {
    const res = await fetch(`${server.url}/`);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-powered-by')).toBeNull();
  });

  it('serves the client for deep links but not for the API', async () => {
    const page = await fetch(`${server.url}/trajecten/abc`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');
    const api = await fetch(`${server.url}/api/does-not-exist`, { headers: { accept: 'text/html' } });
    expect(api.status).toBe(404);
    expect(await api.json()).toEqual({ error: { code: 'not_found', message: expect.any(String) } });
  });

  it('answers malformed JSON with 400, never 500', async () => {
    const res = await fetch(`${server.url}/api/version`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"a":' });
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe('bad_request');
  });

  it('refuses a body over the size limit with 413', async () => {
    const body = JSON.stringify({ text: 'x'.repeat(300 * 1024) });
    const res = await fetch(`${server.url}/api/version`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(res.status).toBe(413);
    expect((await res.json()).error.code).toBe('payload_too_large');
  });

  it('refuses WebSocket upgrades to unknown paths', async () => {
    const { upgradeStatus } = await import('../helpers/collab-client');
    expect(await upgradeStatus(`${server.url.replace('http', 'ws')}/elsewhere`)).toBe(404);
  });

  it('writes structured JSON logs without request bodies', () => {
    const listening = server.logs().find((l) => l.event === 'listening');
    expect(listening).toMatchObject({ service: 'dialoogtafel', level: 30, port: server.port });
  });
});
