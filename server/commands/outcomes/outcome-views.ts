import type { OutcomeDto } from '../../../shared/schemas/outcomes';
import type { Models } from '../../models';
import { findByIds } from '../../models/by-ids';
import { organisationNames, userNames } from '../../models/names';
import type { OutcomeRecord } from '../../models/outcome';

/** Titles and names an outcome's DTO shows, loaded once for a whole list. */
export interface OutcomeLabels {
  topics: Map<string, string>;
  sessions: Map<string, { title: string; startsAt: Date }>;
  users: Map<string, string>;
  /** Organisation name per user, from their seat at this table. */
  organisationOfUser: Map<string, string>;
}

const unique = (values: unknown[]) => [...new Set(values.filter(Boolean).map(String))];

async function loadOutcomeLabels(models: Models, trajectoryId: string, records: OutcomeRecord[]): Promise<OutcomeLabels> {
  const userIds = unique(records.flatMap((o) => [o.recordedBy, ...o.actions.map((a) => a.ownerUserId)]));
  const [topics, sessions, users, seats] = await Promise.all([
    findByIds(models.topics, records.map((o) => o.topicId), { title: 1 }),
    findByIds(models.dialogueSessions, records.map((o) => o.sessionId), { title: 1, startsAt: 1 }),
    userNames(models, userIds),
    userIds.length ? models.memberships.find({ trajectoryId, userId: { $in: userIds } }, { userId: 1, organisationId: 1 }).lean() : [],
  ]);
  const organisationName = await organisationNames(models, seats.map((s) => s.organisationId));
  return {
    topics: new Map(topics.map((t) => [String(t._id), t.title])),
    sessions: new Map(sessions.map((s) => [String(s._id), { title: s.title, startsAt: s.startsAt }])),
    users,
    organisationOfUser: new Map(seats.map((s) => [String(s.userId), organisationName.get(String(s.organisationId)) ?? '—'])),
  };
}

function outcomeView(o: OutcomeRecord, labels: OutcomeLabels): OutcomeDto {
  const session = o.sessionId ? labels.sessions.get(String(o.sessionId)) : undefined;
  return {
    id: String(o._id),
    number: o.number,
    topic: { id: String(o.topicId), title: labels.topics.get(String(o.topicId)) ?? '—' },
    session: session && o.sessionId ? { id: String(o.sessionId), title: session.title, startsAt: session.startsAt.toISOString() } : null,
    text: o.text,
    category: o.category,
    horizon: o.horizon,
    status: o.status,
    positions: o.positions.map((p) => ({ party: p.party, position: p.position })),
    actions: o.actions.map((a) => ({
      id: String(a._id),
      description: a.description,
      owner: { id: String(a.ownerUserId), name: labels.users.get(String(a.ownerUserId)) ?? '—', organisationName: labels.organisationOfUser.get(String(a.ownerUserId)) ?? '—' },
      dueDate: a.dueDate,
      status: a.status,
    })),
    links: {
      pollIds: o.pollIds.map(String),
      amendmentIds: o.amendmentIds.map(String),
      versionIds: o.versionIds.map(String),
      clauseIds: o.clauseIds.map(String),
    },
    recordedBy: { name: labels.users.get(String(o.recordedBy)) ?? '—' },
    createdAt: o.createdAt.toISOString(),
    updatedAt: o.updatedAt.toISOString(),
  };
}

export async function outcomeViews(models: Models, trajectoryId: string, records: OutcomeRecord[]): Promise<OutcomeDto[]> {
  const labels = await loadOutcomeLabels(models, trajectoryId, records);
  return records.map((o) => outcomeView(o, labels));
}
