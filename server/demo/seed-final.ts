import type { Role } from '../../shared/domain/roles';
import { recordOutcome } from '../commands/outcomes/outcome-operations';
import type { Services } from '../services';
import { holdDemoSession } from './seed-live';
import { setDemoClauseStatuses, writeDemoAgreement } from './seed-road';
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
 * agreement can be assembled at once and its annex traces something. The procurement team writes
 * and fixes the clauses and records the agreement; the facilitator ran the session.
 */
export async function seedDemoFinalAgreement(services: Services, t: SeededTrajectory): Promise<void> {
  const chain = t.trajectoryId;
  const { models } = services;
  const seat = (role: Role) => t.members.find((m) => m.role === role)!.as;
  const procurement = seat('procurement');
  const fixed = chapters.map((c) => ({ ...c, clauses: c.clauses.map((clause) => ({ ...clause, status: 'fixed' as const })) }));
  // The clauses are written and fixed while the session is held: the two are independent, the agreement (afspraak) links both.
  const writing = (async () => {
    const ids = await writeDemoAgreement(services, procurement, chain, fixed);
    await setDemoClauseStatuses(procurement, chain, [...ids.values()].map((clauseId) => ({ clauseId, status: 'fixed' })));
    return ids;
  })();

  const topics = await models.topics.find({ trajectoryId: chain }, { title: 1 }).lean();
  const topicId = (title: string) => topics.find((x) => x.title === title)?._id;
  const agenda = ['Drempels voor toelating', 'Tariefdifferentiatie', 'Zorgcontinuïteit en overbruggingsafspraken'].flatMap((title) => topicId(title) ?? []);
  const continuity = topicId('Zorgcontinuïteit en overbruggingsafspraken');
  const voters = t.members.filter((m) => (['municipality', 'provider', 'client', 'procurement'] as Role[]).includes(m.role));
  const holding = holdDemoSession(
    services,
    { trajectoryId: chain, planner: procurement, facilitator: seat('facilitator'), attendees: t.members.map((m) => m.as) },
    {
      title: 'Dialoogsessie 4 van 4: afronding concept-inkoopovereenkomst',
      description: 'De laatste sessie voor de besluitvorming over de definitieve inkoopovereenkomst.',
      startsAt: new Date('2025-06-05T07:30:00Z'),
      endsAt: new Date('2025-06-05T11:00:00Z'),
      location: "Stadhuis Zutphen, 's-Gravenhof 2",
      agenda: agenda.map((id) => ({ topicId: id, minutes: 50 })),
      declaration,
      startedAt: new Date('2025-06-05T07:32:00Z'),
      endedAt: new Date('2025-06-05T10:55:00Z'),
      agendaIndex: 2,
      movedAt: [new Date('2025-06-05T08:30:00Z'), new Date('2025-06-05T09:25:00Z')],
      polls: [
        {
          settings: {
            kind: 'consent',
            question: 'Overbruggingsovereenkomsten lopen tot 1 juli 2026, met een warme overdracht. Akkoord?',
            options: [],
            anonymous: false,
            resultsVisibility: 'live',
            eligibleGroups: [],
            ...(continuity ? { topicId: String(continuity) } : {}),
          },
          atAgendaIndex: 2,
          openedAt: new Date('2025-06-05T10:10:00Z'),
          openMinutes: 8,
          ballotEveryMs: 5_000,
          ballots: voters.map((v, i) => ({
            as: v.as,
            choice: v.role === 'provider' && i % 2 === 0 ? { kind: 'consent' as const, option: 'object' as const, reason: 'Zes maanden is krap voor lopende behandelingen.' } : { kind: 'consent' as const, option: 'agree' as const },
          })),
        },
      ],
    },
  );
  const [clauseIds, sessionId] = await Promise.all([writing, holding]);

  if (continuity) {
    const poll = await models.polls.findOne({ sessionId }, { _id: 1 }).lean();
    await recordOutcome(procurement, {
      params: { trajectoryId: chain },
      body: {
        topicId: String(continuity),
        sessionId,
        text: 'Wie al hulp krijgt, houdt zijn hulpverlener: overbruggingsovereenkomsten lopen tot 1 juli 2026, met een warme overdracht.',
        category: 'contractual',
        horizon: 'before_start',
        status: 'agreed',
        links: { pollIds: poll ? [String(poll._id)] : [], amendmentIds: [], versionIds: [], clauseIds: [clauseIds.get('Overbruggingsafspraken')!] },
      },
    });
  }
}
