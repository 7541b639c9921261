import type { Types } from 'mongoose';
import type { Role } from '../../shared/domain/roles';
import type { OperationContext } from '../commands/operation';
import { recordOutcome } from '../commands/outcomes/outcome-operations';
import type { OutcomeRecord } from '../models/outcome';
import type { Services } from '../services';

interface Seat {
  userId: string;
  role: Role;
  as: OperationContext;
}

/** A date `days` after the moment of seeding, as YYYY-MM-DD: demo deadlines stay in the future. */
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/**
 * The IJmond table's agreements after its first session: one agreed and carried into a clause,
 * one difference of opinion about the budget ceiling with an open follow-up action, and one still
 * open that hangs on an amendment. Linked to the demo's topics, poll, amendment and clauses. The
 * procurement team records them, as it does after a session.
 */
export async function seedDemoOutcomes(services: Services, t: { trajectoryId: string; members: Seat[] }): Promise<void> {
  const { models } = services;
  const trajectoryId = t.trajectoryId;
  const seat = (role: Role) => t.members.find((m) => m.role === role)!.userId;
  const [topics, clauses, session, amendment] = await Promise.all([
    models.topics.find({ trajectoryId }, { title: 1 }).lean(),
    models.clauses.find({ trajectoryId }, { title: 1 }).lean(),
    models.dialogueSessions.findOne({ trajectoryId, status: 'ended' }, { _id: 1 }).lean(),
    models.amendments.findOne({ trajectoryId }, { _id: 1 }).lean(),
  ]);
  const topic = (title: string) => topics.find((x) => x.title === title)?._id;
  const clause = (title: string) => clauses.filter((x) => x.title === title).map((x) => x._id);
  const continuityTopic = topic('Zorgcontinuïteit');
  const consentPoll = continuityTopic ? await models.polls.findOne({ trajectoryId, topicId: continuityTopic, kind: 'consent' }, { _id: 1 }).lean() : null;

  const outcomes: Array<Omit<OutcomeRecord, '_id' | 'trajectoryId' | 'number' | 'recordedBy' | 'createdAt' | 'updatedAt' | 'actions'> & {
    actions: Array<{ description: string; ownerUserId: string; dueDate: string; status: 'open' | 'done' }>;
  }> = [];
  const add = (o: (typeof outcomes)[number] & { topicId: Types.ObjectId | undefined }) => {
    if (o.topicId) outcomes.push(o as (typeof outcomes)[number]);
  };
  add({
    topicId: topic('Zorgcontinuïteit') as Types.ObjectId,
    sessionId: session?._id ?? null,
    text: 'Bij een wisseling van aanbieder loopt de zorg zes maanden door, of tot het einde van de lopende behandeling als die binnen twaalf maanden klaar is. Zo hoeft geen kind midden in een behandeling te wisselen.',
    category: 'substantive',
    horizon: 'before_start',
    status: 'agreed',
    positions: [],
    actions: [{ description: 'De nieuwe termijn verwerken in het artikel over zorgcontinuïteit.', ownerUserId: seat('procurement'), dueDate: inDays(-3), status: 'done' }],
    pollIds: consentPoll ? [consentPoll._id] : [],
    amendmentIds: [],
    versionIds: [],
    clauseIds: clause('Zorgcontinuïteit bij wisseling van aanbieder'),
  });
  add({
    topicId: topic('Bekostiging en budgetplafond') as Types.ObjectId,
    sessionId: session?._id ?? null,
    text: 'Of er een budgetplafond per aanbieder komt. De gemeenten nemen hierover een besluit na de doorrekening; tot dan geldt het artikel zonder plafond.',
    category: 'financial',
    horizon: 'long_term',
    status: 'disagreement',
    positions: [
      { party: 'Gemeenten', position: 'Een plafond per aanbieder is nodig om binnen het regionale budget te blijven, zeker met de stijgende vraag.' },
      { party: 'Zorgaanbieders', position: 'Een plafond per aanbieder leidt tot een cliëntenstop in het laatste kwartaal. Liever een signaleringsafspraak bij 80% van de verwachte omzet.' },
    ],
    actions: [{ description: 'De signaleringsafspraak doorrekenen voor 2027 en de uitkomst met de tafel delen.', ownerUserId: seat('municipality'), dueDate: inDays(21), status: 'open' }],
    pollIds: [],
    amendmentIds: [],
    versionIds: [],
    clauseIds: clause('Tarieven en budgetplafond'),
  });
  add({
    topicId: topic('Wachtlijstproblematiek') as Types.ObjectId,
    sessionId: null,
    text: 'Een gedifferentieerde termijn voor de start van de hulp (vier weken ambulant, acht weken met verblijf) ligt op tafel. De aanbieders leveren eerst cijfers over de huidige wachttijden aan.',
    category: 'contractual',
    horizon: 'before_start',
    status: 'open',
    positions: [],
    actions: [{ description: 'Cijfers over de huidige wachttijden per vorm van hulp aanleveren.', ownerUserId: seat('provider'), dueDate: inDays(14), status: 'open' }],
    pollIds: [],
    amendmentIds: amendment ? [amendment._id] : [],
    versionIds: [],
    clauseIds: clause('Wachttijden en doorverwijzing'),
  });

  const procurement = t.members.find((m) => m.role === 'procurement')!.as;
  for (const o of outcomes) {
    await recordOutcome(procurement, {
      params: { trajectoryId },
      body: {
        topicId: String(o.topicId),
        sessionId: o.sessionId ? String(o.sessionId) : null,
        text: o.text,
        category: o.category,
        horizon: o.horizon,
        status: o.status,
        positions: o.positions,
        actions: o.actions,
        links: { pollIds: o.pollIds.map(String), amendmentIds: o.amendmentIds.map(String), versionIds: o.versionIds.map(String), clauseIds: o.clauseIds.map(String) },
      },
    });
  }
}
