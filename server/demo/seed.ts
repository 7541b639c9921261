import { Types } from 'mongoose';
import { hashPassword } from '../auth/passwords';
import type { Services } from '../services';
import { demoData, demoPassword, type DemoData } from './demo-data';
import { seedDemoAgreement } from './seed-agreement';
import { seedDemoSessions } from './seed-sessions';
import { seedDemoOutcomes } from './seed-outcomes';
import { seedDemoFinalAgreement } from './seed-final';
import { seedDemoAdmission } from '../admission/seed-admission';
import { seedDemoContractRound } from './seed-contract-round';
import { createRegion, createTrajectory } from '../commands/trajectories/trajectory-operations';
import { proposeTopic, updateTopic } from '../commands/topics/topic-operations';
import { actingAs, clearSeedMail, seatByInvitation, type DemoPersonRef } from './seed-road';

export interface SeedResult {
  seeded: boolean;
  accounts: Array<{ email: string; name: string; role: string }>;
}

/**
 * Fills an empty database with the demo trajectories and one account per role. A database that
 * holds any account or trajectory is left alone. Whatever people make in the product is made
 * through the operation they would use, as the demo person who would do it (server/demo/seed-road.ts),
 * so the demo's audit chains hold only real events, with real actors, and verify like any other.
 */
export async function seedDemoData(services: Services, data: DemoData = demoData): Promise<SeedResult> {
  const { models } = services;
  const accounts = data.people.map((p) => ({ email: p.email, name: p.name, role: describeRole(data, p.key, p.platformAdmin) }));
  if ((await models.users.estimatedDocumentCount()) > 0 || (await models.trajectories.estimatedDocumentCount()) > 0) {
    return { seeded: false, accounts };
  }
  // One hash for every demo account: hashing is deliberately slow, and these share a published password anyway.
  const passwordHash = await hashPassword(demoPassword);

  // No operation makes an account with a given password or an organisation on its own (people
  // join by invitation, organisations come with a seat): these are written directly, with no audit
  // event, as the platform's accounts of the demo.
  const users = await models.users.insertMany(data.people.map((person) => ({ email: person.email, name: person.name, passwordHash, platformAdmin: person.platformAdmin ?? false })));
  const people = new Map<string, DemoPersonRef>(
    data.people.map((person, i) => [person.key, { key: person.key, userId: String(users[i]!._id), name: person.name, email: person.email, platformAdmin: person.platformAdmin ?? false }]),
  );
  const userIds = new Map([...people].map(([key, p]) => [key, p.userId]));
  const organisations = await models.organisations.insertMany(data.organisations.map((o) => ({ name: o.name, type: o.type, providerKind: o.providerKind ?? null })));
  const organisationIds = new Map(data.organisations.map((o, i) => [o.key, String(organisations[i]!._id)]));
  const admin = actingAs(services, [...people.values()].find((p) => p.platformAdmin)!);
  const regionIds = new Map<string, string>();
  for (const r of data.regions) regionIds.set(r.key, (await createRegion(admin, { body: { name: r.name, municipalities: r.municipalities } })).id);

  // The two trajectories share nothing but their people: they are seeded side by side.
  const seedTrajectory = async (t: DemoData['trajectories'][number]) => {
    const person = (key: string) => people.get(key)!;
    const as = (key: string) => actingAs(services, person(key));
    // The platform administrator opens the trajectory and seats its procurement team; the team invites the rest.
    const { id: chain } = await createTrajectory(admin, {
      body: { regionId: regionIds.get(t.region)!, name: t.name, description: t.description, model: t.model, municipalities: t.municipalities, phases: t.phases, milestones: t.milestones },
    });
    const lead = t.members.find((m) => m.role === 'procurement')!;
    const seatOf = (m: (typeof t.members)[number]) => ({ role: m.role, organisationId: organisationIds.get(m.organisation)! });
    await seatByInvitation(services, admin, chain, person(lead.person), seatOf(lead));
    // Topics in the strategy's order: the procurement team's are accepted at once, proposed while the
    // rest of the table is being seated; a participant's proposals (last in the list) wait as proposals.
    const propose = async (topic: (typeof t.topics)[number]) => {
      const proposed = await proposeTopic(as(topic.proposedBy ?? lead.person), { params: { trajectoryId: chain }, body: { title: topic.title, description: topic.description } });
      if (topic.status === 'in_discussion' || topic.status === 'concluded') {
        await updateTopic(as(lead.person), { params: { trajectoryId: chain, topicId: proposed.id }, body: { status: topic.status } });
      }
      return topic.status !== 'proposed' && topic.status !== 'declined' ? [new Types.ObjectId(proposed.id)] : [];
    };
    const firstProposal = t.topics.findIndex((topic) => topic.proposedBy);
    const teamTopics = firstProposal < 0 ? t.topics : t.topics.slice(0, firstProposal);
    const [, topicIds] = await Promise.all([
      Promise.all(t.members.filter((m) => m !== lead).map((m) => seatByInvitation(services, as(lead.person), chain, person(m.person), seatOf(m)))),
      (async () => {
        const ids: Types.ObjectId[] = [];
        for (const topic of teamTopics) ids.push(...(await propose(topic)));
        return ids;
      })(),
    ]);
    for (const topic of t.topics.slice(teamTopics.length)) topicIds.push(...(await propose(topic)));
    const members = t.members.map((m) => ({ personKey: m.person, role: m.role, as: as(m.person) }));
    if (t.model === 'dialogue_tender') {
      // The sessions and the draft agreement are independent of each other; the outcomes link both.
      await Promise.all([seedDemoSessions(services, { trajectoryId: chain, topicIds, members }), seedDemoAgreement(services, { trajectoryId: chain, members })]);
      await seedDemoOutcomes(services, { trajectoryId: chain, members: members.map((m) => ({ ...m, userId: userIds.get(m.personKey)! })) });
    }
    if (t.model === 'open_house') {
      const agreement = (async () => {
        await seedDemoFinalAgreement(services, { trajectoryId: chain, topicIds, members });
        if (services.config.demoContract) {
          await seedDemoContractRound(services, { trajectoryId: chain, municipalities: t.municipalities, members: members.map((m) => ({ ...m, userId: userIds.get(m.personKey)! })) });
        }
      })();
      // Providers apply while the agreement is finished; they accede to it (and to any sealed version of it) once it stands.
      await Promise.all([agreement, seedDemoAdmission(services, { trajectoryId: chain, municipalities: t.municipalities, procurement: as(lead.person) }, agreement)]);
    }
  };
  await Promise.all(data.trajectories.map(seedTrajectory));
  await clearSeedMail(services);
  return { seeded: true, accounts };
}

function describeRole(data: DemoData, personKey: string, admin: boolean | undefined): string {
  if (admin) return 'platform admin';
  const roles = new Set(data.trajectories.flatMap((t) => t.members.filter((m) => m.person === personKey).map((m) => m.role)));
  return [...roles].join(', ') || '—';
}
