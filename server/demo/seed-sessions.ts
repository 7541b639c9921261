import type { Types } from 'mongoose';
import { stakeholderGroupByRole, type Role } from '../../shared/domain/roles';
import { tallyPoll } from '../../shared/live-table/tally';
import type { BallotChoice, PollSettings } from '../../shared/live-table/polls';
import type { AuditDraft } from '../audit/audit-log';
import { electorateOf, settingsOf, voterKey } from '../live-table/live-state';
import type { Services } from '../services';
import { seedDemoAttendance } from './seed-attendance';

export interface SeededTrajectory {
  trajectoryId: string;
  topicIds: Types.ObjectId[];
  members: Array<{ personKey: string; userId: string; role: Role }>;
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
 */
export async function seedDemoSessions(services: Services, t: SeededTrajectory, log: (d: Omit<AuditDraft, 'actorId'>) => Promise<unknown>): Promise<void> {
  const { models } = services;
  const chain = t.trajectoryId;
  const [t0, t1, t2, t3, t4, t5] = t.topicIds;
  const past = await models.dialogueSessions.create({
    trajectoryId: t.trajectoryId,
    title: 'Dialoogsessie 1: continuïteit en de overgang naar 18+',
    description: 'Eerste sessie van de dialoogfase.',
    startsAt: new Date('2026-10-22T12:00:00Z'),
    endsAt: new Date('2026-10-22T15:00:00Z'),
    location: 'Stadhuis Haarlem, Grote Markt 2',
    agenda: [t0, t1, t2].map((topicId) => ({ topicId, minutes: 40 })),
    declaration,
    status: 'ended',
    live: { currentIndex: 2, timer: null, queue: [], floorUserId: null, startedAt: new Date('2026-10-22T12:02:00Z'), endedAt: new Date('2026-10-22T14:55:00Z') },
  });
  await log({ chain, action: 'session.create', objectType: 'session', objectId: String(past._id), summary: { title: past.title, demo: true } });
  await seedDemoAttendance(services, past);

  const voters = t.members.filter((m) => ['municipality', 'provider', 'client', 'procurement'].includes(m.role));
  const polls: Array<{ settings: PollSettings; choices: (role: Role, i: number) => BallotChoice; topicId: Types.ObjectId | undefined; at: string }> = [
    {
      settings: { kind: 'consent', question: 'Bij een wisseling van aanbieder geldt een overgangstermijn van zes maanden waarin de zorg doorloopt. Akkoord?', options: [], anonymous: false, resultsVisibility: 'live', eligibleGroups: [] },
      choices: (role, i) => (role === 'provider' && i % 3 === 2 ? { kind: 'consent', option: 'object', reason: 'Zes maanden is kort voor kleine praktijken met een wachtlijst.' } : role === 'client' && i % 2 === 1 ? { kind: 'consent', option: 'abstain' } : { kind: 'consent', option: 'agree' }),
      topicId: t0,
      at: '2026-10-22T12:40:00Z',
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
      },
      choices: (role, i) => ({ kind: 'multiple_choice', options: role === 'client' ? ['wachtlijsten', 'acceptatieplicht'] : i % 2 ? ['bekostiging', 'wachtlijsten'] : ['bekostiging', 'acceptatieplicht'] }),
      topicId: t2,
      at: '2026-10-22T14:45:00Z',
    },
  ];
  for (const p of polls) {
    const openedAt = new Date(p.at);
    const poll = await models.polls.create({
      trajectoryId: t.trajectoryId,
      sessionId: past._id,
      topicId: p.topicId ?? null,
      kind: p.settings.kind,
      question: p.settings.question,
      options: p.settings.options,
      maxChoices: p.settings.maxChoices ?? null,
      anonymous: p.settings.anonymous,
      resultsVisibility: p.settings.resultsVisibility,
      eligibleGroups: p.settings.eligibleGroups,
      openedAt,
      declaration,
    });
    await log({ chain, action: 'poll.open', objectType: 'poll', objectId: String(poll._id), summary: { sessionId: String(past._id), kind: p.settings.kind, question: p.settings.question, anonymous: p.settings.anonymous } });
    const counted = [];
    for (const [i, v] of voters.entries()) {
      const choice = p.choices(v.role, i);
      const group = stakeholderGroupByRole[v.role];
      const castAt = new Date(openedAt.getTime() + 60_000 + i * 7_000);
      await models.ballots.create({ pollId: poll._id, voterKey: voterKey(services.config.sessionSecret, String(poll._id), v.userId), voterId: p.settings.anonymous ? null : v.userId, group, choice, castAt, updatedAt: castAt });
      counted.push({ group, choice });
      await log({ chain, action: 'poll.ballot', objectType: 'poll', objectId: String(poll._id), summary: p.settings.anonymous ? { group } : { group, choice } });
    }
    const record = poll.toObject();
    const electorate = await electorateOf(services, record);
    const result = tallyPoll(settingsOf(record), counted, electorate);
    await models.polls.updateOne({ _id: poll._id }, { $set: { status: 'closed', closedAt: new Date(openedAt.getTime() + 10 * 60_000), result, electorate } });
    await log({ chain, action: 'poll.close', objectType: 'poll', objectId: String(poll._id), summary: { reason: 'manual', ballots: result.ballots, leaders: result.leaders } });
  }

  const today = await models.dialogueSessions.create({
    trajectoryId: t.trajectoryId,
    title: 'Dialoogsessie 2: bekostiging, acceptatieplicht en innovatie',
    description: 'Tweede sessie van de dialoogfase. De volgorde van de onderwerpen volgt uit de stemming in sessie 1.',
    startsAt: todayAt13Amsterdam(),
    endsAt: new Date(todayAt13Amsterdam().getTime() + 3 * 60 * 60_000),
    location: 'Raadhuis Velsen, Dudokplein 1, IJmuiden',
    onlineUrl: 'https://vergaderen.example/dialoogtafel-ijmond',
    agenda: [t3, t4, t5].filter(Boolean).map((topicId) => ({ topicId, minutes: 45 })),
    declaration,
  });
  await log({ chain, action: 'session.create', objectType: 'session', objectId: String(today._id), summary: { title: today.title, demo: true } });
}
