import type { AttachmentParentKind } from '../schemas/attachments';
import type { TrajectoryAction } from './permissions';

/**
 * Whose policy an attachment follows: a file may be read by whoever may read its parent, and
 * added, replaced or removed by whoever may change the parent. Questions and answers add the
 * rules of the nota van inlichtingen on the server (server/attachments/attachment-parents.ts):
 * another provider's unpublished question, or an unpublished answer, is not visible, so neither
 * are its files.
 */
export const attachmentPolicy = {
  topic: { view: 'topic.list', manage: 'topic.update' },
  clause: { view: 'agreement.view', manage: 'agreement.manage' },
  session: { view: 'session.view', manage: 'session.manage' },
  question: { view: 'question.list', manage: 'question.ask' },
  answer: { view: 'question.list', manage: 'question.answer' },
  consultation: { view: 'consultation.view', manage: 'consultation.manage' },
  // An application for admission: its documents are the applicant's and the procurement team's only.
  application: { view: 'admission.review', manage: 'admission.review' },
} as const satisfies Record<AttachmentParentKind, { view: TrajectoryAction; manage: TrajectoryAction }>;

/**
 * The file types procurement documents come in, by the type their content shows (not their
 * name). The name's extension must fit the content too. Text files have no signature: they are
 * accepted as UTF-8 without NUL bytes and without an HTML start. Every type is served as a
 * download, never shown inline.
 */
export const allowedAttachmentTypes = {
  pdf: { mime: 'application/pdf', extensions: ['pdf'] },
  docx: { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extensions: ['docx'] },
  xlsx: { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extensions: ['xlsx'] },
  odt: { mime: 'application/vnd.oasis.opendocument.text', extensions: ['odt'] },
  ods: { mime: 'application/vnd.oasis.opendocument.spreadsheet', extensions: ['ods'] },
  png: { mime: 'image/png', extensions: ['png'] },
  jpg: { mime: 'image/jpeg', extensions: ['jpg', 'jpeg'] },
  csv: { mime: 'text/csv; charset=utf-8', extensions: ['csv'] },
  txt: { mime: 'text/plain; charset=utf-8', extensions: ['txt'] },
} as const;
export type AllowedAttachmentType = keyof typeof allowedAttachmentTypes;

/** For the file picker's `accept`: a hint only; the server decides by content. */
export const attachmentAccept = Object.values(allowedAttachmentTypes)
  .flatMap((t) => t.extensions.map((e) => `.${e}`))
  .join(',');
