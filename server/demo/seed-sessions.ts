import type { Types } from 'mongoose';
import type { Role } from '../../shared/domain/roles';
import type { BallotChoice, PollSettings } from '../../shared/live-table/polls';
import type { OperationContext } from '../commands/operation';
import type { Services } from '../services';
import { holdDemoSession, planDemoSession } from './seed-live';

export interface SeededTrajectory {
  trajectoryId: string;
  topicIds: Types.ObjectId[];
  members: Array<{ personKey: string; role: Role; as: OperationContext }>;
}

const declaration = { outcomeKind: 'advice' as const, decidedBy: 'de colleges van B&W van de zeven gemeenten' };

/** 13:00 today in Europe/Amsterdam, as an instant. */
function todayAt13Amsterdam(now = new Date()): Date {
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(now);
  const offset = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Amsterdam', timeZoneName: 'shortOffset' })
    .formatToParts(now)
    .find((p) => p.type === 'timeZoneName')!.value.replace('GMT', '');
  const [hours = '0', minutes = '0'] = (offset || '+0').replace('+', '').split(':');
  const sign = offset.startsWith('-') ? -1 : 1;
  const local = Date.parse(`${day}T13:00:00Z`);
  return new Date(local - sign * (Math.abs(Number(hours)) * 60 + Number(minutes)) * 60_000);
}

/**
 * The IJmond demo table gets a past session with closed polls (so results, turnout per group and
 * the declaration can be seen) and a session planned for today, which the facilitator can start.
 * The procurement team plans them, the facilitator runs the past one at the live table.
 */
export async function seedDemoSessions(services: Services, t: SeededTrajectory): Promise<void> {
  const [t0, t1, t2, t3, t4, t5] = t.topicIds;
  const seat = (role: Role) => t.members.find((m) => m.role === role)!.as;
  const voters = t.members.filter((m) => ['municipality', 'provider', 'client', 'procurement'].includes(m.role));
  const polls: Array<{ settings: PollSettings; choices: (role: Role, i: number) => BallotChoice; at: string; atAgendaIndex: number }> = [
    {
      settings: { kind: 'consent', question: 'Bij een wisseling van aanbieder geldt een overgangstermijn van zes maanden waarin de zorg doorloopt. Akkoord?', options: [], anonymous: false, resultsVisibility: 'live', eligibleGroups: [], ...(t0 ? { topicId: String(t0) } : {}) },
      choices: (role, i) => (role === 'provider' && i % 3 === 2 ? { kind: 'consent', option: 'object', reason: 'Zes maanden is kort voor kleine praktijken met een wachtlijst.' } : role === 'client' && i % 2 === 1 ? { kind: 'consent', option: 'abstain' } : { kind: 'consent', option: 'agree' }),
      at: '2026-10-22T12:40:00Z',
      atAgendaIndex: 0,
    },
    {
      settings: {
        kind: 'multiple_choice',
        question: 'Welke onderwerpen bespreken we in sessie 2 als eerste? (kies er twee)',
        options: [
          { id: 'bekostiging', label: 'Bekostiging en budgetplafond' },
          { id: 'acceptatieplicht', label: 'Acceptatieplicht' },
          { id: 'innovatie', label: 'Zorginnovatie' },
          { id: 'wachtlijsten', label: 'Wachtlijstproblematiek' },
        ],
        maxChoices: 2,
        anonymous: true,
        resultsVisibility: 'after_close',
        eligibleGroups: [],
        ...(t2 ? { topicId: String(t2) } : {}),
      },
      choices: (role, i) => ({ kind: 'multiple_choice', options: role === 'client' ? ['wachtlijsten', 'acceptatieplicht'] : i % 2 ? ['bekostiging', 'wachtlijsten'] : ['bekostiging', 'acceptatieplicht'] }),
      at: '2026-10-22T14:45:00Z',
      atAgendaIndex: 2,
    },
  ];
  await holdDemoSession(
    services,
    { trajectoryId: t.trajectoryId, planner: seat('procurement'), facilitator: seat('facilitator'), attendees: t.members.map((m) => m.as) },
    {
      title: 'Dialoogsessie 1: continuïteit en de overgang naar 18+',
      description: 'Eerste sessie van de dialoogfase.',
      startsAt: new Date('2026-10-22T12:00:00Z'),
      endsAt: new Date('2026-10-22T15:00:00Z'),
      location: 'Stadhuis Haarlem, Grote Markt 2',
      agenda: [t0, t1, t2].flatMap((topicId) => (topicId ? [{ topicId, minutes: 40 }] : [])),
      declaration,
      startedAt: new Date('2026-10-22T12:02:00Z'),
      endedAt: new Date('2026-10-22T14:55:00Z'),
      agendaIndex: 2,
      movedAt: [new Date('2026-10-22T12:55:00Z'), new Date('2026-10-22T13:50:00Z')],
      polls: polls.map((p) => ({
        settings: p.settings,
        atAgendaIndex: p.atAgendaIndex,
        openedAt: new Date(p.at),
        openMinutes: 10,
        ballotEveryMs: 7_000,
        ballots: voters.map((v, i) => ({ as: v.as, choice: p.choices(v.role, i) })),
      })),
    },
  );

  await planDemoSession(seat('procurement'), t.trajectoryId, {
    title: 'Dialoogsessie 2: bekostiging, acceptatieplicht en innovatie',
    description: 'Tweede sessie van de dialoogfase. De volgorde van de onderwerpen volgt uit de stemming in sessie 1.',
    startsAt: todayAt13Amsterdam(),
    endsAt: new Date(todayAt13Amsterdam().getTime() + 3 * 60 * 60_000),
    location: 'Raadhuis Velsen, Dudokplein 1, IJmuiden',
    onlineUrl: 'https://vergaderen.example/dialoogtafel-ijmond',
    agenda: [t3, t4, t5].flatMap((topicId) => (topicId ? [{ topicId, minutes: 45 }] : [])),
    declaration,
  });
}
