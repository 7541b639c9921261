import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import type { Connection } from 'mongoose';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { clauseDocumentName } from '../../shared/domain/agreement';
import { anchoredText, documentText, encodePosition, resolveAnchor } from '../../shared/domain/clause-text';
import { newTextOf, oldTextOf } from '../../shared/domain/compare';
import { apiClient, connectDatabase, demoEmails, demoTrajectoryIds, expectError, signIn, type ApiClient, type ApiResponse, type DemoIds } from '../helpers/api-client';
import { collabClient, upgradeStatus, type CollabClient } from '../helpers/collab-client';
import { freshDatabaseUri, startServer, waitFor, type RunningServer } from '../helpers/server';

/*
 * Issue 5: co-editing the draft agreement. Clause texts live in Yjs documents at
 * /collab/trajectory/<t>/clause/<c>[/variant/<v>] (a ProseMirror structure in the fragment
 * 'default'); structure, comments, amendments and versions go over REST.
 */

const people = {
  ...demoEmails,
  /** A second provider at the IJmond table, removed in one test. */
  marieke: 'marieke.dekker@dialoogtafel.example',
  /** A provider of the Midden-IJssel table only: no member of IJmond. */
  bas: 'bas.timmermans@dialoogtafel.example',
};
type Person = keyof typeof people;
const clientName = 'Joke de Ruiter';
const clientOrganisation = 'Adviesraad Sociaal Domein Haarlem';

const titles = {
  continuity: 'Zorgcontinuïteit bij wisseling van aanbieder',
  waiting: 'Wachttijden en doorverwijzing',
  acceptance: 'Acceptatieplicht',
  tariffs: 'Tarieven en budgetplafond',
  definitions: 'Begripsbepalingen',
} as const;

interface Clause {
  id: string;
  chapterId: string;
  number: number;
  position: number;
  title: string;
  status: string;
  variants: Array<{ id: string; label: string; municipalities: string[]; documentName: string }>;
  documentName: string;
  access: string;
}
interface Agreement {
  chapters: Array<{ id: string; number: number; position: number; title: string; clauses: Clause[] }>;
}

/**
 * One server (a fresh demo database) with signed-in people and the y-websocket clients a test
 * opened. `restart` keeps the database; the people stay signed in (sessions are stored).
 */
function table() {
  const ctx = {
    server: undefined as unknown as RunningServer,
    mongoUri: freshDatabaseUri(),
    ids: undefined as unknown as DemoIds,
    tokens: new Map<Person, string>(),
    clients: [] as CollabClient[],
    clauses: new Map<string, Clause>(),
  };
  const api = (person: Person): ApiClient => apiClient(ctx.server, ctx.tokens.get(person));
  const t = () => `/trajectories/${ctx.ids.ijmond}`;
  const clause = (title: string): Clause => {
    const found = ctx.clauses.get(title);
    if (!found) throw new Error(`no clause ${title}`);
    return found;
  };
  const doc = (title: string, variantId?: string | null) => clauseDocumentName(ctx.ids.ijmond, clause(title).id, variantId);
  const open = (person: Person | null, name: string, options: { connect?: boolean } = {}) => {
    const client = collabClient(ctx.server.url, name, { ...options, ...(person ? { token: ctx.tokens.get(person)! } : {}) });
    ctx.clients.push(client);
    return client;
  };
  const openSynced = async (person: Person, name: string) => {
    const client = open(person, name);
    await client.synced;
    return client;
  };
  const closeClients = () => {
    for (const c of ctx.clients.splice(0)) c.destroy();
  };
  const agreement = async (person: Person = 'procurement'): Promise<Agreement> => {
    const res = await api(person).get(`${t()}/agreement`);
    expect(res.status, res.text).toBe(200);
    return res.body;
  };
  const loadClauses = async () => {
    ctx.clauses = new Map((await agreement()).chapters.flatMap((c) => c.clauses).map((c) => [c.title, c]));
  };
  const start = async (signInPeople: Person[]) => {
    ctx.server = await startServer({ env: { DEMO: '1' }, mongoUri: ctx.mongoUri });
    const admin = await signIn(ctx.server, demoEmails.admin);
    ctx.ids = await demoTrajectoryIds(admin);
    await Promise.all(signInPeople.map(async (p) => ctx.tokens.set(p, (await signIn(ctx.server, people[p])).token!)));
    await loadClauses();
  };
  const restart = async (how: 'stop' | 'kill') => {
    closeClients();
    if (how === 'stop') expect(await ctx.server.stop()).toBe(0);
    else await ctx.server.kill();
    ctx.server = await startServer({ env: { DEMO: '1' }, mongoUri: ctx.mongoUri });
  };
  const setStatus = async (title: string, status: string) => {
    const res = await api('procurement').patch(`${t()}/agreement/clauses/${clause(title).id}`, { status });
    expect(res.status, res.text).toBe(200);
  };
  return { ctx, api, t, clause, doc, open, openSynced, closeClients, agreement, loadClauses, start, restart, setStatus };
}

/** The XmlText of the n-th paragraph of a clause text. */
function paragraph(client: CollabClient, n: number): Y.XmlText {
  const element = client.fragment.get(n);
  if (!(element instanceof Y.XmlElement)) throw new Error(`no paragraph ${n}: ${documentText(client.doc)}`);
  const text = element.get(0);
  if (!(text instanceof Y.XmlText)) throw new Error(`paragraph ${n} holds no text`);
  return text;
}
const textOf = (client: CollabClient) => documentText(client.doc);

/** Inserts `words` into paragraph n right before `before` (which must occur in it). */
function insertBefore(client: CollabClient, n: number, before: string, words: string): void {
  const text = paragraph(client, n);
  const at = text.toString().indexOf(before);
  if (at < 0) throw new Error(`"${before}" not in paragraph ${n}: ${text.toString()}`);
  text.insert(at, words);
}
function deleteWords(client: CollabClient, n: number, words: string): void {
  const text = paragraph(client, n);
  const at = text.toString().indexOf(words);
  if (at < 0) throw new Error(`"${words}" not in paragraph ${n}: ${text.toString()}`);
  text.delete(at, words.length);
}

/** An anchor on `quote` (in whichever paragraph holds it), made as the editor makes it. */
function anchorOn(client: CollabClient, quote: string) {
  const text = client.fragment
    .toArray()
    .map((_, n) => paragraph(client, n))
    .find((p) => p.toString().includes(quote));
  if (!text) throw new Error(`"${quote}" not in ${documentText(client.doc)}`);
  const at = text.toString().indexOf(quote);
  return {
    start: encodePosition(Y.createRelativePositionFromTypeIndex(text, at)),
    end: encodePosition(Y.createRelativePositionFromTypeIndex(text, at + quote.length)),
    quote,
  };
}

let marks = 0;
/**
 * Resolves once the server has handled everything `from` sent so far: an awareness change is
 * sent after any earlier document update on the same socket, and the server relays it to `to`.
 */
async function handledByServer(from: CollabClient, to: CollabClient): Promise<void> {
  const mark = ++marks;
  from.provider.awareness.setLocalStateField('mark', mark);
  await waitFor(() => to.provider.awareness.getStates().get(from.doc.clientID)?.mark === mark, 5000, 'the server to relay the awareness mark');
}

/** The text of a stored document, read straight from the database (snapshot + update log). */
async function storedText(db: Connection, name: string): Promise<string> {
  const binary = (v: unknown) => new Uint8Array((v as { buffer: Uint8Array }).buffer ?? (v as Uint8Array));
  const snapshot = await db.collection('collab_snapshots').findOne({ _id: name as never });
  const updates = await db.collection('collab_updates').find({ doc: name }).sort({ _id: 1 }).toArray();
  const doc = new Y.Doc();
  if (snapshot) Y.applyUpdate(doc, binary(snapshot.state));
  for (const u of updates) Y.applyUpdate(doc, binary(u.update));
  const text = documentText(doc);
  doc.destroy();
  return text;
}

const expectNo500 = (res: ApiResponse) => expect(res.status, res.text).toBeLessThan(500);

// ---------------------------------------------------------------------------------------------

describe('co-editing clause texts over y-websocket', () => {
  const tbl = table();
  const { ctx, api, t, clause, doc, open, openSynced, closeClients, start, restart, setStatus } = tbl;

  beforeAll(async () => {
    await start(['procurement', 'municipality', 'provider', 'client', 'observer', 'marieke', 'bas']);
  });
  afterEach(() => closeClients());
  afterAll(async () => {
    closeClients();
    await ctx.server?.stop();
  });

  it('two signed-in editors typing into the same paragraph at the same moment converge, and the server has both', async () => {
    const name = doc(titles.continuity);
    const provider = await openSynced('provider', name);
    const municipality = await openSynced('municipality', name);
    expect(textOf(provider)).toContain('gedurende een overgangstermijn van zes maanden.');
    expect(textOf(municipality)).toBe(textOf(provider));

    // Both edits are made before either has gone over the network: a real conflict at one index.
    const at = paragraph(provider, 0).toString().indexOf(' houdt recht');
    paragraph(provider, 0).insert(at, ' (aanbieder: ook bij verhuizing)');
    paragraph(municipality, 0).insert(at, ' (gemeente: binnen de regio)');
    await waitFor(() => textOf(provider) === textOf(municipality) && textOf(provider).includes('verhuizing') && textOf(provider).includes('binnen de regio'), 5000, 'convergence');
    const first = paragraph(provider, 0).toString();
    expect(first).toContain(' (aanbieder: ook bij verhuizing)');
    expect(first).toContain(' (gemeente: binnen de regio)');
    expect(textOf(provider).split('\n')).toHaveLength(3);

    // A third, fresh client sees what the server holds: both edits, in the same order.
    const third = await openSynced('procurement', name);
    expect(textOf(third)).toBe(textOf(provider));
    // So does the comparison endpoint, which reads the server's live document.
    const compare = await api('procurement').get(`${t()}/compare?clauseId=${clause(titles.continuity).id}&from=current&to=current`);
    expect(compare.status, compare.text).toBe(200);
    expect(newTextOf(compare.body.segments)).toBe(textOf(provider));
  });

  it('shows who is in a clause as the server knows them: a client cannot pose as someone else or speak for another client', async () => {
    const name = doc(titles.waiting);
    const provider = await openSynced('provider', name);
    const municipality = await openSynced('municipality', name);
    provider.provider.awareness.setLocalStateField('user', { userId: 'x', name: 'Het inkoopteam', group: 'procurement', organisation: 'Inkoopbureau', color: '#000000' });
    const seen = () => municipality.provider.awareness.getStates().get(provider.doc.clientID)?.user as Record<string, unknown> | undefined;
    await waitFor(() => seen() !== undefined, 5000, 'the provider in the municipality’s awareness');
    expect(seen()).toMatchObject({ name: 'Fatima El Amrani', group: 'provider', organisation: 'Jeugdzorg Kennemerland Plus' });
    expect(seen()!.userId).not.toBe('x');

    // An awareness update for the municipality's own client id, sent by the provider's connection, is left out.
    const forgedDoc = new Y.Doc();
    forgedDoc.clientID = municipality.doc.clientID;
    const forged = new awarenessProtocol.Awareness(forgedDoc);
    // A clock far ahead of the real one, so that only the server's rule can keep it out.
    for (let i = 0; i < 100; i++) forged.setLocalStateField('user', { name: 'Vervalst', i });
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 1);
    encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(forged, [municipality.doc.clientID]));
    (provider.provider.ws as unknown as { send(d: Uint8Array): void }).send(encoding.toUint8Array(encoder));
    municipality.provider.awareness.setLocalStateField('mark', 'echt');
    await handledByServer(provider, municipality);
    const observer = await openSynced('observer', name);
    await waitFor(() => observer.provider.awareness.getStates().has(municipality.doc.clientID), 5000, 'the municipality in a new client’s awareness');
    // Still the municipality as the server knows her, not the provider's connection speaking for her.
    expect(observer.provider.awareness.getStates().get(municipality.doc.clientID)?.user).toMatchObject({ name: 'Ruud Kramer', group: 'municipality' });
  });

  it('drops writes of connections that may not write, never relays or stores them; refuses non-members', async () => {
    const continuity = doc(titles.continuity);
    const provider = await openSynced('provider', continuity);
    const client = await openSynced('client', continuity);
    // A client representative comments but does not write the text.
    insertBefore(client, 0, 'houdt recht', 'GEHEIM-CLIENT ');
    await handledByServer(client, provider);
    expect(textOf(client)).toContain('GEHEIM-CLIENT');
    expect(textOf(provider)).not.toContain('GEHEIM-CLIENT');
    expect(client.denied).toContain('comment-only');
    // The connection still receives what others write.
    insertBefore(provider, 2, 'Na de overgangstermijn', 'TOEGESTAAN-AANBIEDER ');
    await waitFor(() => textOf(client).includes('TOEGESTAAN-AANBIEDER'), 5000, 'the client representative to receive');

    // On a fixed clause nobody writes, not even the procurement team.
    await setStatus(titles.tariffs, 'fixed');
    const tariffs = doc(titles.tariffs);
    const procurement = await openSynced('procurement', tariffs);
    const municipality = await openSynced('municipality', tariffs);
    insertBefore(procurement, 0, 'De gemeenten', 'GEHEIM-VAST ');
    await handledByServer(procurement, municipality);
    expect(textOf(municipality)).not.toContain('GEHEIM-VAST');
    expect(procurement.denied).toContain('read-only');

    // A client representative who edited while offline pushes the edit on reconnecting: dropped too.
    const offline = open('client', continuity, { connect: false });
    Y.applyUpdate(offline.doc, Y.encodeStateAsUpdate(provider.doc));
    insertBefore(offline, 1, 'De opdrachtnemer', 'GEHEIM-OFFLINE ');
    offline.provider.connect();
    await offline.synced;
    await handledByServer(offline, provider);
    expect(textOf(provider)).not.toContain('GEHEIM-OFFLINE');

    // After a restart the stored documents hold none of it.
    await restart('stop');
    const db = await connectDatabase(ctx.server);
    try {
      const storedContinuity = await storedText(db, continuity);
      expect(storedContinuity).toContain('TOEGESTAAN-AANBIEDER');
      expect(storedContinuity).not.toMatch(/GEHEIM/);
      expect(await storedText(db, tariffs)).not.toMatch(/GEHEIM/);
    } finally {
      await db.close();
    }
    const after = await openSynced('provider', continuity);
    expect(textOf(after)).toContain('TOEGESTAAN-AANBIEDER');
    expect(textOf(after)).not.toMatch(/GEHEIM/);
    const afterTariffs = await openSynced('municipality', tariffs);
    expect(textOf(afterTariffs)).toContain('De gemeenten betalen');
    expect(textOf(afterTariffs)).not.toMatch(/GEHEIM/);

    // Who is not at this table does not learn the documents exist.
    const base = `${ctx.server.url.replace('http', 'ws')}/collab/`;
    const waiting = clause(titles.waiting);
    const missingVariant = `${waiting.documentName}/variant/${'0'.repeat(24)}`;
    expect(await upgradeStatus(base + continuity, ctx.tokens.get('provider'))).toBe(101);
    expect(await upgradeStatus(base + waiting.variants[0]!.documentName, ctx.tokens.get('provider'))).toBe(101);
    expect(await upgradeStatus(base + continuity, ctx.tokens.get('bas'))).toBe(404);
    expect(await upgradeStatus(base + waiting.variants[0]!.documentName, ctx.tokens.get('bas'))).toBe(404);
    expect(await upgradeStatus(base + continuity)).toBe(404);
    expect(await upgradeStatus(base + waiting.variants[0]!.documentName)).toBe(404);
    expect(await upgradeStatus(base + missingVariant, ctx.tokens.get('provider'))).toBe(404);
    expect(await upgradeStatus(base + missingVariant, ctx.tokens.get('procurement'))).toBe(404);
    // A clause of this trajectory named under the other trajectory does not exist either.
    expect(await upgradeStatus(`${base}trajectory/${ctx.ids.midden}/clause/${clause(titles.continuity).id}`, ctx.tokens.get('procurement'))).toBe(404);
  });

  /** Access is decided again in the background after a change; tests that are not about that moment give it this long. */
  const settle = () => new Promise((r) => setTimeout(r, 300));

  it('fixing a clause stops the writes of a still-open connection from the moment the PATCH has answered', async () => {
    const name = doc(titles.waiting);
    const provider = await openSynced('provider', name);
    const municipality = await openSynced('municipality', name);
    insertBefore(provider, 2, 'De opdrachtnemer publiceert', 'EERSTE ');
    await waitFor(() => textOf(municipality).includes('EERSTE'), 5000, 'the first edit');

    await setStatus(titles.waiting, 'fixed');
    try {
      // The provider's next edit, sent right after the 200, must not be accepted.
      insertBefore(provider, 2, 'De opdrachtnemer publiceert', 'NA-VASTSTELLEN ');
      await handledByServer(provider, municipality);
      expect(textOf(municipality), 'an edit sent right after PATCH {status:"fixed"} answered 200 was applied and relayed').not.toContain('NA-VASTSTELLEN');
      await waitFor(() => provider.denied.includes('read-only'), 5000, 'the permission-denied message');
      const fresh = await openSynced('observer', name);
      expect(textOf(fresh)).toContain('EERSTE');
      expect(textOf(fresh)).not.toContain('NA-VASTSTELLEN');
    } finally {
      await setStatus(titles.waiting, 'in_dialogue');
      await settle();
    }
  });

  it('reopening lets a still-open connection write again, also one whose write was dropped while the clause was fixed', async () => {
    const name = doc(titles.waiting);
    const provider = await openSynced('provider', name);
    // A second window of the same provider that did not type while the clause was fixed.
    const otherWindow = await openSynced('provider', name);
    const municipality = await openSynced('municipality', name);

    await setStatus(titles.waiting, 'fixed');
    await settle(); // the moment right after the answer is the previous test's subject
    insertBefore(provider, 1, 'Kan de opdrachtnemer', 'TIJDENS-VAST ');
    await handledByServer(provider, municipality);
    expect(textOf(municipality)).not.toContain('TIJDENS-VAST');
    await waitFor(() => provider.denied.includes('read-only'), 5000, 'the permission-denied message');

    await setStatus(titles.waiting, 'in_dialogue');
    await settle();
    insertBefore(otherWindow, 0, 'De opdrachtnemer start', 'ANDER-VENSTER ');
    await waitFor(() => textOf(municipality).includes('ANDER-VENSTER'), 5000, 'the edit of a connection without a dropped write');
    insertBefore(provider, 0, 'De opdrachtnemer start', 'WEER-OPEN ');
    await waitFor(() => textOf(municipality).includes('WEER-OPEN'), 5000, 'the edit, after reopening, of the connection whose write was dropped while fixed');
    const fresh = await openSynced('procurement', name);
    expect(textOf(fresh)).toContain('WEER-OPEN');
    // Nothing a person wrote is lost: what was refused while the clause was fixed enters as their
    // edit once they may write again (the server resets the connection, which re-syncs it).
    expect(textOf(fresh)).toContain('TIJDENS-VAST');
  });

  it('a member removed from the trajectory is disconnected from the document and cannot come back', async () => {
    const name = doc(titles.waiting);
    const marieke = await openSynced('marieke', name);
    const municipality = await openSynced('municipality', name);
    insertBefore(marieke, 2, 'De opdrachtnemer publiceert', 'MARIEKE ');
    await waitFor(() => textOf(municipality).includes('MARIEKE'), 5000, 'her edit while a member');
    const closed = new Promise<number>((resolve) => marieke.provider.once('closed', (event: { code: number }) => resolve(event.code)));
    const members = await api('procurement').get(`${t()}/members`);
    const membership = (members.body as Array<{ id: string; name: string }>).find((m) => m.name === 'Marieke Dekker')!;
    expect(membership).toBeDefined();
    const removed = await api('procurement').delete(`${t()}/members/${membership.id}`);
    expect(removed.status, removed.text).toBe(204);
    expect(await closed).toBe(4404);
    expect(marieke.provider.wsconnected).toBe(false);
    expect(await upgradeStatus(`${ctx.server.url.replace('http', 'ws')}/collab/${name}`, ctx.tokens.get('marieke'))).toBe(404);
    // What she wrote stays.
    expect(textOf(await openSynced('observer', name))).toContain('MARIEKE');
  });

  it('loses no update that reached the server, on a clean restart and on a kill', async () => {
    const continuity = doc(titles.continuity);
    const acceptance = doc(titles.acceptance);
    const provider = await openSynced('provider', continuity);
    const municipality = await openSynced('municipality', continuity);
    const procurement = await openSynced('procurement', acceptance);
    const reader = await openSynced('observer', acceptance);
    insertBefore(provider, 1, 'De opdrachtnemer zorgt', 'VOOR-HERSTART ');
    // A concept clause: the procurement team holds the pen.
    insertBefore(procurement, 1, 'Weigert de opdrachtnemer', 'CONCEPT-TEKST ');
    await waitFor(() => textOf(municipality).includes('VOOR-HERSTART'), 5000, 'the edit to reach the server');
    await waitFor(() => textOf(reader).includes('CONCEPT-TEKST'), 5000, 'the concept edit to reach the server');

    await restart('stop');
    const afterStop = await openSynced('municipality', continuity);
    expect(textOf(afterStop)).toContain('VOOR-HERSTART');
    const afterStopConcept = await openSynced('procurement', acceptance);
    expect(textOf(afterStopConcept)).toContain('CONCEPT-TEKST');

    const writer = await openSynced('provider', continuity);
    insertBefore(writer, 2, 'Na de overgangstermijn', 'VOOR-CRASH ');
    await waitFor(() => textOf(afterStop).includes('VOOR-CRASH'), 5000, 'another client to see the edit');
    // Storing follows the broadcast within milliseconds (write-behind); give it that, not more.
    await new Promise((r) => setTimeout(r, 300));
    await ctx.server.kill();
    const db = await connectDatabase(ctx.server);
    try {
      expect(await storedText(db, continuity)).toContain('VOOR-CRASH');
    } finally {
      await db.close();
    }
    await restart('kill');
    const afterKill = await openSynced('observer', continuity);
    expect(textOf(afterKill)).toContain('VOOR-CRASH');
    expect(textOf(afterKill)).toContain('VOOR-HERSTART');
    // An observer reads; its copy was not refused.
    expect(afterKill.provider.wsconnected).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------

describe('comments and amendments on clause texts', () => {
  const tbl = table();
  const { ctx, api, t, clause, doc, openSynced, closeClients, start, setStatus } = tbl;
  let clientUserId: string;
  let providerUserId: string;
  let procurementUserId: string;

  beforeAll(async () => {
    await start(['procurement', 'municipality', 'provider', 'client', 'facilitator', 'observer']);
    const members = (await api('procurement').get(`${t()}/members`)).body as Array<{ userId: string; name: string }>;
    clientUserId = members.find((m) => m.name === clientName)!.userId;
    providerUserId = members.find((m) => m.name === 'Fatima El Amrani')!.userId;
    procurementUserId = members.find((m) => m.name === 'Annelies Brouwer')!.userId;
    expect([clientUserId, providerUserId, procurementUserId].every(Boolean)).toBe(true);
  });
  afterEach(() => closeClients());
  afterAll(async () => {
    closeClients();
    await ctx.server?.stop();
  });

  interface Comment {
    id: string;
    clauseId: string;
    anchor: { start: string; end: string; quote: string };
    author: { id: string | null; name: string | null; organisationName: string | null; group: string; anonymous: boolean };
    status: string;
    resolvedBy: { id: string; name: string } | null;
    replies: Array<{ body: string; author: Comment['author'] }>;
  }
  const comments = async (person: Person, clauseId = clause(titles.continuity).id) => {
    const res = await api(person).get(`${t()}/comments?clauseId=${clauseId}`);
    expect(res.status, res.text).toBe(200);
    return { list: res.body as Comment[], text: res.text };
  };
  const commentOn = (person: Person, title: string, body: unknown) => api(person).post(`${t()}/agreement/clauses/${clause(title).id}/comments`, body);

  it('comment anchors keep covering exactly the quoted words while others edit around them', async () => {
    const name = doc(titles.continuity);
    const provider = await openSynced('provider', name);
    const municipality = await openSynced('municipality', name);
    const quote = 'een aanbieder zonder overeenkomst';
    const created = await commentOn('municipality', titles.continuity, { anchor: anchorOn(municipality, quote), body: 'Wat als de aanbieder later alsnog contracteert?' });
    expect(created.status, created.text).toBe(201);
    expect(created.body).toMatchObject({ clauseId: clause(titles.continuity).id, variantId: null, anchor: { quote }, status: 'open' });

    // Edits before and after the words, in the same paragraph and elsewhere, by two people at once.
    insertBefore(provider, 0, 'Een jeugdige', 'Artikel: ');
    deleteWords(municipality, 0, 'bij de start van ');
    insertBefore(provider, 0, 'houdt recht', 'of met een aflopend contract, ');
    deleteWords(municipality, 0, ' op die hulp');
    insertBefore(provider, 1, 'De opdrachtnemer zorgt', 'Daarnaast: ');
    deleteWords(municipality, 2, ' samen');
    provider.doc.transact(() => {
      const intro = new Y.XmlElement('paragraph');
      intro.insert(0, [new Y.XmlText('Een nieuwe eerste alinea.')]);
      provider.fragment.insert(0, [intro]);
    });
    await waitFor(() => textOf(provider) === textOf(municipality) && textOf(provider).startsWith('Een nieuwe eerste alinea.') && textOf(provider).includes('toegang welke'), 5000, 'convergence');
    expect(paragraph(provider, 1).toString()).toBe(
      'Artikel: Een jeugdige die deze overeenkomst hulp krijgt van een aanbieder zonder overeenkomst, of met een aflopend contract, houdt recht gedurende een overgangstermijn van zes maanden.',
    );

    // What the server hands out still resolves, in a freshly synced copy, to exactly the quoted words.
    const observer = await openSynced('observer', name);
    const { list } = await comments('observer');
    const stored = list.find((c) => c.id === created.body.id)!;
    expect(stored.anchor.quote).toBe(quote);
    expect(anchoredText(observer.doc, stored.anchor)).toBe(quote);
    expect(resolveAnchor(observer.doc, stored.anchor)?.text).toBe(paragraph(observer, 1));
    // The demo's anonymous comment, anchored on words further on, too.
    const demo = list.find((c) => c.anchor.quote === 'gedurende een overgangstermijn van zes maanden')!;
    expect(anchoredText(observer.doc, demo.anchor)).toBe('gedurende een overgangstermijn van zes maanden');
  });

  let anonymousId: string;

  it('an anonymous comment of the client representative: only the facilitator sees who; replies work', async () => {
    const observer = await openSynced('observer', doc(titles.continuity));
    const anchor = anchorOn(observer, 'welke aanbieder de hulp voortzet');
    const created = await commentOn('client', titles.continuity, { anchor, body: 'Wordt het kind zelf ook gevraagd?', anonymous: true });
    expect(created.status, created.text).toBe(201);
    anonymousId = created.body.id;
    // Only client representatives may hide their name.
    const byProvider = await commentOn('provider', titles.continuity, { anchor, body: 'Anoniem proberen', anonymous: true });
    expectError(byProvider, 400, 'validation_failed');

    const reply = await api('provider').post(`${t()}/comments/${anonymousId}/replies`, { body: 'Ja, vanaf twaalf jaar in elk geval.' });
    expect(reply.status, reply.text).toBe(201);
    const ownReply = await api('client').post(`${t()}/comments/${anonymousId}/replies`, { body: 'Dank, graag ook jonger waar het kan.', anonymous: true });
    expect(ownReply.status, ownReply.text).toBe(201);
    expect(ownReply.body.replies).toHaveLength(2);

    const hidden = { id: null, name: null, organisationName: null, group: 'client', anonymous: true };
    for (const person of ['procurement', 'municipality', 'provider', 'observer'] as const) {
      const { list, text } = await comments(person);
      const comment = list.find((c) => c.id === anonymousId)!;
      expect(comment.author, person).toEqual(hidden);
      expect(comment.replies.map((r) => r.author.name)).toEqual(['Fatima El Amrani', null]);
      expect(comment.replies[1]!.author).toEqual(hidden);
      expect(text, person).not.toContain(clientName);
      expect(text, person).not.toContain(clientUserId);
      expect(text, person).not.toContain(clientOrganisation);
    }
    const { list } = await comments('facilitator');
    const seen = list.find((c) => c.id === anonymousId)!;
    expect(seen.author).toMatchObject({ id: clientUserId, name: clientName, group: 'client', anonymous: true });
    expect(seen.replies[1]!.author).toMatchObject({ id: clientUserId, name: clientName, anonymous: true });

    // The audit log names no one for it either; it is readable by the table. (Her own named acts,
    // such as accepting her invitation, are in it under her name, as they should be.)
    for (const person of ['procurement', 'municipality', 'observer'] as const) {
      const res = await api(person).get(`${t()}/audit`);
      expect(res.status, res.text).toBe(200);
      const aboutIt = eventsAbout(res.body, anonymousId);
      expect(aboutIt.length).toBeGreaterThanOrEqual(2);
      expect(JSON.stringify(aboutIt), person).not.toContain(clientName);
      expect(JSON.stringify(aboutIt), person).not.toContain(clientUserId);
      const event = (res.body as Array<{ action: string; objectId: string; actor: unknown }>).find((e) => e.action === 'comment.create' && e.objectId === anonymousId);
      expect(event?.actor).toBeNull();
    }
  });

  it('resolve and reopen: the author and the facilitator may, a provider may not resolve another’s comment', async () => {
    const path = `${t()}/comments/${anonymousId}/status`;
    expectError(await api('provider').put(path, { status: 'resolved' }), 403, 'forbidden');
    expect((await comments('procurement')).list.find((c) => c.id === anonymousId)!.status).toBe('open');

    const byAuthor = await api('client').put(path, { status: 'resolved' });
    expect(byAuthor.status, byAuthor.text).toBe(200);
    expect(byAuthor.body.status).toBe('resolved');
    const reopened = await api('client').put(path, { status: 'open' });
    expect(reopened.status, reopened.text).toBe(200);
    expect(reopened.body).toMatchObject({ status: 'open', resolvedBy: null });

    const byFacilitator = await api('facilitator').put(path, { status: 'resolved' });
    expect(byFacilitator.status, byFacilitator.text).toBe(200);
    expect(byFacilitator.body).toMatchObject({ status: 'resolved', resolvedBy: { name: 'Pieter Hoogland' } });
    expect((await comments('provider')).list.find((c) => c.id === anonymousId)!.status).toBe('resolved');
    const again = await api('facilitator').put(path, { status: 'open' });
    expect(again.body).toMatchObject({ status: 'open', resolvedBy: null });

    // A provider resolves their own comment.
    const own = (await comments('provider', clause(titles.waiting).id)).list.find((c) => c.author.name === 'Fatima El Amrani')!;
    const resolvedOwn = await api('provider').put(`${t()}/comments/${own.id}/status`, { status: 'resolved' });
    expect(resolvedOwn.status, resolvedOwn.text).toBe(200);
    expect(resolvedOwn.body.status).toBe('resolved');
  });

  it('the author resolving her own anonymous comment does not reveal her (comments and audit)', async () => {
    // (The previous test's resolve and reopen by the author are in the audit log too.)
    const resolved = await api('client').put(`${t()}/comments/${anonymousId}/status`, { status: 'resolved' });
    expect(resolved.status, resolved.text).toBe(200);
    for (const person of ['procurement', 'municipality', 'provider', 'observer'] as const) {
      const { list, text } = await comments(person);
      expect.soft(list.find((c) => c.id === anonymousId)!.resolvedBy, `resolvedBy in GET /comments as ${person}`).toBeNull();
      expect.soft({ name: text.includes(clientName), id: text.includes(clientUserId) }, `GET /comments as ${person} names her`).toEqual({ name: false, id: false });
    }
    for (const person of ['procurement', 'municipality', 'observer'] as const) {
      const res = await api(person).get(`${t()}/audit`);
      const events = (res.body as Array<{ action: string; objectId: string; actor: unknown }>).filter((e) => e.objectId === anonymousId && /^comment\.(resolve|reopen)$/.test(e.action));
      expect(events.length).toBeGreaterThanOrEqual(3);
      const aboutIt = JSON.stringify(eventsAbout(res.body, anonymousId));
      expect.soft({ name: aboutIt.includes(clientName), id: aboutIt.includes(clientUserId) }, `GET /audit as ${person} names her`).toEqual({ name: false, id: false });
    }
    // The facilitator still sees who resolved.
    const { list } = await comments('facilitator');
    expect(list.find((c) => c.id === anonymousId)!.resolvedBy).toEqual({ id: clientUserId, name: clientName });
  });

  interface Amendment {
    id: string;
    clauseId: string;
    originalText: string;
    proposedText: string;
    author: Comment['author'];
    status: string;
    decidedBy: { id: string; name: string } | null;
    reason: string | null;
  }
  const amendments = async (person: Person = 'procurement') => {
    const res = await api(person).get(`${t()}/amendments`);
    expect(res.status, res.text).toBe(200);
    return res.body as Amendment[];
  };
  const decide = (person: Person, id: string, body: unknown) => api(person).post(`${t()}/amendments/${id}/decision`, body);
  const propose = (person: Person, title: string, body: unknown) => api(person).post(`${t()}/agreement/clauses/${clause(title).id}/amendments`, body);

  it('accepting the demo amendment changes the text live and is attributed to its author', async () => {
    const name = doc(titles.waiting);
    const municipality = await openSynced('municipality', name);
    expect(paragraph(municipality, 0).toString()).toContain('binnen zes weken');
    const pending = (await amendments()).find((a) => a.originalText === 'binnen zes weken' && a.status === 'pending')!;
    expect(pending).toBeDefined();

    expectError(await decide('provider', pending.id, { decision: 'accept' }), 403, 'forbidden');
    expectError(await decide('procurement', pending.id, { decision: 'decline' }), 400, 'validation_failed');
    expectError(await decide('procurement', pending.id, { decision: 'decline', reason: '   ' }), 400, 'validation_failed');
    expect((await amendments()).find((a) => a.id === pending.id)!.status).toBe('pending');

    const accepted = await decide('procurement', pending.id, { decision: 'accept' });
    expect(accepted.status, accepted.text).toBe(200);
    expect(accepted.body).toMatchObject({
      status: 'accepted',
      author: { id: providerUserId, name: 'Fatima El Amrani', group: 'provider' },
      decidedBy: { id: procurementUserId, name: 'Annelies Brouwer' },
      reason: null,
    });
    await waitFor(() => paragraph(municipality, 0).toString().includes('binnen vier weken (acht weken voor hulp met verblijf)'), 5000, 'the accepted wording live');
    expect(paragraph(municipality, 0).toString()).toBe(
      'De opdrachtnemer start de hulp binnen vier weken (acht weken voor hulp met verblijf) nadat de toegang de jeugdige heeft aangemeld.',
    );
    expect((await amendments('observer')).find((a) => a.id === pending.id)).toMatchObject({ status: 'accepted', decidedBy: { name: 'Annelies Brouwer' } });

    const audit = await api('procurement').get(`${t()}/audit`);
    const event = (audit.body as Array<{ action: string; objectId: string; actor: { id: string } | null; summary: Record<string, unknown> }>).find(
      (e) => e.action === 'amendment.accept' && e.objectId === pending.id,
    );
    expect(event).toMatchObject({ actor: { id: procurementUserId }, summary: { clauseId: clause(titles.waiting).id, proposedBy: providerUserId } });

    expectError(await decide('procurement', pending.id, { decision: 'accept' }), 409, 'conflict');
    expectError(await decide('procurement', pending.id, { decision: 'decline', reason: 'Toch niet' }), 409, 'conflict');
    expect(paragraph(municipality, 0).toString().match(/binnen vier weken/g)).toHaveLength(1);
  });

  it('a proposal whose words were changed meanwhile is not applied; declining needs a reason', async () => {
    const name = doc(titles.waiting);
    const municipality = await openSynced('municipality', name);
    const fresh = await openSynced('observer', name);
    const quote = 'iedere maand';
    const proposal = await propose('provider', titles.waiting, {
      anchor: (({ start, end }) => ({ start, end }))(anchorOn(municipality, quote)),
      originalText: quote,
      proposedText: 'ieder kwartaal',
      motivation: 'Maandelijks publiceren kost kleine praktijken te veel tijd.',
    });
    expect(proposal.status, proposal.text).toBe(201);
    expect(proposal.body).toMatchObject({ status: 'pending', author: { name: 'Fatima El Amrani' } });

    // Someone rewrites the anchored words before the team decides.
    const at = paragraph(municipality, 2).toString().indexOf('maand');
    municipality.doc.transact(() => {
      paragraph(municipality, 2).delete(at, 'maand'.length);
      paragraph(municipality, 2).insert(at, 'week');
    });
    const before = textOf(municipality);
    expect(before).toContain('iedere week');
    await waitFor(() => textOf(fresh) === before, 5000, 'the rewrite to reach the server');

    expectError(await decide('procurement', proposal.body.id, { decision: 'accept' }), 409, 'conflict');
    await handledByServer(municipality, fresh);
    expect(textOf(fresh)).toBe(before);
    const later = await openSynced('procurement', name);
    expect(textOf(later)).toBe(before);
    expect(textOf(fresh)).not.toContain('kwartaal');
    expect((await amendments()).find((a) => a.id === proposal.body.id)!.status).toBe('pending');

    expectError(await decide('procurement', proposal.body.id, { decision: 'decline' }), 400, 'validation_failed');
    const declined = await decide('procurement', proposal.body.id, { decision: 'decline', reason: 'De tekst is inmiddels aangepast.' });
    expect(declined.status, declined.text).toBe(200);
    expect(declined.body).toMatchObject({ status: 'declined', reason: 'De tekst is inmiddels aangepast.', decidedBy: { name: 'Annelies Brouwer' } });
    expect(textOf(fresh)).toBe(before);
  });

  it('who may propose: a client representative yes, an observer no; a fixed clause takes no proposals or comments', async () => {
    const byClient = await propose('client', titles.waiting, {
      proposedText: 'De opdrachtnemer start de hulp zo snel als nodig is voor het kind.',
      motivation: 'Een vaste termijn past niet bij elke situatie.',
    });
    expect(byClient.status, byClient.text).toBe(201);
    expect(byClient.body).toMatchObject({ status: 'pending', anchor: null, author: { group: 'client', name: clientName } });

    const byObserver = await propose('observer', titles.waiting, { proposedText: 'Iets anders.', motivation: 'Waarom niet.' });
    expectError(byObserver, 403, 'forbidden');

    await setStatus(titles.tariffs, 'fixed');
    const observer = await openSynced('observer', doc(titles.tariffs));
    const anchor = anchorOn(observer, 'een vast bedrag');
    const count = (await amendments()).length;
    expectError(await propose('provider', titles.tariffs, { proposedText: 'Een ander bedrag.', motivation: 'Te laag.' }), 409, 'conflict');
    expectError(await commentOn('provider', titles.tariffs, { anchor, body: 'Nog een vraag.' }), 409, 'conflict');
    expectError(await commentOn('procurement', titles.tariffs, { anchor, body: 'Nog een vraag.' }), 409, 'conflict');
    expect(await amendments()).toHaveLength(count);
    expect((await comments('procurement', clause(titles.tariffs).id)).list).toHaveLength(1);
  });
});

// ---------------------------------------------------------------------------------------------

describe('versions, comparison and the structure of the agreement', () => {
  const tbl = table();
  const { ctx, api, t, clause, doc, openSynced, closeClients, agreement, start } = tbl;

  beforeAll(async () => {
    await start(['procurement', 'provider', 'facilitator']);
  });
  afterEach(() => closeClients());
  afterAll(async () => {
    closeClients();
    await ctx.server?.stop();
  });

  const compare = async (from: string, to: string, clauseId = clause(titles.continuity).id) => {
    const res = await api('provider').get(`${t()}/compare?clauseId=${clauseId}&from=${from}&to=${to}`);
    expect(res.status, res.text).toBe(200);
    return res.body as { segments: Array<{ kind: string; text: string; moveId?: number }>; summary: { inserted: number; deleted: number; moved: number } };
  };
  const saveVersion = async (name: string, clauseId = clause(titles.continuity).id) => {
    const res = await api('facilitator').post(`${t()}/versions`, { name, clauseId });
    expect(res.status, res.text).toBe(201);
    return res.body.id as string;
  };

  it('compares insertions, deletions and a moved paragraph; restoring shows no differences and is seen live', async () => {
    const name = doc(titles.continuity);
    const provider = await openSynced('provider', name);
    const reader = await openSynced('facilitator', name);
    const original = textOf(provider);
    const [p0, p1, p2] = original.split('\n') as [string, string, string];
    const first = await saveVersion('Voor dialoogsessie 2');

    insertBefore(provider, 2, 'samen welke', 'en de huisarts ');
    deleteWords(provider, 1, ' daarbij tijdig');
    provider.doc.transact(() => {
      const moved = (provider.fragment.get(0) as Y.XmlElement).clone();
      provider.fragment.delete(0, 1);
      provider.fragment.push([moved]);
    });
    const changed = textOf(provider);
    expect(changed.split('\n')).toEqual([p1.replace(' daarbij tijdig', ''), p2.replace('samen welke', 'en de huisarts samen welke'), p0]);
    await waitFor(() => textOf(reader) === changed, 5000, 'the edits to reach the server');
    const second = await saveVersion('Na dialoogsessie 2');

    const result = await compare(first, second);
    const of = (kind: string) => result.segments.filter((s) => s.kind === kind);
    expect(oldTextOf(result.segments as never)).toBe(original);
    expect(newTextOf(result.segments as never)).toBe(changed);
    expect(of('inserted').map((s) => s.text.trim())).toEqual(['en de huisarts']);
    expect(of('deleted').map((s) => s.text.trim())).toEqual(['daarbij tijdig']);
    expect(of('moved-from').map((s) => s.text.trim())).toEqual([p0]);
    expect(of('moved-to').map((s) => s.text.trim())).toEqual([p0]);
    expect(of('moved-from')[0]!.moveId).toBe(of('moved-to')[0]!.moveId);
    expect(result.summary).toEqual({ inserted: 3, deleted: 2, moved: 1 });
    // The live text compares the same as the saved one.
    expect((await compare(first, 'current')).segments).toEqual(result.segments);

    const restore = await api('procurement').post(`${t()}/versions/${first}/restore`, { clauseId: clause(titles.continuity).id });
    expect(restore.status, restore.text).toBe(200);
    await waitFor(() => textOf(provider) === original, 5000, 'the restored text live');
    const back = await compare(first, 'current');
    expect(back.segments.every((s) => s.kind === 'same')).toBe(true);
    expect(newTextOf(back.segments as never)).toBe(original);
    expect(back.summary).toEqual({ inserted: 0, deleted: 0, moved: 0 });
    const version = await api('provider').get(`${t()}/versions/${first}`);
    expect(version.status, version.text).toBe(200);
    expect(version.body.documents).toHaveLength(1);
    expect(version.body.documents[0]).toMatchObject({ clauseId: clause(titles.continuity).id, variantId: null, text: original });
  });

  it('refuses bad input without changing anything and never answers 500', async () => {
    const procurement = api('procurement');
    const provider = api('provider');
    const before = await agreement();
    const middenBefore = (await procurement.get(`/trajectories/${ctx.ids.midden}/agreement`)).body;
    const continuity = clause(titles.continuity);
    const waiting = clause(titles.waiting);
    const comments = async () => (await procurement.get(`${t()}/comments`)).body.length as number;
    const commentCount = await comments();
    const observer = await openSynced('provider', doc(titles.continuity));
    const anchor = anchorOn(observer, 'zes maanden');
    const commentPath = `${t()}/agreement/clauses/${continuity.id}/comments`;
    const responses: ApiResponse[] = [];
    const check = (res: ApiResponse) => {
      responses.push(res);
      return res;
    };

    // Malformed anchors.
    expectError(check(await provider.post(commentPath, { anchor: { ...anchor, start: 'geen base64!' }, body: 'x' })), 400, 'validation_failed');
    expectError(check(await provider.post(commentPath, { anchor: { ...anchor, end: 'A'.repeat(404) }, body: 'x' })), 400, 'validation_failed');
    expectError(check(await provider.post(commentPath, { anchor: { ...anchor, start: 'AA==' }, body: 'x' })), 400, 'validation_failed');
    expectError(check(await provider.post(commentPath, { anchor: { ...anchor, quote: '  ' }, body: 'x' })), 400, 'validation_failed');
    expectError(check(await provider.post(commentPath, { anchor: { ...anchor, variantId: '0'.repeat(24) }, body: 'x' })), 400, 'validation_failed');
    expectError(check(await provider.post(`${t()}/agreement/clauses/${continuity.id}/amendments`, { anchor: { start: 'AA==', end: anchor.end }, originalText: 'zes maanden', proposedText: 'twaalf maanden', motivation: 'x' })), 400, 'validation_failed');

    // Unknown clause ids, and ids of this trajectory named under the other one.
    const unknown = '0'.repeat(23) + '1';
    const m = `/trajectories/${ctx.ids.midden}`;
    expectError(check(await provider.post(`${t()}/agreement/clauses/${unknown}/comments`, { anchor, body: 'x' })), 404, 'not_found');
    expectError(check(await procurement.patch(`${t()}/agreement/clauses/${unknown}`, { title: 'Weg' })), 404, 'not_found');
    expectError(check(await procurement.post(`${t()}/agreement/clauses/${unknown}/variants`, { label: 'x', municipalities: ['Haarlem'] })), 404, 'not_found');
    expectError(check(await provider.get(`${t()}/compare?clauseId=${unknown}&from=current&to=current`)), 404, 'not_found');
    expectError(check(await procurement.post(`${t()}/versions`, { name: 'x', clauseId: unknown })), 404, 'not_found');
    expectError(check(await procurement.patch(`${m}/agreement/clauses/${continuity.id}`, { status: 'fixed' })), 404, 'not_found');
    expectError(check(await procurement.post(`${m}/agreement/clauses/${continuity.id}/comments`, { anchor, body: 'x' })), 404, 'not_found');
    expectError(check(await procurement.get(`${m}/compare?clauseId=${continuity.id}&from=current&to=current`)), 404, 'not_found');
    expectError(check(await procurement.patch(`${m}/agreement/chapters/${continuity.chapterId}`, { title: 'Weg' })), 404, 'not_found');
    const demoComment = (await procurement.get(`${t()}/comments`)).body[0].id as string;
    const demoAmendment = (await procurement.get(`${t()}/amendments`)).body[0].id as string;
    expectError(check(await procurement.put(`${m}/comments/${demoComment}/status`, { status: 'resolved' })), 404, 'not_found');
    expectError(check(await procurement.post(`${m}/amendments/${demoAmendment}/decision`, { decision: 'accept' })), 404, 'not_found');
    expectError(check(await procurement.post(`${m}/versions`, { name: 'x', clauseId: continuity.id })), 404, 'not_found');

    // Empty titles, and a variant for a municipality that does not take part.
    expectError(check(await procurement.post(`${t()}/agreement/chapters`, { title: '   ' })), 400, 'validation_failed');
    expectError(check(await procurement.post(`${t()}/agreement/clauses`, { chapterId: continuity.chapterId, title: '' })), 400, 'validation_failed');
    expectError(check(await procurement.patch(`${t()}/agreement/clauses/${continuity.id}`, { title: ' ' })), 400, 'validation_failed');
    expectError(check(await procurement.post(`${t()}/agreement/clauses/${continuity.id}/variants`, { label: 'Apeldoorn', municipalities: ['Apeldoorn'] })), 400, 'validation_failed');
    expectError(check(await procurement.post(`${t()}/agreement/clauses/${waiting.id}/variants`, { label: 'Haarlem opnieuw', municipalities: ['Haarlem'] })), 400, 'validation_failed');
    expectError(check(await procurement.patch(`${t()}/agreement/clauses/${continuity.id}`, { status: 'vastgesteld' })), 400, 'validation_failed');

    for (const res of responses) expectNo500(res);
    expect(await agreement()).toEqual(before);
    expect(await comments()).toBe(commentCount);
    // Midden-IJssel's own (demo) agreement is untouched by what was refused under its name.
    expect((await procurement.get(`${m}/agreement`)).body).toEqual(middenBefore);
  });

  it('moving clauses renumbers the agreement 1..n in order', async () => {
    const procurement = api('procurement');
    const acceptance = clause(titles.acceptance);
    const moved = await procurement.patch(`${t()}/agreement/clauses/${acceptance.id}`, { position: 0 });
    expect(moved.status, moved.text).toBe(200);
    const check = (a: Agreement) => {
      const all = a.chapters.flatMap((c) => c.clauses);
      expect(all.map((c) => c.number)).toEqual(all.map((_, i) => i + 1));
      for (const chapter of a.chapters) expect(chapter.clauses.map((c) => c.position)).toEqual(chapter.clauses.map((_, i) => i));
      return all.map((c) => c.title);
    };
    expect(check(moved.body)).toEqual([titles.definitions, 'Looptijd en evaluatie', titles.acceptance, titles.continuity, titles.waiting, titles.tariffs]);

    // To another chapter: both chapters close up, numbering follows.
    const tariffsChapter = clause(titles.tariffs).chapterId;
    const across = await procurement.patch(`${t()}/agreement/clauses/${clause(titles.definitions).id}`, { chapterId: tariffsChapter, position: 1 });
    expect(across.status, across.text).toBe(200);
    expect(check(across.body)).toEqual(['Looptijd en evaluatie', titles.acceptance, titles.continuity, titles.waiting, titles.tariffs, titles.definitions]);
    expect(check(await agreement('provider'))).toEqual(check(across.body));
  });
});

/** The audit events on one object, or that mention it in their summary. */
function eventsAbout(events: unknown, objectId: string): unknown[] {
  return (events as Array<{ objectId: string; summary?: unknown }>).filter((e) => e.objectId === objectId || JSON.stringify(e.summary ?? {}).includes(objectId));
}
