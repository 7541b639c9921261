import * as Y from 'yjs';
import { audienceOf } from '../commands/sessions/session-view';
import { clauseDocumentName, numberClauses } from '../../shared/domain/agreement';
import { documentText } from '../../shared/domain/clause-text';
import type { SearchKind } from '../../shared/schemas/search';
import type { Models } from '../models';
import type { ChangeKind } from '../services';
import type { Visibility } from './visibility';
import { attachmentPolicy } from '../../shared/domain/attachments';
import { listTrajectoryAttachments } from '../attachments/attachment-list';

/*
 * What search indexes, one source per kind of record. Each source reads a trajectory's records
 * of its kind once (on the first search, and again after a change of its kind) and turns them
 * into documents that carry their own visibility facts. A new kind is one more entry in
 * `searchSources` (and its kind in shared/schemas/search.ts).
 *
 * Never indexed: who wrote something (anonymous input stays unlinkable; an erased person's name
 * is not kept in memory), who asked a question, and comments on draft reports (their authors and
 * the procurement team read them).
 */

export interface SearchDocument {
  /** Unique in the trajectory, e.g. `comment:<id>` or `comment:<id>:reply:<id>`. */
  id: string;
  kind: SearchKind;
  title: string;
  text: string;
  /** The client path of the item. */
  path: string;
  visibility: Visibility;
}

export interface SourceContext {
  models: Models;
  trajectoryId: string;
  /** The text of a clause document (regional text or a variant), as held in memory or as stored. */
  clauseText(documentName: string): Promise<string>;
}

export interface SearchSource {
  name: string;
  /** Changes of the trajectory after which this source is read again. */
  changes: readonly ChangeKind[];
  load(ctx: SourceContext): Promise<SearchDocument[]>;
}

const base = (trajectoryId: string) => `/trajecten/${trajectoryId}`;

interface ClauseInfo {
  number: number;
  title: string;
}

async function clauseInfo(models: Models, trajectoryId: string): Promise<Map<string, ClauseInfo>> {
  const [chapters, clauses] = await Promise.all([
    models.chapters.find({ trajectoryId }, { position: 1 }).lean(),
    models.clauses.find({ trajectoryId }, { chapterId: 1, position: 1, title: 1 }).lean(),
  ]);
  const numbers = numberClauses(
    chapters.map((c) => ({ id: String(c._id), position: c.position })),
    clauses.map((c) => ({ id: String(c._id), chapterId: String(c.chapterId), position: c.position })),
  );
  return new Map(clauses.map((c) => [String(c._id), { number: numbers.get(String(c._id)) ?? 0, title: c.title }]));
}

const clauseLabel = (info: ClauseInfo | undefined) => (info ? `${info.number}. ${info.title}` : '—');

const topics: SearchSource = {
  name: 'topics',
  changes: ['topics'],
  async load({ models, trajectoryId }) {
    const records = await models.topics.find({ trajectoryId }, { title: 1, description: 1 }).lean();
    return records.map((t) => ({
      id: `topic:${String(t._id)}`,
      kind: 'topic',
      title: t.title,
      text: t.description,
      path: `${base(trajectoryId)}/onderwerpen/${String(t._id)}`,
      visibility: { action: 'topic.list' },
    }));
  },
};

/** Clause titles with their regional text and each municipality variant's text. */
const clauses: SearchSource = {
  name: 'clauses',
  changes: ['agreement'],
  async load({ models, trajectoryId, clauseText }) {
    const [info, records] = await Promise.all([clauseInfo(models, trajectoryId), models.clauses.find({ trajectoryId }, { title: 1, status: 1, variants: 1 }).lean()]);
    const documents: SearchDocument[] = [];
    for (const clause of records) {
      const clauseId = String(clause._id);
      const label = clauseLabel(info.get(clauseId));
      const path = `${base(trajectoryId)}/overeenkomst/artikelen/${clauseId}`;
      const regional = clauseDocumentName(trajectoryId, clauseId);
      documents.push({ id: `clause:${clauseId}`, kind: 'clause', title: label, text: regional, path, visibility: { action: 'agreement.view', clauseDocument: { name: regional, status: clause.status } } });
      for (const variant of clause.variants) {
        const name = clauseDocumentName(trajectoryId, clauseId, String(variant._id));
        documents.push({ id: `clause:${clauseId}:variant:${String(variant._id)}`, kind: 'clause', title: `${label} — ${variant.label}`, text: name, path, visibility: { action: 'agreement.view', clauseDocument: { name, status: clause.status } } });
      }
    }
    // The texts are read side by side (the context bounds how many at once); `text` held the document's name until now.
    const texts = await Promise.all(documents.map((d) => clauseText(d.text)));
    documents.forEach((d, i) => (d.text = texts[i]!));
    return documents;
  },
};

/** Comments and their replies, each a result of its own; their authors are never indexed. */
const comments: SearchSource = {
  name: 'comments',
  changes: ['comments', 'agreement'],
  async load({ models, trajectoryId }) {
    const [info, records] = await Promise.all([clauseInfo(models, trajectoryId), models.comments.find({ trajectoryId }, { clauseId: 1, body: 1, replies: 1 }).lean()]);
    return records.flatMap((c) => {
      const title = clauseLabel(info.get(String(c.clauseId)));
      const path = `${base(trajectoryId)}/overeenkomst/artikelen/${String(c.clauseId)}`;
      const visibility: Visibility = { action: 'agreement.view' };
      return [
        { id: `comment:${String(c._id)}`, kind: 'comment' as const, title, text: c.body, path, visibility },
        ...c.replies.map((r) => ({ id: `comment:${String(c._id)}:reply:${String(r._id)}`, kind: 'comment' as const, title, text: r.body, path, visibility })),
      ];
    });
  },
};

const amendments: SearchSource = {
  name: 'amendments',
  changes: ['amendments', 'agreement'],
  async load({ models, trajectoryId }) {
    const [info, records] = await Promise.all([
      clauseInfo(models, trajectoryId),
      models.amendments.find({ trajectoryId }, { clauseId: 1, proposedText: 1, motivation: 1, reason: 1, replies: 1 }).lean(),
    ]);
    const path = `${base(trajectoryId)}/overeenkomst/wijzigingsvoorstellen`;
    const visibility: Visibility = { action: 'agreement.view' };
    return records.flatMap((a) => {
      const title = clauseLabel(info.get(String(a.clauseId)));
      return [
        { id: `amendment:${String(a._id)}`, kind: 'amendment' as const, title, text: [a.proposedText, a.motivation, a.reason ?? ''].filter(Boolean).join('\n'), path, visibility },
        ...a.replies.map((r) => ({ id: `amendment:${String(a._id)}:reply:${String(r._id)}`, kind: 'amendment' as const, title, text: r.body, path, visibility })),
      ];
    });
  },
};

/**
 * Questions as the questions page shows them: a published question with its answer to everyone;
 * before publication the question to the team that answers and to its asker only, and a drafted
 * answer to the team only.
 */
const questions: SearchSource = {
  name: 'questions',
  changes: ['questions'],
  async load({ models, trajectoryId }) {
    const records = await models.questions.find({ trajectoryId }, { text: 1, answer: 1, status: 1, number: 1, askedBy: 1 }).lean();
    const path = `${base(trajectoryId)}/vragen`;
    return records.flatMap((q): SearchDocument[] => {
      const id = `question:${String(q._id)}`;
      const title = q.number !== null ? `${q.number}. ${firstWords(q.text)}` : firstWords(q.text);
      if (q.status === 'published') return [{ id, kind: 'question', title, text: [q.text, q.answer ?? ''].join('\n'), path, visibility: { action: 'question.list' } }];
      const drafts: SearchDocument[] = [{ id, kind: 'question', title, text: q.text, path, visibility: { action: 'question.list', restricted: { action: 'question.answer', userIds: [String(q.askedBy)] } } }];
      if (q.answer) drafts.push({ id: `${id}:answer`, kind: 'question', title, text: q.answer, path, visibility: { action: 'question.list', restricted: { action: 'question.answer', userIds: [] } } });
      return drafts;
    });
  },
};

const outcomes: SearchSource = {
  name: 'outcomes',
  changes: ['outcomes', 'topics'],
  async load({ models, trajectoryId }) {
    const [records, topicRecords] = await Promise.all([
      models.outcomes.find({ trajectoryId }, { topicId: 1, number: 1, text: 1, positions: 1, actions: 1 }).lean(),
      models.topics.find({ trajectoryId }, { title: 1 }).lean(),
    ]);
    const titles = new Map(topicRecords.map((t) => [String(t._id), t.title]));
    return records.map((o) => ({
      id: `outcome:${String(o._id)}`,
      kind: 'outcome',
      title: `${o.number}. ${titles.get(String(o.topicId)) ?? '—'}`,
      text: [o.text, ...o.positions.map((p) => `${p.party}: ${p.position}`), ...o.actions.map((a) => a.description)].join('\n'),
      path: `${base(trajectoryId)}/onderwerpen/${String(o.topicId)}`,
      visibility: { action: 'outcome.list' },
    }));
  },
};

/** Session reports: the summary and what the report holds of topics, agreements and actions; never the attendance list. */
const reports: SearchSource = {
  name: 'reports',
  changes: ['reports', 'sessions'],
  async load({ models, trajectoryId }) {
    const [records, sessions] = await Promise.all([
      models.reports.find({ trajectoryId }, { sessionId: 1, summary: 1, content: 1 }).lean(),
      // Who each session is open to: a closed session's report is found only by those it invites.
      models.dialogueSessions.find({ trajectoryId }, { audience: 1 }).lean(),
    ]);
    const audience = new Map(sessions.map((s) => [String(s._id), audienceOf(s)]));
    return records.map((r) => {
      const content = r.content;
      const parts = [
        r.summary,
        ...content.topics.flatMap((t) => [t.title ?? '', ...t.outcomes.map((o) => o.text), ...t.polls.map((p) => p.question)]),
        ...content.actions.map((a) => a.description),
      ];
      return {
        id: `report:${String(r._id)}`,
        kind: 'report',
        title: content.session.title,
        text: parts.filter(Boolean).join('\n'),
        path: `${base(trajectoryId)}/sessies/${String(r.sessionId)}/verslag`,
        visibility: { action: 'report.view', session: { audience: audience.get(String(r.sessionId)) ?? null } },
      };
    });
  },
};

/**
 * Attachment names, each found where its parent is and seen by whoever may read the parent
 * (shared/domain/attachments.ts): a file of an unpublished question only by the team that
 * answers and its asker, of an unpublished answer by the team only. Who uploaded is never indexed.
 */
const attachments: SearchSource = {
  name: 'attachments',
  changes: ['attachments', 'questions'],
  async load({ models, trajectoryId }) {
    const files = await listTrajectoryAttachments(models, trajectoryId);
    if (files.length === 0) return [];
    const questionIds = files.filter((f) => f.parentKind === 'question' || f.parentKind === 'answer').map((f) => f.parentId);
    const questionRecords = questionIds.length ? await models.questions.find({ trajectoryId }, { status: 1, askedBy: 1 }).lean() : [];
    const question = new Map(questionRecords.map((q) => [String(q._id), q]));
    const t = base(trajectoryId);
    return files.flatMap((f): SearchDocument[] => {
      const doc = (path: string, visibility: Visibility): SearchDocument[] => [{ id: `attachment:${f.id}`, kind: 'attachment', title: f.name, text: f.name, path, visibility }];
      switch (f.parentKind) {
        case 'topic':
          return doc(`${t}/onderwerpen/${f.parentId}`, { action: attachmentPolicy.topic.view });
        case 'clause':
          return doc(`${t}/overeenkomst/artikelen/${f.parentId}`, { action: attachmentPolicy.clause.view });
        case 'session':
          return doc(`${t}/sessies`, { action: attachmentPolicy.session.view });
        case 'consultation':
          return doc(`${t}/overeenkomst/consultatie/${f.parentId}`, { action: attachmentPolicy.consultation.view });
        case 'question':
        case 'answer': {
          const q = question.get(f.parentId);
          if (!q) return [];
          if (q.status === 'published') return doc(`${t}/vragen`, { action: 'question.list' });
          const askers = f.parentKind === 'question' ? [String(q.askedBy)] : [];
          return doc(`${t}/vragen`, { action: 'question.list', restricted: { action: 'question.answer', userIds: askers } });
        }
        case 'application':
          // An applicant's documents: the procurement team that reviews only.
          return doc(`${t}/toetreding/${f.parentId}`, { action: attachmentPolicy.application.view });
      }
    });
  },
};

/** Every source; a new kind is one entry here. */
export const searchSources: readonly SearchSource[] = [topics, clauses, comments, amendments, questions, outcomes, reports, attachments];

function firstWords(text: string, max = 120): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.lastIndexOf(' ', max);
  return `${flat.slice(0, cut > 40 ? cut : max)} …`;
}

/** The plain text of a stored clause document (one not held in memory). */
export function storedDocumentText(state: Uint8Array | null): string {
  if (!state) return '';
  const doc = new Y.Doc({ gc: true });
  try {
    Y.applyUpdate(doc, state);
    return documentText(doc);
  } finally {
    doc.destroy();
  }
}
