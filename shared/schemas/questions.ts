import { z } from 'zod';
import { id } from './common';

/*
 * Questions and answers (nota van inlichtingen): providers ask until the trajectory's question
 * deadline; the procurement team answers; publishing releases every answered question to every
 * member at the same moment, numbered and without the askers' names.
 */

export const askQuestionRequest = z
  .object({
    text: z.string().trim().min(1, 'is required').max(5000, 'is too long'),
    /** What the question is about, if it concerns a topic or a clause of the draft agreement. */
    topicId: id.nullable().default(null),
    clauseId: id.nullable().default(null),
  })
  .strict();

export const answerQuestionRequest = z.object({ answer: z.string().trim().min(1, 'is required').max(10_000, 'is too long') }).strict();

export const questionStatuses = ['submitted', 'answered', 'published'] as const;

/** A question as its asker or the procurement team sees it before publication. */
export const questionDto = z.object({
  id: z.string(),
  text: z.string(),
  topic: z.object({ id: z.string(), title: z.string() }).nullable(),
  clause: z.object({ id: z.string(), title: z.string() }).nullable(),
  status: z.enum(questionStatuses),
  /** Draft answers are shown to the procurement team only; the asker sees the answer once published. */
  answer: z.string().nullable(),
  /** Only for the procurement team, never in the published list. */
  askedBy: z.object({ name: z.string(), organisationName: z.string() }).nullable(),
  number: z.number().nullable(),
  createdAt: z.string(),
  publishedAt: z.string().nullable(),
});
export type QuestionDto = z.infer<typeof questionDto>;

/** A published question: numbered, with its answer, never with who asked it. */
const publishedQuestionDto = z.object({
  number: z.number(),
  text: z.string(),
  answer: z.string(),
  topic: z.object({ id: z.string(), title: z.string() }).nullable(),
  clause: z.object({ id: z.string(), title: z.string() }).nullable(),
  publishedAt: z.string(),
});
export type PublishedQuestionDto = z.infer<typeof publishedQuestionDto>;

export const questionsOverviewDto = z.object({
  /** The question deadline that applies now (YYYY-MM-DD, end of that day in Europe/Amsterdam), or null when none is set. */
  deadline: z.string().nullable(),
  /** Whether questions are accepted now. */
  open: z.boolean(),
  /** My own questions (providers), or every question (procurement team). */
  questions: z.array(questionDto),
  published: z.array(publishedQuestionDto),
  mayAsk: z.boolean(),
  mayAnswer: z.boolean(),
});
export type QuestionsOverviewDto = z.infer<typeof questionsOverviewDto>;

export const publishResult = z.object({ published: z.number(), publishedAt: z.string() });
