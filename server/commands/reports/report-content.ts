import { roles } from '../../../shared/domain/roles';
import type { ReportAction, ReportAttendanceGroup, ReportContent, ReportOutcome, ReportPoll, ReportTopic } from '../../../shared/schemas/reports';
import { pollFields } from '../../live-table/live-state';
import { userNames } from '../../models/names';
import type { DialogueSessionRecord } from '../../models/dialogue-session';
import type { PollRecord } from '../../models/poll';
import type { Services } from '../../services';
import { agendaAsHeld } from './agenda-held';
import { anonymousClientLabel } from '../../../shared/schemas/anonymity';
import { findByIds } from '../../models/by-ids';

const generalKey = 'topic:general';
const topicKey = (topicId: unknown) => (topicId ? `topic:${String(topicId)}` : generalKey);

/** A closed poll as stored at closing: its frozen result and declaration, never a recount. */
function reportPoll(poll: PollRecord): ReportPoll | null {
  if (!poll.result) return null;
  return { ...pollFields(poll, poll.result), status: 'closed', result: poll.result };
}

/**
 * Takes the snapshot a report shows: attendance, the declaration, the agenda as held, per topic
 * the closed polls and the agreements recorded at this session, and their open actions.
 */
export async function buildReportContent(services: Services, session: DialogueSessionRecord, now = new Date()): Promise<ReportContent> {
  const { models } = services;
  const sessionId = String(session._id);
  const [attendance, polls, outcomes, log] = await Promise.all([
    models.sessionAttendance.find({ sessionId: session._id }).lean(),
    models.polls.find({ sessionId: session._id, status: 'closed' }).sort({ openedAt: 1 }).lean(),
    models.outcomes.find({ sessionId: session._id }).sort({ number: 1 }).lean(),
    // Only a session started before its moves were kept needs the audit log (agenda-held.ts).
    session.live.moves
      ? []
      : models.auditEvents
          .find({ chain: String(session.trajectoryId), objectType: 'session', objectId: sessionId, action: { $in: ['session.start', 'agenda.move', 'session.end'] } }, { action: 1, at: 1, summary: 1, seq: 1 })
          .sort({ seq: 1 })
          .lean(),
  ]);

  const owners = outcomes.flatMap((o) => o.actions.map((a) => a.ownerUserId));
  const topicIds = [...session.agenda.map((a) => a.topicId), ...polls.map((p) => p.topicId), ...outcomes.map((o) => o.topicId)].filter(Boolean);
  const [topics, nameOf, ownerSeats] = await Promise.all([
    findByIds(models.topics, topicIds, { title: 1, summary: 1 }),
    userNames(models, [...attendance.filter((a) => !a.anonymous).map((a) => a.userId), ...owners]),
    models.memberships.find({ trajectoryId: session.trajectoryId, userId: { $in: owners } }, { userId: 1, organisationId: 1 }).lean(),
  ]);
  const organisations = await findByIds(models.organisations, [...attendance.map((a) => a.organisationId), ...ownerSeats.map((s) => s.organisationId)].filter(Boolean), { name: 1 });
  const titles = new Map(topics.map((t) => [String(t._id), t.title]));
  const summaries = new Map(topics.map((t) => [String(t._id), t.summary ?? '']));
  const organisationName = new Map(organisations.map((o) => [String(o._id), o.name]));

  const invited = session.audience ? await userNames(models, session.audience.userIds) : new Map<string, string>();
  return {
    audience: session.audience ? { groups: [...session.audience.groups], people: session.audience.userIds.map((id) => invited.get(String(id)) ?? '—') } : null,
    session: {
      id: sessionId,
      title: session.title,
      startsAt: session.startsAt.toISOString(),
      endsAt: session.endsAt ? session.endsAt.toISOString() : null,
      location: session.location,
      status: session.status,
      startedAt: session.live.startedAt ? new Date(session.live.startedAt).toISOString() : null,
      endedAt: session.live.endedAt ? new Date(session.live.endedAt).toISOString() : null,
    },
    declaration: { outcomeKind: session.declaration.outcomeKind, decidedBy: session.declaration.decidedBy },
    attendance: attendanceGroups(attendance, nameOf, organisationName),
    agenda: agendaAsHeld(session, titles, log, now),
    topics: topicSections(session, polls, outcomes, titles, summaries),
    actions: outcomes.flatMap((o) =>
      o.actions
        .filter((a) => a.status === 'open')
        .map((a): ReportAction => {
          const seat = ownerSeats.find((s) => String(s.userId) === String(a.ownerUserId));
          return {
            outcomeNumber: o.number,
            description: a.description,
            owner: { name: nameOf.get(String(a.ownerUserId)) ?? '—', organisationName: (seat && organisationName.get(String(seat.organisationId))) ?? '—' },
            dueDate: a.dueDate,
          };
        }),
    ).sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.outcomeNumber - b.outcomeNumber),
  };
}

/** Per role (in the table's order), then per organisation by name; people by name. */
function attendanceGroups(
  records: Array<{ userId: unknown; role: (typeof roles)[number]; organisationId: unknown; anonymous?: boolean; firstSeenAt: Date; lastSeenAt: Date }>,
  nameOf: Map<string, string>,
  organisationName: Map<string, string>,
): ReportAttendanceGroup[] {
  const groups = new Map<string, ReportAttendanceGroup>();
  for (const r of records) {
    if (r.anonymous) {
      // A client representative who chose anonymity: no name, no organisation, no id.
      const key = `${r.role}:anonymous`;
      if (!groups.has(key)) groups.set(key, { role: r.role, organisation: { id: null, name: '—' }, people: [] });
      groups.get(key)!.people.push({ userId: '', name: anonymousClientLabel, firstSeenAt: r.firstSeenAt.toISOString(), lastSeenAt: r.lastSeenAt.toISOString() });
      continue;
    }
    const orgId = r.organisationId ? String(r.organisationId) : null;
    const key = `${r.role}:${orgId}`;
    if (!groups.has(key)) groups.set(key, { role: r.role, organisation: { id: orgId, name: (orgId && organisationName.get(orgId)) ?? '—' }, people: [] });
    groups.get(key)!.people.push({ userId: String(r.userId), name: nameOf.get(String(r.userId)) ?? '—', firstSeenAt: r.firstSeenAt.toISOString(), lastSeenAt: r.lastSeenAt.toISOString() });
  }
  const list = [...groups.values()];
  for (const g of list) g.people.sort((a, b) => a.name.localeCompare(b.name, 'nl'));
  return list.sort((a, b) => roles.indexOf(a.role) - roles.indexOf(b.role) || a.organisation.name.localeCompare(b.organisation.name, 'nl'));
}

/** The agenda's topics in order, then other topics the session's polls or agreements were about, then those about no topic. */
function topicSections(
  session: DialogueSessionRecord,
  polls: PollRecord[],
  outcomes: Array<{ _id: unknown; topicId: unknown; number: number; text: string; category: ReportOutcome['category']; horizon: ReportOutcome['horizon']; status: ReportOutcome['status']; positions: ReportOutcome['positions'] }>,
  titles: Map<string, string>,
  summaries: Map<string, string>,
): ReportTopic[] {
  const sections = new Map<string, ReportTopic>();
  const section = (topicId: unknown) => {
    const key = topicKey(topicId);
    if (!sections.has(key)) {
      const summary = topicId ? summaries.get(String(topicId)) : undefined;
      sections.set(key, { key, topicId: topicId ? String(topicId) : null, title: topicId ? (titles.get(String(topicId)) ?? '—') : null, ...(summary ? { summary } : {}), polls: [], outcomes: [] });
    }
    return sections.get(key)!;
  };
  for (const item of session.agenda) section(item.topicId);
  for (const poll of polls) {
    const view = reportPoll(poll);
    if (view && poll.topicId) section(poll.topicId).polls.push(view);
  }
  for (const o of outcomes) {
    section(o.topicId).outcomes.push({ id: String(o._id), number: o.number, text: o.text, category: o.category, horizon: o.horizon, status: o.status, positions: o.positions.map((p) => ({ party: p.party, position: p.position })) });
  }
  // Polls about no topic (e.g. the order of the next session's topics) come last.
  for (const poll of polls) {
    const view = reportPoll(poll);
    if (view && !poll.topicId) section(null).polls.push(view);
  }
  return [...sections.values()];
}
