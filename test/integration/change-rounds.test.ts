import type { Connection } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FinalAgreementDto } from '../../shared/schemas/final';
import type { ContractVersionDto, ContractVersionsDto } from '../../shared/schemas/rounds';
import { sha256 } from '../../server/commands/final/final-snapshot';
import { currentSealedVersion, versionInForceOn } from '../../server/commands/rounds/contract-versions';
import { createModels, type Models } from '../../server/models';
import { connectDatabase, demoEmails, demoTrajectoryIds, expectError, signIn, type ApiClient, type DemoIds } from '../helpers/api-client';
import { startServer, waitFor, type RunningServer } from '../helpers/server';

/** The representative of each Midden-IJssel/Oost-Veluwe municipality in the demo. */
const representatives: Record<string, string> = {
  Apeldoorn: 'gertjan.hendriks@dialoogtafel.example',
  Brummen: 'lotte.vandijk@dialoogtafel.example',
  Epe: 'martijn.bosch@dialoogtafel.example',
  Hattem: 'esther.kok@dialoogtafel.example',
  Heerde: 'henk.willems@dialoogtafel.example',
  Lochem: 'sofie.vermeulen@dialoogtafel.example',
  Voorst: 'jan.peters@dialoogtafel.example',
  Zutphen: 'ingrid.wolters@dialoogtafel.example',
};

describe('a change round: from opening to the seal of version 1.1, with 1.0 unchanged', () => {
  let server: RunningServer;
  let ids: DemoIds;
  let inkoop: ApiClient;
  let provider: ApiClient;
  let ijmondOnly: ApiClient;
  let reps: Map<string, ApiClient>;
  let db: Connection;
  let models: Models;
  let m: string;

  const versions = async (client: ApiClient = inkoop): Promise<ContractVersionsDto> => {
    const res = await client.get(`${m}/final/versions`);
    expect(res.status, res.text).toBe(200);
    return res.body as ContractVersionsDto;
  };
  const version = async (label: string, client: ApiClient = inkoop): Promise<ContractVersionDto> => {
    const res = await client.get(`${m}/final/versions/${label}`);
    expect(res.status, res.text).toBe(200);
    return res.body as ContractVersionDto;
  };
  /** Every municipality approves the assembled text; the last approval seals it. */
  const approveAll = async (): Promise<FinalAgreementDto> => {
    let last: FinalAgreementDto | null = null;
    for (const [municipality, client] of reps) {
      const res = await client.post(`${m}/final/signoffs`, { municipality, decision: 'approve' });
      expect(res.status, res.text).toBe(200);
      last = res.body as FinalAgreementDto;
    }
    return last!;
  };
  const openRound = (client: ApiClient, body: Record<string, unknown>) => client.post(`${m}/final/rounds`, body);

  beforeAll(async () => {
    server = await startServer({ env: { DEMO: '1' } });
    const admin = await signIn(server, demoEmails.admin);
    ids = await demoTrajectoryIds(admin);
    m = `/trajectories/${ids.midden}`;
    [inkoop, provider, ijmondOnly] = await Promise.all([signIn(server, demoEmails.procurement), signIn(server, 'noor.jansen@dialoogtafel.example'), signIn(server, demoEmails.municipality)]);
    reps = new Map(await Promise.all(Object.entries(representatives).map(async ([municipality, email]) => [municipality, await signIn(server, email)] as const)));
    db = await connectDatabase(server);
    models = createModels(db);
  }, 120_000);
  afterAll(async () => {
    await db?.close();
    await server?.stop();
  });

  let sealed10: ContractVersionDto;
  let tariffs: { id: string; title: string };

  it('opens no round on a draft; seals version 1.0 as before', async () => {
    expectError(await openRound(inkoop, { title: 'Te vroeg', reason: 'Nog geen definitieve overeenkomst.', appliesFrom: '2027-01-01' }), 409, 'conflict');
    expect((await versions()).versions).toEqual([]);
    expect(await currentSealedVersion(models, ids.midden)).toBeNull();

    expect((await inkoop.post(`${m}/final/assemble`, {})).status).toBe(200);
    const final = await approveAll();
    expect(final.status).toBe('final');

    const list = await versions();
    expect(list.versions.map((v) => [v.label, v.status])).toEqual([['1.0', 'sealed']]);
    expect(list.inForce).toBe('1.0');
    expect(list.mayOpenRound).toBe(true);
    expect((await versions(provider)).mayOpenRound).toBe(false);
    sealed10 = await version('1.0');
    expect(sealed10.verifies).toBe(true);
    expect(sealed10.contentHash).toBe(final.assembled!.contentHash);
    expect(sealed10.signoffs.every((s) => s.status === 'approved')).toBe(true);
    tariffs = sealed10.snapshot.chapters.flatMap((c) => c.clauses).find((k) => k.title === 'Tarieven')!;
    expect(tariffs).toBeDefined();
  });

  it('refuses to open a round for anyone but the procurement team, and bad input without changing anything', async () => {
    const body = { title: 'Tarieven 2027', reason: 'Indexering en een tarief voor vrijgevestigden.', appliesFrom: '2027-01-01', clauseIds: [tariffs.id], topics: ['Tarieven 2027'] };
    for (const client of [provider, reps.get('Zutphen')!]) expectError(await openRound(client, body), 403, 'forbidden');
    expectError(await openRound(ijmondOnly, body), 404, 'not_found');
    const anonymous = await fetch(`${server.url}/api${m}/final/rounds`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect(anonymous.status).toBe(401);
    expectError(await openRound(inkoop, { ...body, appliesFrom: '1 januari' }), 400, 'validation_failed');
    expectError(await openRound(inkoop, { ...body, clauseIds: [ids.midden] }), 400, 'validation_failed');
    expect((await versions()).versions.map((v) => v.label)).toEqual(['1.0']);
    // Still sealed: a change of the agreement is refused.
    expectError(await inkoop.patch(`${m}/agreement/clauses/${tariffs.id}`, { status: 'in_dialogue' }), 409, 'conflict');
  });

  it('runs the round on the draft machinery and seals version 1.1; 1.0 stays as it was and verifies', async () => {
    const opened = await openRound(inkoop, { title: 'Tarieven 2027', reason: 'Indexering en een tarief voor vrijgevestigden.', appliesFrom: '2027-01-01', clauseIds: [tariffs.id], topics: ['Tarieven 2027'] });
    expect(opened.status, opened.text).toBe(201);
    const list = opened.body as ContractVersionsDto;
    expect(list.versions.map((v) => [v.label, v.status])).toEqual([
      ['1.1', 'in_dialogue'],
      ['1.0', 'sealed'],
    ]);
    expect(list.mayOpenRound).toBe(false);
    const round = list.versions[0]!.round!;
    expect(round).toMatchObject({ title: 'Tarieven 2027', appliesFrom: '2027-01-01', clauses: [{ id: tariffs.id, title: 'Tarieven' }], topics: [{ title: 'Tarieven 2027' }] });
    expectError(await openRound(inkoop, { title: 'Nog een', reason: 'Dubbel.', appliesFrom: '2027-01-01' }), 409, 'conflict');

    // The reopened clause is in dialogue: a provider proposes other wording, the team accepts it.
    const agreement = (await inkoop.get(`${m}/agreement`)).body as { chapters: Array<{ clauses: Array<{ id: string; status: string; topics?: unknown }> }> };
    expect(agreement.chapters.flatMap((c) => c.clauses).find((k) => k.id === tariffs.id)!.status).toBe('in_dialogue');
    const newText = 'Vanaf 1 januari 2027 worden de tarieven jaarlijks geïndexeerd met de OVA. Vrijgevestigden krijgen een eigen tarief per behandeluur.';
    const proposed = await provider.post(`${m}/agreement/clauses/${tariffs.id}/amendments`, { proposedText: newText, motivation: 'Kleine praktijken hebben een eigen kostprijs.' });
    expect(proposed.status, proposed.text).toBe(201);
    expect((await inkoop.post(`${m}/amendments/${proposed.body.id}/decision`, { decision: 'accept' })).status).toBe(200);

    // Sign-off waits for the round's draft to be assembled; only the team assembles.
    expectError(await reps.get('Apeldoorn')!.post(`${m}/final/signoffs`, { municipality: 'Apeldoorn', decision: 'approve' }), 409, 'conflict');
    expectError(await inkoop.post(`${m}/final/assemble`, {}), 409, 'conflict');
    expect((await inkoop.patch(`${m}/agreement/clauses/${tariffs.id}`, { status: 'fixed' })).status).toBe(200);
    expectError(await provider.post(`${m}/final/assemble`, {}), 403, 'forbidden');
    const assembled = await inkoop.post(`${m}/final/assemble`, {});
    expect(assembled.status, assembled.text).toBe(200);
    expect((assembled.body as FinalAgreementDto).status).toBe('assembled');
    expectError(await provider.post(`${m}/final/signoffs`, { municipality: 'Apeldoorn', decision: 'approve' }), 403, 'forbidden');
    expectError(await reps.get('Zutphen')!.post(`${m}/final/signoffs`, { municipality: 'Apeldoorn', decision: 'approve' }), 403, 'forbidden');

    const final = await approveAll();
    expect(final.status).toBe('final');
    const after = await versions();
    expect(after.versions.map((v) => [v.label, v.status])).toEqual([
      ['1.1', 'sealed'],
      ['1.0', 'sealed'],
    ]);
    expect(after.mayOpenRound).toBe(true);
    // 1.1 applies from 2027: today 1.0 is still in force.
    expect(after.inForce).toBe('1.0');
    expect((await versionInForceOn(models, ids.midden, '2026-12-31'))?.label).toBe('1.0');
    expect((await versionInForceOn(models, ids.midden, '2027-01-01'))?.label).toBe('1.1');
    expect((await currentSealedVersion(models, ids.midden))?.label).toBe('1.1');

    const v11 = await version('1.1');
    expect(v11).toMatchObject({ label: '1.1', appliesFrom: '2027-01-01', verifies: true, previous: '1.0', contentHash: final.assembled!.contentHash });
    expect(v11.contentHash).not.toBe(sealed10.contentHash);
    expect(v11.snapshot.chapters.flatMap((c) => c.clauses).find((k) => k.id === tariffs.id)!.text).toBe(newText);
    // Traceability to the round's dialogue: the reopened clause, with the round's topic.
    expect(v11.trace.map((e) => e.clauseId)).toEqual([tariffs.id]);
    expect(v11.trace[0]!.topics.map((t) => t.title)).toEqual(['Tarieven 2027']);
    expect(v11.round).toMatchObject({ title: 'Tarieven 2027' });

    // Version 1.0 is as it was sealed: same snapshot, same hash, and the first seal still holds that hash.
    const again = await version('1.0');
    expect(again).toEqual(sealed10);
    expect(again.verifies).toBe(true);
    const seal = await models.finalSeals.findById(ids.midden).lean();
    const stored = await models.contractVersions.findById(`${ids.midden}:1.0`).lean();
    expect(seal!.contentHash).toBe(sealed10.contentHash);
    expect(sha256(stored!.snapshot)).toBe(seal!.contentHash);
    expect(stored!.snapshot.chapters.flatMap((c) => c.clauses).find((k) => k.id === tariffs.id)!.text).not.toBe(newText);

    // Sealed again: the agreement refuses changes until another round opens.
    expectError(await inkoop.patch(`${m}/agreement/clauses/${tariffs.id}`, { status: 'in_dialogue' }), 409, 'conflict');
    expectError(await reps.get('Apeldoorn')!.post(`${m}/final/signoffs`, { municipality: 'Apeldoorn', decision: 'reject', reason: 'Te laat.' }), 409, 'conflict');

    // Every step is in the audit chain, which still verifies.
    const events = (await inkoop.get(`${m}/audit`)).body as Array<{ action: string; summary: Record<string, unknown> }>;
    expect(events.find((e) => e.action === 'final.round.open')?.summary).toMatchObject({ version: '1.1', appliesFrom: '2027-01-01' });
    expect(events.find((e) => e.action === 'final.version.seal')?.summary).toMatchObject({ version: '1.1', contentHash: v11.contentHash });
    expect((await inkoop.get(`${m}/audit/verify`)).body.valid).toBe(true);

    // Providers are told which version applies from when.
    await waitFor(async () => ((await provider.get('/notifications')).body.items as Array<{ kind: string }>).some((i) => i.kind === 'final.version'), 20_000, 'the provider told of version 1.1');
  });

  it('serves no version that does not exist', async () => {
    expectError(await inkoop.get(`${m}/final/versions/1.7`), 404, 'not_found');
    // A malformed label is a path that does not exist.
    expectError(await inkoop.get(`${m}/final/versions/2.0`), 404, 'not_found');
    expectError(await ijmondOnly.get(`${m}/final/versions/1.0`), 404, 'not_found');
  });
});

describe('the demo: the Midden-IJssel/Oost-Veluwe contract runs, with a change round in dialogue', () => {
  let server: RunningServer;

  beforeAll(async () => {
    server = await startServer({ env: { DEMO: '1', DEMO_CONTRACT: '1' } });
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
  });

  it('shows 1.0 sealed and verifying, 1.1 in dialogue with its topics, clause and session; the audit chain verifies', async () => {
    const admin = await signIn(server, demoEmails.admin);
    const ids = await demoTrajectoryIds(admin);
    const m = `/trajectories/${ids.midden}`;
    const inkoop = await signIn(server, demoEmails.procurement);
    const list = (await inkoop.get(`${m}/final/versions`)).body as ContractVersionsDto;
    expect(list.versions.map((v) => [v.label, v.status])).toEqual([
      ['1.1', 'in_dialogue'],
      ['1.0', 'sealed'],
    ]);
    expect(list.inForce).toBe('1.0');
    expect(list.versions[0]!.round).toMatchObject({ appliesFrom: '2027-01-01', clauses: [{ title: 'Tarieven' }] });
    expect(list.versions[0]!.round!.topics.map((t) => t.title)).toEqual(['Indexering tarieven 2027', 'Tarief voor vrijgevestigden']);
    expect(((await inkoop.get(`${m}/final/versions/1.0`)).body as ContractVersionDto).verifies).toBe(true);
    const sessions = (await inkoop.get(`${m}/sessions`)).body as Array<{ title: string }>;
    expect(sessions.map((s) => s.title)).toContain('Wijzigingsronde 1.1: tarieven 2027');
    // The round's clause is open for the table; the rest stays fixed.
    const agreement = (await inkoop.get(`${m}/agreement`)).body as { chapters: Array<{ clauses: Array<{ title: string; status: string }> }> };
    const statuses = agreement.chapters.flatMap((c) => c.clauses).map((k) => [k.title, k.status]);
    expect(statuses.filter(([, s]) => s !== 'fixed')).toEqual([['Tarieven', 'in_dialogue']]);
    expect((await inkoop.get(`${m}/audit/verify`)).body.valid).toBe(true);
  });
});
