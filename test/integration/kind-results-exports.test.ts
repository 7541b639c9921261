import { parse } from 'csv-parse/sync';
import JSZip from 'jszip';
import { PDFParse } from 'pdf-parse';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportDto } from '../../shared/schemas/reports';
import { demoEmails, expectError, ijmondName, sessionCookieName, signIn, type ApiClient } from '../helpers/api-client';
import { startServer, type RunningServer } from '../helpers/server';

type Ack<T = Record<string, unknown>> = T & { ok: boolean; error?: { code: string } };

async function connect(server: RunningServer, client: ApiClient): Promise<Socket> {
  const socket = io(server.url, { transports: ['websocket'], reconnection: false, forceNew: true, extraHeaders: { cookie: `${sessionCookieName}=${client.token}` } });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return socket;
}
const emit = <T = Record<string, unknown>>(socket: Socket, event: string, payload: unknown): Promise<Ack<T>> => socket.timeout(5000).emitWithAck(event, payload);

async function download(server: RunningServer, client: ApiClient, path: string) {
  const res = await fetch(`${server.url}/api${path}`, { headers: { cookie: `${sessionCookieName}=${client.token}` } });
  return { status: res.status, type: res.headers.get('content-type'), disposition: res.headers.get('content-disposition'), bytes: Buffer.from(await res.arrayBuffer()) };
}

type Row = Record<'Onderwerp' | 'Peiling' | 'Anoniem' | 'Uitsplitsing' | 'Groep of soort' | 'Optie' | 'Score' | 'Gestemd' | 'Stemgerechtigd' | 'Stemmen met mandaat', string>;

/**
 * Results by provider kind in the report and its exports (issue 19 item 4) and the session's
 * mandate rule in words (item 3): the frozen results of a named and an anonymous poll, read back
 * from the report's DOCX, PDF and results CSV. Anonymous ballots keep their coarse kind but no
 * mandate counts for them, exactly as in the live table.
 */
describe('results by provider kind in the report and its exports', () => {
  let server: RunningServer;
  let t: string;
  let sessionId: string;
  let report: ReportDto;
  const c: Record<string, ApiClient> = {};
  const sockets: Socket[] = [];
  const named = 'Welke variant voor de toegang? (per soort)';
  const anonymous = 'Welke variant voor de tarieven? (anoniem, per soort)';

  beforeAll(async () => {
    server = await startServer({ env: { DEMO: '1' }, timeoutMs: 90_000 });
    const people = { ...demoEmails, coop: 'jeroen.smit@dialoogtafel.example', practitioner: 'marieke.dekker@dialoogtafel.example', middenProvider: 'noor.jansen@dialoogtafel.example' };
    for (const [who, email] of Object.entries(people)) c[who] = await signIn(server, email);
    t = (await c.admin!.get('/trajectories')).body.find((x: { name: string }) => x.name === ijmondName).id;
    const orgId = new Map<string, string>();
    for (const m of (await c.procurement!.get(`/trajectories/${t}/members`)).body) orgId.set(m.organisation.name, m.organisation.id);
    const coopId = orgId.get('Coöperatie Vrijgevestigden Jeugd Noord-Holland')!;
    for (const name of ['Praktijk Zeezicht', 'Praktijk De Duinen']) {
      const granted = await c.coop!.post(`/trajectories/${t}/mandates`, { organisationId: coopId, practitioner: { name }, scopes: ['vote'] });
      expect(granted.status, granted.text).toBe(201);
    }
    const created = await c.procurement!.post(`/trajectories/${t}/sessions`, {
      title: 'Uitslag per soort aanbieder',
      startsAt: new Date().toISOString(),
      location: 'Online',
      agenda: [],
      declaration: { outcomeKind: 'advice', decidedBy: 'de colleges van B&W' },
    });
    expect(created.status, created.text).toBe(201);
    sessionId = created.body.id;
    expect((await c.procurement!.put(`/trajectories/${t}/sessions/${sessionId}/mandate-rule`, { mandateRule: 'per_practice' })).status).toBe(200);

    const tab = async (who: string) => {
      const socket = await connect(server, c[who]!);
      sockets.push(socket);
      expect((await emit(socket, 'session:join', { sessionId })).ok).toBe(true);
      return socket;
    };
    const facilitator = await tab('facilitator');
    const coop = await tab('coop');
    const institution = await tab('provider');
    const practitioner = await tab('practitioner');
    expect((await emit(facilitator, 'session:start', { sessionId })).ok).toBe(true);
    const poll = async (question: string, isAnonymous: boolean, votes: Array<[Socket, string]>) => {
      const opened = await emit<{ pollId: string }>(facilitator, 'poll:open', {
        sessionId,
        settings: { kind: 'single_choice', question, anonymous: isAnonymous, resultsVisibility: 'after_close', options: [{ id: 'a', label: 'Variant A' }, { id: 'b', label: 'Variant B' }] },
      });
      expect(opened.ok, JSON.stringify(opened)).toBe(true);
      for (const [socket, option] of votes) expect((await emit(socket, 'poll:cast', { pollId: opened.pollId, choice: { kind: 'single_choice', option } })).ok).toBe(true);
      expect((await emit(facilitator, 'poll:close', { pollId: opened.pollId })).ok).toBe(true);
    };
    await poll(named, false, [[coop, 'a'], [institution, 'b'], [practitioner, 'a']]);
    await poll(anonymous, true, [[coop, 'a'], [institution, 'b']]);
    expect((await emit(facilitator, 'session:end', { sessionId })).ok).toBe(true);
    const generated = await c.procurement!.post(`/trajectories/${t}/sessions/${sessionId}/report`, {});
    expect(generated.status, generated.text).toBe(201);
    report = generated.body;
  }, 180_000);
  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await server?.stop();
  });

  const base = () => `/trajectories/${t}/reports/${report.id}`;

  it('keeps the frozen breakdown by kind and the declared rule in the generated draft', () => {
    const polls = report.content.topics.flatMap((topic) => topic.polls);
    const namedPoll = polls.find((p) => p.question === named)!;
    expect(namedPoll.result.byProviderKind).toEqual({ a: { cooperative: 2, independent: 1 }, b: { institution: 1 } });
    expect(namedPoll.result.mandates).toEqual({ rule: 'per_practice', applied: true, extraVotes: 1, ballotsWithMandates: 1 });
    const anonymousPoll = polls.find((p) => p.question === anonymous)!;
    // The coarse kind stays with an anonymous ballot; no mandate may tie it to an organisation.
    expect(anonymousPoll.result.byProviderKind).toEqual({ a: { cooperative: 1 }, b: { institution: 1 } });
    expect(anonymousPoll.result.mandates?.applied).toBe(false);
  });

  it('exports the results as CSV: per option, group and provider kind, turnout per kind and the rule in words', async () => {
    const csv = await download(server, c.observer!, `${base()}/uitslagen.csv`);
    expect(csv.status).toBe(200);
    expect(csv.type).toContain('text/csv');
    expect(csv.disposition).toContain('attachment');
    const rows = parse(csv.bytes.toString('utf8'), { bom: true, columns: true, delimiter: ';' }) as Row[];
    const score = (question: string, breakdown: string, who: string, option: string) =>
      rows.find((r) => r.Peiling === question && r.Uitsplitsing === breakdown && r['Groep of soort'] === who && r.Optie === option)?.Score;
    expect(score(named, 'totaal', '', 'Variant A')).toBe('3');
    expect(score(named, 'stakeholdergroep', 'zorgaanbieders', 'Variant A')).toBe('3');
    expect(score(named, 'soort aanbieder', 'coöperatie of vereniging', 'Variant A')).toBe('2');
    expect(score(named, 'soort aanbieder', 'vrijgevestigde', 'Variant A')).toBe('1');
    expect(score(named, 'soort aanbieder', 'instelling', 'Variant A')).toBe('0');
    expect(score(named, 'soort aanbieder', 'instelling', 'Variant B')).toBe('1');
    const turnout = rows.find((r) => r.Peiling === named && r.Uitsplitsing === 'opkomst soort aanbieder' && r['Groep of soort'] === 'vrijgevestigde')!;
    expect(turnout.Gestemd).toBe('1');
    expect(Number(turnout.Stemgerechtigd)).toBeGreaterThanOrEqual(1);
    expect(rows.find((r) => r.Peiling === named)!['Stemmen met mandaat']).toContain('telt als één stem per gemachtigde praktijk');
    expect(score(anonymous, 'soort aanbieder', 'coöperatie of vereniging', 'Variant A')).toBe('1');
    expect(rows.find((r) => r.Peiling === anonymous)!.Anoniem).toBe('ja');
    expect(rows.find((r) => r.Peiling === anonymous)!['Stemmen met mandaat']).toContain('Anonieme peiling: mandaten tellen niet mee');
    // Nothing in the CSV names a voter.
    expect(csv.bytes.toString('utf8')).not.toMatch(/Jeroen|Marieke|@dialoogtafel/);
  });

  it('writes the breakdown by kind and the rule into the DOCX and the PDF', async () => {
    const docx = await download(server, c.provider!, `${base()}/verslag.docx`);
    expect(docx.status).toBe(200);
    const words = (await (await JSZip.loadAsync(docx.bytes)).file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    const pdf = await download(server, c.observer!, `${base()}/verslag.pdf`);
    expect(pdf.status).toBe(200);
    const text = (await new PDFParse({ data: new Uint8Array(pdf.bytes) }).getText()).text.replace(/\s+/g, ' ');
    for (const doc of [words, text]) {
      expect(doc).toContain('Variant A per soort aanbieder: instelling 0, vrijgevestigde 1, coöperatie of vereniging 2');
      expect(doc).toContain('Variant B per soort aanbieder: instelling 1, vrijgevestigde 0, coöperatie of vereniging 0');
      expect(doc).toMatch(/Opkomst per soort aanbieder: instelling 1 van \d+/);
      expect(doc).toContain('telt als één stem per gemachtigde praktijk (regel van deze sessie); 1 extra stem geteld');
      expect(doc).toContain('Anonieme peiling: mandaten tellen niet mee');
      expect(doc).toContain('Uitslagen staan per groep en per soort aanbieder.');
    }
  });

  it('refuses the results CSV to whoever may not read the report', async () => {
    expectError(await c.middenProvider!.get(`${base()}/uitslagen.csv`), 404, 'not_found');
    const res = await fetch(`${server.url}/api${base()}/uitslagen.csv`);
    expect(res.status).toBe(401);
    expectError(await c.procurement!.get(`/trajectories/${t}/reports/${'d'.repeat(24)}/uitslagen.csv`), 404, 'not_found');
  });
});
