import { clauseDocumentName } from '../../shared/domain/agreement';
import { clauseFragment, paragraphsOf, replaceContent } from '../../shared/domain/clause-text';
import { stakeholderGroupByRole, type Role } from '../../shared/domain/roles';
import { tallyPoll } from '../../shared/live-table/tally';
import type { BallotChoice } from '../../shared/live-table/polls';
import type { AuditDraft } from '../audit/audit-log';
import { electorateOf, settingsOf, voterKey } from '../live-table/live-state';
import type { Services } from '../services';
import type { SeededTrajectory } from './seed-sessions';

interface DemoFixedClause {
  title: string;
  topics: string[];
  text: string[];
  variant?: { label: string; municipalities: string[]; text: string[] };
}

/*
 * Invented contract text in the style of an Open House agreement; no real contract is quoted.
 * Every clause is fixed: the agreement is ready to be assembled and put to the eight municipalities.
 */
const chapters: Array<{ title: string; clauses: DemoFixedClause[] }> = [
  {
    title: 'Algemene bepalingen',
    clauses: [
      {
        title: 'Begripsbepalingen',
        topics: [],
        text: [
          'Jeugdige: een persoon die de leeftijd van achttien jaar nog niet heeft bereikt, of jonger dan drieëntwintig jaar is en voor wie voortzetting van jeugdhulp nodig is.',
          'Aanbieder: de zorgaanbieder die tot het Open House is toegelaten en deze overeenkomst met de gemeenten heeft gesloten.',
        ],
      },
      {
        title: 'Looptijd en wijziging',
        topics: [],
        text: [
          'Deze overeenkomst gaat in op 1 januari 2026 en loopt voor onbepaalde tijd.',
          'De gemeenten kunnen de overeenkomst wijzigen na overleg aan de dialoogtafel. Een wijziging gaat niet eerder in dan drie maanden na bekendmaking.',
        ],
      },
    ],
  },
  {
    title: 'Toelating en kwaliteit',
    clauses: [
      {
        title: 'Toelating tot het Open House',
        topics: ['Drempels voor toelating'],
        text: [
          'Iedere aanbieder die aan de eisen van het aanmeldingsdocument voldoet, wordt toegelaten. Toetreden kan twee keer per jaar.',
          'Kleine regionale aanbieders kunnen de kwaliteitseisen aantonen met een verkorte verantwoording.',
        ],
      },
      {
        title: 'Governance en integriteit',
        topics: ['Governance-eisen'],
        text: [
          'De aanbieder handelt volgens de Governance Code Zorg 2022 en houdt zich aan de Wet Normering Topinkomens.',
          'De aanbieder meldt een wijziging in bestuur of eigendom binnen vier weken aan de gemeenten.',
        ],
      },
    ],
  },
  {
    title: 'Zorgcontinuïteit en bekostiging',
    clauses: [
      {
        title: 'Overbruggingsafspraken',
        topics: ['Zorgcontinuïteit en overbruggingsafspraken', 'Transitie 18- / 18+'],
        text: [
          'Een jeugdige die op 31 december 2025 hulp kreeg van een aanbieder die niet opnieuw is toegelaten, houdt die hulp tot 1 juli 2026.',
          'De oude en de nieuwe aanbieder zorgen samen voor een warme overdracht, met de jeugdige en zijn ouders.',
        ],
        variant: {
          label: 'Zutphen en Lochem: eigen toegangsteam',
          municipalities: ['Zutphen', 'Lochem'],
          text: [
            'Een jeugdige die op 31 december 2025 hulp kreeg van een aanbieder die niet opnieuw is toegelaten, houdt die hulp tot 1 juli 2026.',
            'Het toegangsteam van de gemeente regelt de overdracht en blijft het aanspreekpunt tot de nieuwe hulp is begonnen.',
          ],
        },
      },
      {
        title: 'Tarieven',
        topics: ['Tariefdifferentiatie'],
        text: [
          'De gemeenten betalen per product het tarief van de tariefgroep waarin de aanbieder is ingedeeld. De tarieven volgen uit reële kostprijzen.',
          'De tarieven worden ieder jaar geïndexeerd.',
        ],
      },
    ],
  },
];

const declaration = { outcomeKind: 'proposal' as const, decidedBy: 'de colleges van B&W van de acht gemeenten' };

/**
 * The Midden-IJssel/Oost-Veluwe table's agreement, with every clause fixed, and the last
 * dialogue session before it with a closed poll and an agreement (afspraak): so the definitive
 * agreement can be assembled at once and its annex traces something.
 */
export async function seedDemoFinalAgreement(
  services: Services,
  t: SeededTrajectory,
  log: (d: Omit<AuditDraft, 'actorId'>) => Promise<unknown>,
): Promise<void> {
  const { models, documents } = services;
  const chain = t.trajectoryId;
  const topics = await models.topics.find({ trajectoryId: t.trajectoryId }, { title: 1 }).lean();
  const topicId = (title: string) => topics.find((x) => x.title === title)?._id;
  const procurement = t.members.find((m) => m.role === 'procurement')!;
  const clauseIds = new Map<string, string>();

  for (const [chapterIndex, chapter] of chapters.entries()) {
    const created = await models.chapters.create({ trajectoryId: t.trajectoryId, title: chapter.title, position: chapterIndex });
    await log({ chain, action: 'agreement.chapter.create', objectType: 'chapter', objectId: String(created._id), summary: { title: chapter.title, demo: true } });
    for (const [position, c] of chapter.clauses.entries()) {
      const clause = await models.clauses.create({
        trajectoryId: t.trajectoryId,
        chapterId: created._id,
        position,
        title: c.title,
        status: 'fixed',
        topicIds: c.topics.flatMap((title) => topicId(title) ?? []),
        variants: c.variant ? [{ label: c.variant.label, municipalities: c.variant.municipalities }] : [],
        createdBy: procurement.userId,
      });
      const id = String(clause._id);
      clauseIds.set(c.title, id);
      await documents.change(clauseDocumentName(chain, id), (doc) => replaceContent(clauseFragment(doc), paragraphsOf(c.text.join('\n'))));
      if (c.variant) {
        await documents.change(clauseDocumentName(chain, id, String(clause.variants[0]!._id)), (doc) => replaceContent(clauseFragment(doc), paragraphsOf(c.variant!.text.join('\n'))));
      }
      await log({ chain, action: 'agreement.clause.create', objectType: 'clause', objectId: id, summary: { title: c.title, status: 'fixed', demo: true } });
    }
  }

  const agenda = ['Drempels voor toelating', 'Tariefdifferentiatie', 'Zorgcontinuïteit en overbruggingsafspraken'].flatMap((title) => topicId(title) ?? []);
  const session = await models.dialogueSessions.create({
    trajectoryId: t.trajectoryId,
    title: 'Dialoogsessie 4 van 4: afronding concept-inkoopovereenkomst',
    description: 'De laatste sessie voor de besluitvorming over de definitieve inkoopovereenkomst.',
    startsAt: new Date('2025-06-05T07:30:00Z'),
    endsAt: new Date('2025-06-05T11:00:00Z'),
    location: "Stadhuis Zutphen, 's-Gravenhof 2",
    agenda: agenda.map((id) => ({ topicId: id, minutes: 50 })),
    declaration,
    status: 'ended',
    live: { currentIndex: 2, timer: null, queue: [], floorUserId: null, startedAt: new Date('2025-06-05T07:32:00Z'), endedAt: new Date('2025-06-05T10:55:00Z') },
  });
  await log({ chain, action: 'session.create', objectType: 'session', objectId: String(session._id), summary: { title: session.title, demo: true } });

  const continuity = topicId('Zorgcontinuïteit en overbruggingsafspraken');
  const openedAt = new Date('2025-06-05T10:10:00Z');
  const poll = await models.polls.create({
    trajectoryId: t.trajectoryId,
    sessionId: session._id,
    topicId: continuity ?? null,
    kind: 'consent',
    question: 'Overbruggingsovereenkomsten lopen tot 1 juli 2026, met een warme overdracht. Akkoord?',
    options: [],
    anonymous: false,
    resultsVisibility: 'live',
    eligibleGroups: [],
    openedAt,
    declaration,
  });
  await log({ chain, action: 'poll.open', objectType: 'poll', objectId: String(poll._id), summary: { sessionId: String(session._id), kind: 'consent', question: poll.question, anonymous: false } });
  const voters = t.members.filter((m) => (['municipality', 'provider', 'client', 'procurement'] as Role[]).includes(m.role));
  const counted = [];
  for (const [i, v] of voters.entries()) {
    const choice: BallotChoice = v.role === 'provider' && i % 2 === 0 ? { kind: 'consent', option: 'object', reason: 'Zes maanden is krap voor lopende behandelingen.' } : { kind: 'consent', option: 'agree' };
    const group = stakeholderGroupByRole[v.role];
    const castAt = new Date(openedAt.getTime() + 30_000 + i * 5_000);
    await models.ballots.create({ pollId: poll._id, voterKey: voterKey(services.config.sessionSecret, String(poll._id), v.userId), voterId: v.userId, group, choice, castAt, updatedAt: castAt });
    counted.push({ group, choice });
    await log({ chain, action: 'poll.ballot', objectType: 'poll', objectId: String(poll._id), summary: { group, choice } });
  }
  const record = poll.toObject();
  const electorate = await electorateOf(services, record);
  const result = tallyPoll(settingsOf(record), counted, electorate);
  await models.polls.updateOne({ _id: poll._id }, { $set: { status: 'closed', closedAt: new Date(openedAt.getTime() + 8 * 60_000), result, electorate } });
  await log({ chain, action: 'poll.close', objectType: 'poll', objectId: String(poll._id), summary: { reason: 'manual', ballots: result.ballots, leaders: result.leaders } });

  if (continuity) {
    // Numbered after whatever else the demo recorded in this trajectory.
    const last = await models.outcomes.findOne({ trajectoryId: t.trajectoryId }).sort({ number: -1 }).lean();
    const outcome = await models.outcomes.create({
      trajectoryId: t.trajectoryId,
      topicId: continuity,
      sessionId: session._id,
      number: (last?.number ?? 0) + 1,
      text: 'Wie al hulp krijgt, houdt zijn hulpverlener: overbruggingsovereenkomsten lopen tot 1 juli 2026, met een warme overdracht.',
      category: 'contractual',
      horizon: 'before_start',
      status: 'agreed',
      pollIds: [poll._id],
      clauseIds: [clauseIds.get('Overbruggingsafspraken')!],
      recordedBy: procurement.userId,
    });
    await log({ chain, action: 'outcome.record', objectType: 'outcome', objectId: String(outcome._id), summary: { number: outcome.number, topicId: String(continuity), demo: true } });
  }
}
