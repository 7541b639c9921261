import { attachmentPolicy } from '../../shared/domain/attachments';
import { roleMay } from '../../shared/domain/permissions';
import type { AttachmentParentKind } from '../../shared/schemas/attachments';
import { AppError, notFound } from '../errors';
import type { Models } from '../models';
import { authorizeTrajectory } from '../commands/access';
import type { OperationContext, TrajectoryAccess } from '../commands/operation';

/** What the attachment rules need to know about a parent. */
interface Parent {
  /** Questions: who asked, and whether it (with its answer) is published. */
  askedBy?: string;
  published?: boolean;
}

async function findParent(models: Models, trajectoryId: string, kind: AttachmentParentKind, parentId: string): Promise<Parent | null> {
  const inTrajectory = { _id: parentId, trajectoryId };
  switch (kind) {
    case 'topic':
      return (await models.topics.exists(inTrajectory)) ? {} : null;
    case 'clause':
      return (await models.clauses.exists(inTrajectory)) ? {} : null;
    case 'session':
      return (await models.dialogueSessions.exists(inTrajectory)) ? {} : null;
    case 'consultation':
      return (await models.consultations.exists(inTrajectory)) ? {} : null;
    case 'application': {
      const application = await models.admissionApplications.findById(parentId, { trajectoryId: 1 }).lean();
      return application && String(application.trajectoryId) === trajectoryId ? {} : null;
    }
    case 'question':
    case 'answer': {
      const question = await models.questions.findOne(inTrajectory, { askedBy: 1, status: 1 }).lean();
      return question ? { askedBy: String(question.askedBy), published: question.status === 'published' } : null;
    }
  }
}

export interface ParentAccess extends TrajectoryAccess {
  /** May add, replace and remove files here (and see removed ones). */
  mayManage: boolean;
}

/** The procurement team (and a platform administrator without a seat) sees every question and draft answer. */
function seesDrafts(access: TrajectoryAccess): boolean {
  return access.seat ? roleMay(access.seat.role, 'question.answer') : access.user.platformAdmin;
}

function mayManage(kind: AttachmentParentKind, access: TrajectoryAccess, parent: Parent): boolean {
  const action = attachmentPolicy[kind].manage;
  const byRole = access.seat ? roleMay(access.seat.role, action) : access.user.platformAdmin;
  if (!byRole) return false;
  // A provider's own question, and the procurement team's answer, until the answers are published.
  if (kind === 'question') return parent.askedBy === access.user.userId && !parent.published;
  if (kind === 'answer') return !parent.published;
  return true;
}

function mayView(kind: AttachmentParentKind, access: TrajectoryAccess, parent: Parent): boolean {
  if (kind === 'question') return seesDrafts(access) || parent.askedBy === access.user.userId || parent.published === true;
  if (kind === 'answer') return seesDrafts(access) || parent.published === true;
  return true;
}

/**
 * Asks the parent's policy: the trajectory policy for the kind's view action first (non-members
 * are told the trajectory does not exist), then the parent itself, which must be in this
 * trajectory and visible to the person; a parent they may not see is not found, like its files.
 */
export async function authorizeParent(ctx: OperationContext, trajectoryId: string, kind: AttachmentParentKind, parentId: string, need: 'view' | 'manage'): Promise<ParentAccess> {
  const access = await authorizeTrajectory(ctx, trajectoryId, attachmentPolicy[kind].view);
  const parent = await findParent(ctx.services.models, trajectoryId, kind, parentId);
  if (!parent || !mayView(kind, access, parent)) throw notFound();
  const manage = mayManage(kind, access, parent);
  if (need === 'manage' && !manage) {
    const published = (kind === 'question' || kind === 'answer') && parent.published;
    throw published ? new AppError('conflict', 'This question has been published; its files do not change any more.', { reason: 'published' }) : new AppError('forbidden', 'Your role does not allow this.');
  }
  return { ...access, mayManage: manage };
}

/** Whether a question's attachments hide who uploaded them from this person (as its asker is hidden). */
export function hidesUploader(kind: AttachmentParentKind, access: TrajectoryAccess): boolean {
  return kind === 'question' && !seesDrafts(access);
}
