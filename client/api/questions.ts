import type { z } from 'zod';
import type { answerQuestionRequest, askQuestionRequest, publishResult } from '../../shared/schemas/questions';
import { call, routeUrl } from './call';

// Questions and answers (nota van inlichtingen). Types only from shared/: the schemas
// themselves stay out of the browser bundle.
export type AskQuestionInput = z.input<typeof askQuestionRequest>;
export type AnswerQuestionInput = z.input<typeof answerQuestionRequest>;
export type PublishResult = z.infer<typeof publishResult>;

/** Why the server refused (409): the reason it gives in `error.fields.reason`. */
export type QuestionConflictReason = 'deadline_passed' | 'published' | 'nothing_to_publish';

export const questionApi = {
  overview: (trajectoryId: string, signal?: AbortSignal) => call('listQuestions', { params: { trajectoryId } }, signal),
  ask: (trajectoryId: string, input: AskQuestionInput) => call('askQuestion', { params: { trajectoryId }, body: input }),
  answer: (trajectoryId: string, questionId: string, input: AnswerQuestionInput) => call('answerQuestion', { params: { trajectoryId, questionId }, body: input }),
  publish: (trajectoryId: string) => call('publishAnswers', { params: { trajectoryId } }),
  /** Download links for the published list (plain links: the browser saves the file). */
  docxUrl: (trajectoryId: string) => routeUrl('answersDocumentDocx', { trajectoryId }),
  pdfUrl: (trajectoryId: string) => routeUrl('answersDocumentPdf', { trajectoryId }),
};
