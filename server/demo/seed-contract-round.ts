import { participatingMunicipality } from '../../shared/domain/municipalities';
import type { Role } from '../../shared/domain/roles';
import type { OperationContext } from '../commands/operation';
import { assembleFinalAgreement, signOffFinalAgreement } from '../commands/final/final-operations';
import { openChangeRound } from '../commands/rounds/round-operations';
import type { Services } from '../services';
import { planDemoSession } from './seed-live';

const dayMs = 86_400_000;

/*
 * The Midden-IJssel/Oost-Veluwe contract as it runs: version 1.0 assembled, approved by the eight
 * municipalities and sealed, and a change round (1.1) in dialogue on the tariffs, with its own
 * topic and a planned session. The procurement team assembles and opens the round, each
 * municipality's representative approves for their own municipality: the operations they use.
 */
export async function seedDemoContractRound(
  services: Services,
  t: { trajectoryId: string; municipalities: string[]; members: Array<{ role: Role; userId: string; as: OperationContext }> },
): Promise<void> {
  const { models } = services;
  const params = { trajectoryId: t.trajectoryId };
  const procurement = t.members.find((m) => m.role === 'procurement')!.as;
  await assembleFinalAgreement(procurement, { params });

  // Each municipality's representative approves (a seat per municipality in the demo); the last approval seals it.
  const signers: Array<{ municipality: string; as: OperationContext }> = [];
  for (const m of t.members.filter((x) => x.role === 'municipality')) {
    const seat = await models.memberships.findOne({ trajectoryId: t.trajectoryId, userId: m.userId, removedAt: null }, { organisationId: 1 }).lean();
    const organisation = seat ? await models.organisations.findById(seat.organisationId, { name: 1, type: 1 }).lean() : null;
    const municipality = organisation ? participatingMunicipality(organisation, t.municipalities) : null;
    if (municipality && !signers.some((s) => s.municipality === municipality)) signers.push({ municipality, as: m.as });
  }
  for (const s of signers) await signOffFinalAgreement(s.as, { params, body: { municipality: s.municipality, decision: 'approve' } });
  if (!(await models.finalSeals.exists({ _id: t.trajectoryId }))) return;
  await backdateSeal(services, t.trajectoryId);

  const tariffs = await models.clauses.findOne({ trajectoryId: t.trajectoryId, title: 'Tarieven' }, { _id: 1 }).lean();
  await openChangeRound(procurement, {
    params,
    body: {
      title: 'Tarieven en toetreding 2027',
      reason: 'De indexering van de tarieven voor 2027 en een eigen tarief voor vrijgevestigden, na signalen uit het contractmanagement.',
      appliesFrom: '2027-01-01',
      clauseIds: tariffs ? [String(tariffs._id)] : [],
      topics: ['Indexering tarieven 2027', 'Tarief voor vrijgevestigden'],
    },
  });
  const round = (await models.changeRounds.findById(t.trajectoryId, { open: 1 }).lean())?.open;
  await planDemoSession(procurement, t.trajectoryId, {
    title: 'Wijzigingsronde 1.1: tarieven 2027',
    description: 'Dialoogsessie over de indexering van de tarieven en een tarief voor vrijgevestigden.',
    startsAt: new Date('2026-03-12T13:00:00Z'),
    endsAt: new Date('2026-03-12T15:30:00Z'),
    location: 'Gemeentehuis Apeldoorn, Marktplein 1',
    agenda: (round?.topicIds ?? []).map((topicId) => ({ topicId: String(topicId), minutes: 60 })),
    declaration: { outcomeKind: 'proposal', decidedBy: 'de colleges van B&W van de acht gemeenten' },
  });
}

/**
 * Version 1.0 was assembled on 15 September 2025 and approved one municipality a day. The
 * operations record the moment they run (no operation takes a clock), so these times of the
 * history are set afterwards, before the change round reads the seal's date for version 1.0.
 * They are in no audit event's hash and not in the sealed content (its hash covers the text).
 */
async function backdateSeal(services: Services, trajectoryId: string): Promise<void> {
  const { models } = services;
  const assembledAt = new Date('2025-09-15T08:00:00Z');
  const record = (await models.finalAgreements.findById(trajectoryId, { signoffs: 1 }).lean())!;
  const signoffs = record.signoffs.map((s, i) => ({ ...s, at: new Date(assembledAt.getTime() + (i + 1) * dayMs) }));
  const sealedAt = signoffs.at(-1)!.at;
  await models.finalAgreements.updateOne({ _id: trajectoryId }, { $set: { assembledAt, signoffs, finalAt: sealedAt } });
  await models.finalSeals.updateOne({ _id: trajectoryId }, { $set: { at: sealedAt } });
}
