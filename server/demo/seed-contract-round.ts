import { participatingMunicipality } from '../../shared/domain/municipalities';
import type { AuditDraft } from '../audit/audit-log';
import { buildSnapshot } from '../commands/final/final-snapshot';
import { startRound } from '../commands/rounds/round-operations';
import type { SignoffRecord } from '../models/final-agreement';
import type { Services } from '../services';

/*
 * The Midden-IJssel/Oost-Veluwe contract as it runs: version 1.0 assembled, approved by the eight
 * municipalities and sealed, and a change round (1.1) in dialogue on the tariffs, with its own
 * topic and a planned session. Written through the same functions as the operations, and every
 * step in the audit chain, so the demo's chain verifies.
 */
export async function seedDemoContractRound(
  services: Services,
  t: { trajectoryId: string; name: string; municipalities: string[]; procurementUserId: string },
  log: (d: Omit<AuditDraft, 'actorId'>) => Promise<unknown>,
): Promise<void> {
  const { models } = services;
  const chain = t.trajectoryId;
  const assembledAt = new Date('2025-09-15T08:00:00Z');
  const { snapshot, textHash, contentHash } = await buildSnapshot(services, t.trajectoryId, t.name);
  await models.finalAgreements.create({ _id: t.trajectoryId, revision: 1, snapshot, contentHash, textHash, assembledBy: t.procurementUserId, assembledAt, signoffs: [], status: 'assembled', finalAt: null });
  await log({ chain, action: 'final.assemble', objectType: 'final_agreement', objectId: chain, summary: { revision: 1, contentHash, auditSeq: snapshot.annex.audit?.seq ?? 0, signoffsReset: 0, demo: true } });

  // Each municipality's representative approves (a seat per municipality in the demo).
  const seats = await models.memberships.find({ trajectoryId: t.trajectoryId, role: 'municipality', removedAt: null }, { userId: 1, organisationId: 1 }).lean();
  const signoffs: SignoffRecord[] = [];
  for (const [i, seat] of seats.entries()) {
    const organisation = await models.organisations.findById(seat.organisationId, { name: 1, type: 1 }).lean();
    const municipality = organisation ? participatingMunicipality(organisation, t.municipalities) : null;
    if (!municipality || signoffs.some((s) => s.municipality === municipality)) continue;
    signoffs.push({ municipality, decision: 'approve' as const, reason: null, userId: seat.userId, organisationId: seat.organisationId, at: new Date(assembledAt.getTime() + (i + 1) * 86_400_000) });
    await log({ chain, action: 'final.approve', objectType: 'final_agreement', objectId: chain, summary: { municipality, revision: 1, demo: true } });
  }
  if (!t.municipalities.every((m) => signoffs.some((s) => s.municipality === m))) return;
  const sealedAt = new Date(Math.max(...signoffs.map((s) => s.at.getTime())));
  await models.finalAgreements.updateOne({ _id: t.trajectoryId }, { $set: { signoffs, status: 'final', finalAt: sealedAt } });
  await models.finalSeals.create({ _id: t.trajectoryId, revision: 1, contentHash, at: sealedAt });
  await log({ chain, action: 'final.lock', objectType: 'final_agreement', objectId: chain, summary: { revision: 1, contentHash, demo: true } });

  const tariffs = await models.clauses.findOne({ trajectoryId: t.trajectoryId, title: 'Tarieven' }, { _id: 1 }).lean();
  const body = {
    title: 'Tarieven en toetreding 2027',
    reason: 'De indexering van de tarieven voor 2027 en een eigen tarief voor vrijgevestigden, na signalen uit het contractmanagement.',
    appliesFrom: '2027-01-01',
    clauseIds: tariffs ? [String(tariffs._id)] : [],
    topics: ['Indexering tarieven 2027', 'Tarief voor vrijgevestigden'],
  };
  const { round, topics } = await startRound(models, t.trajectoryId, t.procurementUserId, body);
  for (const topic of topics) await log({ chain, action: 'topic.propose', objectType: 'topic', objectId: String(topic._id), summary: { title: topic.title, status: topic.status, round: '1.1', demo: true } });
  await log({ chain, action: 'final.round.open', objectType: 'final_agreement', objectId: chain, summary: { version: '1.1', title: body.title, appliesFrom: body.appliesFrom, clauseIds: body.clauseIds, topicIds: round.topicIds.map(String), demo: true } });

  const session = await models.dialogueSessions.create({
    trajectoryId: t.trajectoryId,
    title: 'Wijzigingsronde 1.1: tarieven 2027',
    description: 'Dialoogsessie over de indexering van de tarieven en een tarief voor vrijgevestigden.',
    startsAt: new Date('2026-03-12T13:00:00Z'),
    endsAt: new Date('2026-03-12T15:30:00Z'),
    location: 'Gemeentehuis Apeldoorn, Marktplein 1',
    agenda: round.topicIds.map((topicId) => ({ topicId, minutes: 60 })),
    declaration: { outcomeKind: 'proposal' as const, decidedBy: 'de colleges van B&W van de acht gemeenten' },
  });
  await log({ chain, action: 'session.create', objectType: 'session', objectId: String(session._id), summary: { title: session.title, round: '1.1', demo: true } });
}
