import type { AuditDraft } from '../audit/audit-log';
import { platformChain } from '../audit/audit-log';
import { hashPassword } from '../auth/passwords';
import type { Services } from '../services';
import { demoData, demoPassword, type DemoData } from './demo-data';
import { seedDemoAgreement } from './seed-agreement';
import { seedDemoSessions } from './seed-sessions';
import { seedDemoOutcomes } from './seed-outcomes';
import { seedDemoFinalAgreement } from './seed-final';
import { seedDemoAdmission } from '../admission/seed-admission';
import { seedDemoContractRound } from './seed-contract-round';
import { storeJoinCode } from '../live-table/join-code';

export interface SeedResult {
  seeded: boolean;
  accounts: Array<{ email: string; name: string; role: string }>;
}

/**
 * Fills an empty database with the demo trajectories and one account per role. A database that
 * holds any account or trajectory is left alone. Every record is written with its audit event,
 * so the demo's audit chains verify like any other.
 */
export async function seedDemoData(services: Services, data: DemoData = demoData): Promise<SeedResult> {
  const { models, audit } = services;
  const accounts = data.people.map((p) => ({ email: p.email, name: p.name, role: describeRole(data, p.key, p.platformAdmin) }));
  if ((await models.users.estimatedDocumentCount()) > 0 || (await models.trajectories.estimatedDocumentCount()) > 0) {
    return { seeded: false, accounts };
  }
  const log = (draft: Omit<AuditDraft, 'actorId'>) => audit.append({ ...draft, actorId: null });
  // One hash for every demo account: hashing is deliberately slow, and these share a published password anyway.
  const passwordHash = await hashPassword(demoPassword);

  const userIds = new Map<string, string>();
  for (const person of data.people) {
    const user = await models.users.create({ email: person.email, name: person.name, passwordHash, platformAdmin: person.platformAdmin ?? false });
    userIds.set(person.key, String(user._id));
    await log({ chain: platformChain, action: 'user.create', objectType: 'user', objectId: String(user._id), summary: { demo: true } });
  }
  const organisationIds = new Map<string, string>();
  for (const o of data.organisations) {
    const org = await models.organisations.create({ name: o.name, type: o.type, providerKind: o.providerKind ?? null });
    organisationIds.set(o.key, String(org._id));
  }
  const regionIds = new Map<string, string>();
  for (const r of data.regions) {
    const region = await models.regions.create({ name: r.name, municipalities: r.municipalities });
    regionIds.set(r.key, String(region._id));
    await log({ chain: platformChain, action: 'region.create', objectType: 'region', objectId: String(region._id), summary: { name: r.name } });
  }
  for (const t of data.trajectories) {
    const trajectory = await models.trajectories.create({
      regionId: regionIds.get(t.region),
      name: t.name,
      description: t.description,
      model: t.model,
      municipalities: t.municipalities,
      phases: t.phases,
      milestones: t.milestones,
    });
    const chain = String(trajectory._id);
    await log({ chain, action: 'trajectory.create', objectType: 'trajectory', objectId: chain, summary: { name: t.name, model: t.model, municipalities: t.municipalities.length, demo: true } });
    for (const m of t.members) {
      const membership = await models.memberships.create({ trajectoryId: trajectory._id, userId: userIds.get(m.person), organisationId: organisationIds.get(m.organisation), role: m.role });
      await log({ chain, action: 'member.add', objectType: 'membership', objectId: String(membership._id), summary: { role: m.role, organisationId: organisationIds.get(m.organisation) } });
    }
    let order = 0;
    const topicIds = [];
    for (const topic of t.topics) {
      const created = await models.topics.create({
        trajectoryId: trajectory._id,
        title: topic.title,
        description: topic.description,
        order: ++order,
        status: topic.status,
        proposedBy: topic.proposedBy ? userIds.get(topic.proposedBy) : null,
      });
      await log({ chain, action: 'topic.propose', objectType: 'topic', objectId: String(created._id), summary: { title: topic.title, status: topic.status } });
      if (topic.status !== 'proposed' && topic.status !== 'declined') topicIds.push(created._id);
    }
    if (t.model === 'dialogue_tender') {
      const members = t.members.map((m) => ({ personKey: m.person, userId: userIds.get(m.person)!, role: m.role, organisationId: organisationIds.get(m.organisation)! }));
      await seedDemoSessions(services, { trajectoryId: chain, topicIds, members }, log);
      await seedDemoAgreement(services, { trajectoryId: chain, topicIds, members }, log);
      await seedDemoOutcomes(services, { trajectoryId: chain, members }, log);
    }
    if (t.model === 'open_house') {
      const members = t.members.map((m) => ({ personKey: m.person, userId: userIds.get(m.person)!, role: m.role }));
      await seedDemoFinalAgreement(services, { trajectoryId: chain, topicIds, members }, log);
      if (services.config.demoContract) {
        const procurementUserId = String(members.find((m) => m.role === 'procurement')!.userId);
        await seedDemoContractRound(services, { trajectoryId: chain, name: t.name, municipalities: t.municipalities, procurementUserId }, log);
      }
      // After the definitive agreement (and any sealed version of it): providers accede to that.
      await seedDemoAdmission(services, chain, t.municipalities, log);
    }
  }
  // Sessions planned through the product get their join code when planned; the seed's too, so
  // showing a demo session's code later never writes.
  for (const session of await models.dialogueSessions.find({}, { trajectoryId: 1 }).lean()) await storeJoinCode(services, session);
  return { seeded: true, accounts };
}

function describeRole(data: DemoData, personKey: string, admin: boolean | undefined): string {
  if (admin) return 'platform admin';
  const roles = new Set(data.trajectories.flatMap((t) => t.members.filter((m) => m.person === personKey).map((m) => m.role)));
  return [...roles].join(', ') || '—';
}
