import { createHash } from 'node:crypto';
import * as Y from 'yjs';
import { clauseDocumentName, numberClauses } from '../../../shared/domain/agreement';
import { documentText } from '../../../shared/domain/clause-text';
import type { AnnexEntryDto, AnnexPollDto, FinalChapterDto, FinalSnapshotDto } from '../../../shared/schemas/final';
import { canonicalJson } from '../../audit/canonical-json';
import type { Models } from '../../models';
import type { ClauseRecord } from '../../models/agreement';
import type { PollRecord } from '../../models/poll';
import type { Services } from '../../services';

export const sha256 = (value: unknown) => createHash('sha256').update(canonicalJson(value)).digest('hex');

async function textOf(services: Services, name: string): Promise<string> {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, await services.documents.state(name));
    return documentText(doc);
  } finally {
    doc.destroy();
  }
}

/** Chapters and clauses in order, numbered straight through, with the text of each clause and of each municipality variant. */
export async function readChapters(services: Services, trajectoryId: string): Promise<{ chapters: FinalChapterDto[]; clauses: ClauseRecord[]; numbers: Map<string, number> }> {
  const { models } = services;
  const [chapters, clauses] = await Promise.all([models.chapters.find({ trajectoryId }).sort({ position: 1 }).lean(), models.clauses.find({ trajectoryId }).lean()]);
  const numbers = numberClauses(
    chapters.map((c) => ({ id: String(c._id), position: c.position })),
    clauses.map((c) => ({ id: String(c._id), chapterId: String(c.chapterId), position: c.position })),
  );
  const out: FinalChapterDto[] = [];
  for (const [index, chapter] of chapters.entries()) {
    const inChapter = clauses.filter((c) => String(c.chapterId) === String(chapter._id)).sort((a, b) => a.position - b.position);
    const items = [];
    for (const clause of inChapter) {
      const id = String(clause._id);
      items.push({
        id,
        number: numbers.get(id) ?? 0,
        title: clause.title,
        text: await textOf(services, clauseDocumentName(trajectoryId, id)),
        variants: await Promise.all(
          clause.variants.map(async (v) => ({ id: String(v._id), label: v.label, municipalities: [...v.municipalities], text: await textOf(services, clauseDocumentName(trajectoryId, id, String(v._id))) })),
        ),
      });
    }
    out.push({ id: String(chapter._id), number: index + 1, title: chapter.title, clauses: items });
  }
  return { chapters: out, clauses, numbers };
}

function pollView(poll: PollRecord, via: AnnexPollDto['via'], sessions: Map<string, { title: string }>): AnnexPollDto {
  const label = (optionId: string) => poll.options.find((o) => o.id === optionId)?.label ?? optionId;
  const session = poll.sessionId ? sessions.get(String(poll.sessionId)) : undefined;
  return {
    id: String(poll._id),
    question: poll.question,
    kind: poll.kind,
    via,
    session: session && poll.sessionId ? { id: String(poll.sessionId), title: session.title } : null,
    closedAt: poll.closedAt ? poll.closedAt.toISOString() : null,
    result:
      poll.status === 'closed' && poll.result
        ? { ballots: poll.result.ballots, leaders: poll.result.leaders.map(label), consent: poll.result.consent ?? null }
        : null,
  };
}

/**
 * Per clause: its topics, the sessions that had one of those topics on the agenda, the polls on
 * those topics or on amendments of the clause, and the agreements (afspraken) that name the
 * clause or are about one of its topics.
 */
async function annexEntries(models: Models, trajectoryId: string, chapters: FinalChapterDto[], clauses: ClauseRecord[]): Promise<AnnexEntryDto[]> {
  const [topics, sessions, polls, amendments, outcomes] = await Promise.all([
    models.topics.find({ trajectoryId }, { title: 1 }).lean(),
    models.dialogueSessions.find({ trajectoryId }, { title: 1, startsAt: 1, agenda: 1 }).sort({ startsAt: 1 }).lean(),
    models.polls.find({ trajectoryId }).sort({ openedAt: 1 }).lean(),
    models.amendments.find({ trajectoryId }, { clauseId: 1 }).lean(),
    models.outcomes.find({ trajectoryId }).sort({ number: 1 }).lean(),
  ]);
  const topicTitles = new Map(topics.map((t) => [String(t._id), t.title]));
  const sessionTitles = new Map(sessions.map((s) => [String(s._id), { title: s.title }]));
  const byId = new Map(clauses.map((c) => [String(c._id), c]));
  return chapters.flatMap((chapter) =>
    chapter.clauses.map((item) => {
      const clause = byId.get(item.id)!;
      const topicIds = new Set(clause.topicIds.map(String));
      const amendmentIds = new Set(amendments.filter((a) => String(a.clauseId) === item.id).map((a) => String(a._id)));
      return {
        clauseId: item.id,
        clauseNumber: item.number,
        clauseTitle: item.title,
        topics: [...topicIds].flatMap((id) => (topicTitles.has(id) ? [{ id, title: topicTitles.get(id)! }] : [])),
        sessions: sessions
          .filter((s) => s.agenda.some((a) => topicIds.has(String(a.topicId))))
          .map((s) => ({ id: String(s._id), title: s.title, startsAt: s.startsAt.toISOString() })),
        polls: polls.flatMap((p) =>
          p.amendmentId && amendmentIds.has(String(p.amendmentId))
            ? [pollView(p, 'amendment', sessionTitles)]
            : p.topicId && topicIds.has(String(p.topicId))
              ? [pollView(p, 'topic', sessionTitles)]
              : [],
        ),
        outcomes: outcomes
          .filter((o) => o.clauseIds.some((c) => String(c) === item.id) || topicIds.has(String(o.topicId)))
          .map((o) => ({
            id: String(o._id),
            number: o.number,
            text: o.text,
            status: o.status,
            topic: topicTitles.has(String(o.topicId)) ? { id: String(o.topicId), title: topicTitles.get(String(o.topicId))! } : null,
          })),
      };
    }),
  );
}

/** Everything the definitive agreement holds, as it is now; the audit head is read last. */
export async function buildSnapshot(services: Services, trajectoryId: string, trajectoryName: string): Promise<{ snapshot: FinalSnapshotDto; textHash: string; contentHash: string }> {
  const { chapters, clauses } = await readChapters(services, trajectoryId);
  const entries = await annexEntries(services.models, trajectoryId, chapters, clauses);
  const last = await services.models.auditEvents.findOne({ chain: trajectoryId }).sort({ seq: -1 }).lean();
  const snapshot: FinalSnapshotDto = {
    title: `Inkoopovereenkomst ${trajectoryName}`,
    chapters,
    annex: { entries, audit: last ? { seq: last.seq, hash: last.hash, at: last.at.toISOString() } : null },
  };
  return { snapshot, textHash: sha256(chapters), contentHash: sha256(snapshot) };
}
