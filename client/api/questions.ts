import type { z } from 'zod';
import type { answerQuestionRequest, askQuestionRequest, publishResult, QuestionDto, QuestionsOverviewDto } from '../../shared/schemas/questions';
import { request } from './client';

// Questions and answers (nota van inlichtingen). Types only from shared/: the schemas
// themselves stay out of the browser bundle.
export type AskQuestionInput = z.input<typeof askQuestionRequest>;
export type AnswerQuestionInput = z.input<typeof answerQuestionRequest>;
export type PublishResult = z.infer<typeof publishResult>;

/** Why the server refused (409): the reason it gives in `error.fields.reason`. */
export type QuestionConflictReason = 'deadline_passed' | 'published' | 'nothing_to_publish';

const enc = encodeURIComponent;
const questionsPath = (trajectoryId: string) => `/api/trajectories/${enc(trajectoryId)}/questions`;

export const questionApi = {
  overview: (trajectoryId: string, signal?: AbortSignal) =>
    request<QuestionsOverviewDto>('GET', questionsPath(trajectoryId), undefined, signal),
  ask: (trajectoryId: string, input: AskQuestionInput) => request<QuestionDto>('POST', questionsPath(trajectoryId), input),
  answer: (trajectoryId: string, questionId: string, input: AnswerQuestionInput) =>
    request<QuestionDto>('PUT', `${questionsPath(trajectoryId)}/${enc(questionId)}/answer`, input),
  publish: (trajectoryId: string) => request<PublishResult>('POST', `${questionsPath(trajectoryId)}/publish`),
  /** Download links for the published list (plain links: the browser saves the file). */
  docxUrl: (trajectoryId: string) => `${questionsPath(trajectoryId)}/nota.docx`,
  pdfUrl: (trajectoryId: string) => `${questionsPath(trajectoryId)}/nota.pdf`,
};
