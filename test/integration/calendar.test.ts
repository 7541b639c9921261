import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoEmails, demoTrajectoryIds, signIn, type ApiClient } from '../helpers/api-client';
import { startServer, type RunningServer } from '../helpers/server';

const root = path.resolve(import.meta.dirname, '../..');

/**
 * Reads an .ics file with an independent parser (ical.js, Mozilla's) in a process of its own whose
 * time zone is neither the server's nor Amsterdam's, as a calendar program abroad would: every
 * event's start and end as instants. A floating time (no Z, no TZID) would be read as Tokyo time.
 */
function readCalendarInTokyo(ics: string): Array<{ uid: string; start: string; end: string }> {
  const script = `
    import ICAL from 'ical.js';
    let text = '';
    for await (const chunk of process.stdin) text += chunk;
    const calendar = new ICAL.Component(ICAL.parse(text));
    for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
    const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    process.stdout.write(JSON.stringify(events.map((e) => ({ uid: e.uid, start: e.startDate.toJSDate().toISOString(), end: e.endDate.toJSDate().toISOString() }))));
  `;
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, input: ics, env: { ...process.env, TZ: 'Asia/Tokyo' }, encoding: 'utf8' });
  expect(child.status, child.stderr).toBe(0);
  return JSON.parse(child.stdout) as Array<{ uid: string; start: string; end: string }>;
}

describe('calendar files outside the Netherlands’ time zone', () => {
  let server: RunningServer;
  let person: ApiClient;
  let trajectoryId: string;
  let sessions: Array<{ id: string; startsAt: string; endsAt: string | null }>;

  beforeAll(async () => {
    // The server runs in UTC, as in most containers.
    server = await startServer({ env: { DEMO: '1', TZ: 'UTC' }, timeoutMs: 90_000 });
    person = await signIn(server, demoEmails.municipality);
    trajectoryId = (await demoTrajectoryIds(await signIn(server, demoEmails.admin))).ijmond;
    sessions = (await person.get(`/trajectories/${trajectoryId}/sessions`)).body;
    expect(sessions.length).toBeGreaterThan(0);
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
  });

  const expected = (s: { id: string; startsAt: string; endsAt: string | null }) => ({
    uid: `${s.id}@dialoogtafel`,
    start: new Date(s.startsAt).toISOString(),
    end: new Date(s.endsAt ?? new Date(new Date(s.startsAt).getTime() + 2 * 3600_000)).toISOString(),
  });

  it('one session’s .ics starts and ends at the session’s own instants, wherever it is read', async () => {
    for (const s of sessions) {
      const res = await fetch(`${server.url}/api/sessions/${s.id}/calendar.ics`, { headers: { cookie: `dt_session=${person.token}` } });
      expect(res.status).toBe(200);
      const ics = await res.text();
      // Never a floating time: UTC (…Z) or a TZID that the file defines.
      for (const line of ics.split(/\r?\n/).filter((l) => /^DT(START|END)/.test(l))) expect(line, line).toMatch(/(Z$)|(^DT(START|END);TZID=)/);
      expect(readCalendarInTokyo(ics)).toEqual([expected(s)]);
    }
  });

  it('the trajectory’s feed holds every session at its own instants', async () => {
    const res = await fetch(`${server.url}/api/trajectories/${trajectoryId}/sessions.ics`, { headers: { cookie: `dt_session=${person.token}` } });
    expect(res.status).toBe(200);
    const read = readCalendarInTokyo(await res.text());
    expect(read.sort((a, b) => a.uid.localeCompare(b.uid))).toEqual(sessions.map(expected).sort((a, b) => a.uid.localeCompare(b.uid)));
  });
});
