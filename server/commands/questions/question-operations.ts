import { findPublication, recordPublication, withChainHead } from '../../audit/publication';
import { amsterdam, questionDeadline } from '../../../shared/domain/calendar';
import { roleMay } from '../../../shared/domain/permissions';
import { id } from '../../../shared/schemas/common';
import { answerQuestionRequest, askQuestionRequest, type PublishedQuestionDto, type QuestionDto, type QuestionsOverviewDto } from '../../../shared/schemas/questions';
import { AppError, notFound } from '../../errors';
import type { Models } from '../../models';
import { organisationNames, userNames } from '../../models/names';
import type { QuestionRecord } from '../../models/question';
import type { ExportDocument } from '../../export/document';
import { defineTrajectoryOperation, noBody, type TrajectoryAccess } from '../operation';
import { trajectoryParams } from '../trajectories/trajectory-operations';
import { notifyAnswersPublished } from '../../notifications/events';
import { findByIds } from '../../models/by-ids';

const questionParams = trajectoryParams.extend({ questionId: id });
const qaLock = (p: { trajectoryId: string }) => `questions:${p.trajectoryId}`;

interface Labels {
  topics: Map<string, string>;
  clauses: Map<string, string>;
  users: Map<string, string>;
  organisations: Map<string, string>;
}

async function labelsFor(models: Models, records: QuestionRecord[]): Promise<Labels> {
  const ids = (pick: (q: QuestionRecord) => unknown) => [...new Set(records.map(pick).filter(Boolean).map(String))];
  const [topics, clauses, users, organisations] = await Promise.all([
    findByIds(models.topics, ids((q) => q.topicId), { title: 1 }),
    findByIds(models.clauses, ids((q) => q.clauseId), { title: 1 }),
    userNames(models, records.map((q) => q.askedBy)),
    organisationNames(models, records.map((q) => q.askerOrganisationId)),
  ]);
  return {
    topics: new Map(topics.map((t) => [String(t._id), t.title])),
    clauses: new Map(clauses.map((c) => [String(c._id), c.title])),
    users,
    organisations,
  };
}

const ref = (id: unknown, titles: Map<string, string>) => (id && titles.has(String(id)) ? { id: String(id), title: titles.get(String(id))! } : null);

function questionView(q: QuestionRecord, labels: Labels, seesDrafts: boolean): QuestionDto {
  return {
    id: String(q._id),
    text: q.text,
    topic: ref(q.topicId, labels.topics),
    clause: ref(q.clauseId, labels.clauses),
    status: q.status,
    answer: q.status === 'published' || seesDrafts ? q.answer : null,
    askedBy: seesDrafts ? { name: labels.users.get(String(q.askedBy)) ?? '—', organisationName: labels.organisations.get(String(q.askerOrganisationId)) ?? '—' } : null,
    number: q.number,
    createdAt: q.createdAt.toISOString(),
    publishedAt: q.publishedAt ? q.publishedAt.toISOString() : null,
  };
}

function publishedView(q: QuestionRecord, labels: Labels): PublishedQuestionDto {
  return {
    number: q.number!,
    text: q.text,
    answer: q.answer ?? '',
    topic: ref(q.topicId, labels.topics),
    clause: ref(q.clauseId, labels.clauses),
    publishedAt: q.publishedAt!.toISOString(),
  };
}

/** Everything the questions page shows the person asking: never another provider's unpublished question. */
async function overview(models: Models, trajectoryId: string, access: TrajectoryAccess, milestones: Array<{ kind: string; date: string }>): Promise<QuestionsOverviewDto> {
  const role = access.seat?.role ?? null;
  const seesDrafts = role !== null && roleMay(role, 'question.answer');
  const [mine, published] = await Promise.all([
    models.questions.find(seesDrafts ? { trajectoryId } : { trajectoryId, askedBy: access.user.userId }).sort({ createdAt: 1 }).lean(),
    models.questions.find({ trajectoryId, status: 'published' }).sort({ number: 1 }).lean(),
  ]);
  const labels = await labelsFor(models, [...mine, ...published]);
  const deadline = questionDeadline(milestones);
  return {
    deadline: deadline?.date ?? null,
    open: deadline?.open ?? true,
    questions: mine.map((q) => questionView(q, labels, seesDrafts)),
    published: published.map((q) => publishedView(q, labels)),
    mayAsk: role !== null && roleMay(role, 'question.ask'),
    mayAnswer: seesDrafts,
  };
}

export const listQuestions = defineTrajectoryOperation({
  name: 'question.list',
  action: 'question.list',
  params: trajectoryParams,
  body: noBody,
  run: async (ctx, p, _b, access) => ({ result: await overview(ctx.services.models, p.trajectoryId, access, access.trajectory.milestones) }),
});

/** A provider's question, until the end of the question deadline's day in Amsterdam. */
export const askQuestion = defineTrajectoryOperation({
  name: 'question.ask',
  action: 'question.ask',
  params: trajectoryParams,
  body: askQuestionRequest,
  run: async (ctx, p, body, access) => {
    const { models } = ctx.services;
    const deadline = questionDeadline(access.trajectory.milestones);
    if (deadline && !deadline.open) throw new AppError('conflict', `The deadline for questions (${deadline.date}) has passed.`, { reason: 'deadline_passed' });
    if (body.topicId && !(await models.topics.exists({ _id: body.topicId, trajectoryId: p.trajectoryId }))) {
      throw new AppError('validation_failed', 'The input is not valid.', { topicId: 'is not a topic of this trajectory' });
    }
    if (body.clauseId && !(await models.clauses.exists({ _id: body.clauseId, trajectoryId: p.trajectoryId }))) {
      throw new AppError('validation_failed', 'The input is not valid.', { clauseId: 'is not a clause of this trajectory' });
    }
    const question = await models.questions.create({
      trajectoryId: p.trajectoryId,
      askedBy: access.user.userId,
      askerOrganisationId: access.seat?.organisationId ?? null,
      text: body.text,
      topicId: body.topicId,
      clauseId: body.clauseId,
    });
    const labels = await labelsFor(models, [question.toObject()]);
    return {
      result: questionView(question.toObject(), labels, false),
      // The log names the question, not its content: before publication no provider may read another's question.
      // No actor either: who asked is not for the table to read, also not in the log.
      audit: [{ chain: p.trajectoryId, action: 'question.ask', objectType: 'question', objectId: String(question._id), summary: {}, anonymous: true }],
      publish: [{ trajectoryId: p.trajectoryId, what: 'questions' }],
    };
  },
});

/** The procurement team drafts or changes the answer of a question that is not published yet. */
export const answerQuestion = defineTrajectoryOperation({
  name: 'question.answer',
  action: 'question.answer',
  params: questionParams,
  body: answerQuestionRequest,
  lock: qaLock,
  run: async (ctx, p, body, access) => {
    const { models } = ctx.services;
    const question = await models.questions.findOne({ _id: p.questionId, trajectoryId: p.trajectoryId }).lean();
    if (!question) throw notFound();
    if (question.status === 'published') throw new AppError('conflict', 'This answer has been published; it does not change any more.', { reason: 'published' });
    await models.questions.updateOne({ _id: p.questionId }, { $set: { answer: body.answer, status: 'answered', answeredBy: access.user.userId, answeredAt: new Date() } });
    const updated = (await models.questions.findById(p.questionId).lean())!;
    return {
      result: questionView(updated, await labelsFor(models, [updated]), true),
      audit: [{ chain: p.trajectoryId, action: 'question.answer', objectType: 'question', objectId: p.questionId, summary: {} }],
      publish: [{ trajectoryId: p.trajectoryId, what: 'questions' }],
    };
  },
});

/**
 * Publishes every answered question at one moment, numbered on from the last publication. The
 * lock makes two clicks one publication; with nothing answered there is nothing to publish.
 */
export const publishAnswers = defineTrajectoryOperation({
  name: 'question.publish',
  action: 'question.publish',
  params: trajectoryParams,
  body: noBody,
  lock: qaLock,
  run: async (ctx, p) => {
    const { models } = ctx.services;
    const answered = await models.questions.find({ trajectoryId: p.trajectoryId, status: 'answered' }).sort({ createdAt: 1 }).lean();
    if (answered.length === 0) throw new AppError('conflict', 'There are no answered questions to publish.', { reason: 'nothing_to_publish' });
    const last = await models.questions.findOne({ trajectoryId: p.trajectoryId, status: 'published' }).sort({ number: -1 }).lean();
    const publishedAt = new Date();
    let number = last?.number ?? 0;
    await models.questions.bulkWrite(
      answered.map((q) => ({ updateOne: { filter: { _id: q._id, status: 'answered' }, update: { $set: { status: 'published', number: ++number, publishedAt } } } })),
      { ordered: true },
    );
    await recordPublication(models, ctx.services.config, 'nota', p.trajectoryId, p.trajectoryId);
    return {
      result: { published: answered.length, publishedAt: publishedAt.toISOString() },
      audit: [{ chain: p.trajectoryId, action: 'question.publish', objectType: 'trajectory', objectId: p.trajectoryId, summary: { questions: answered.length, through: number } }],
      publish: [{ trajectoryId: p.trajectoryId, what: 'questions' }],
      notify: [notifyAnswersPublished(p.trajectoryId, number)],
    };
  },
});

/** The published answers as a nota van inlichtingen, in the format asked for: numbered, without askers. */
export const answersDocument = defineTrajectoryOperation({
  name: 'question.export',
  action: 'question.list',
  params: trajectoryParams,
  body: noBody,
  run: async (ctx, p, _b, access): Promise<{ result: ExportDocument }> => {
    const published = await ctx.services.models.questions.find({ trajectoryId: p.trajectoryId, status: 'published' }).sort({ number: 1 }).lean();
    const labels = await labelsFor(ctx.services.models, published);
    const when = new Intl.DateTimeFormat('nl-NL', { timeZone: amsterdam, dateStyle: 'long' });
    const publication = published.length ? await findPublication(ctx.services.models, 'nota', p.trajectoryId) : null;
    return {
      result: withChainHead({
        title: 'Nota van inlichtingen',
        subtitle: access.trajectory.name,
        sections: published.map((q) => {
          const about = [ref(q.topicId, labels.topics)?.title, ref(q.clauseId, labels.clauses)?.title].filter(Boolean).join(' · ');
          return {
            heading: `Vraag ${q.number}${about ? ` — ${about}` : ''}`,
            paragraphs: [
              { label: 'Vraag:', text: q.text },
              { label: 'Antwoord:', text: q.answer ?? '' },
              { label: 'Gepubliceerd:', text: when.format(q.publishedAt!) },
            ],
          };
        }),
        footer: published.length === 0 ? 'Er zijn nog geen antwoorden gepubliceerd.' : `${published.length} vragen en antwoorden, zonder de namen van wie ze stelden.`,
      }, publication),
    };
  },
});
