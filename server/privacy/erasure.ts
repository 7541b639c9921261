import { Types } from 'mongoose';
import type { Models } from '../models';
import type { ReportContent } from '../../shared/schemas/reports';
import { formerParticipantLabelOf } from './former-participant';

/** An address that can never receive mail (RFC 2606 `.invalid`) and stays unique per account. */
const erasedEmail = (userId: string) => `erased-${userId}@erased.invalid`;
/** Not an argon2 hash: no password verifies against it. */
const erasedPasswordHash = '!erased';

export interface ErasureResult {
  userId: string;
  pseudonym: string;
  removed: { signIns: number; passwordResetLinks: number; invitations: number; outboxMail: number; calendarSubscriptions?: number; visitMarks?: number };
  reportsUpdated: number;
}

/**
 * Erases a person's personal data (AVG article 17) and keeps what they contributed. Their record
 * stays, under a pseudonym by stakeholder group, so every place that shows a name (read from the
 * user record by id at read time: comments, amendments, presence, reports, exports, the audit log)
 * shows "oud-deelnemer (…)". Audit events refer to people by id only, so the chains are untouched
 * and still verify. Report snapshots (stored content) get the pseudonym in place of the name.
 */
export async function eraseAccount(models: Models, userId: string): Promise<ErasureResult> {
  const user = await models.users.findById(userId).lean();
  if (!user) throw new Error('no such account');
  const id = new Types.ObjectId(userId);
  const pseudonym = await formerParticipantLabelOf(models, userId);
  const oldName = user.name;
  const oldEmail = user.email;

  // The account first: from this moment nobody can sign in as them or reach them by e-mail.
  await models.users.updateOne({ _id: id }, { $set: { name: pseudonym, email: erasedEmail(userId), passwordHash: erasedPasswordHash, platformAdmin: false, erasedAt: new Date() } });
  const [signIns, resets, pendingInvitations, outbox] = await Promise.all([
    models.sessions.deleteMany({ userId: id }),
    models.passwordResets.deleteMany({ userId: id }),
    // Links not yet used go; accepted invitations stay (the audit log refers to them), without address or name.
    models.invitations.deleteMany({ email: oldEmail, acceptedAt: null }),
    models.outbox.deleteMany({ to: oldEmail }),
  ]);
  // Notifications: their centre, their choices, mail still queued for them and the sent log of it.
  await Promise.all([
    models.notificationInboxes.deleteOne({ _id: id }),
    models.notificationPreferences.deleteOne({ _id: id }),
    models.notificationQueue.deleteMany({ userId: id }),
    models.notificationSent.deleteMany({ userId: id }),
  ]);
  await models.invitations.updateMany({ $or: [{ email: oldEmail }, { acceptedBy: id }] }, { $set: { email: erasedEmail(userId), name: null } });

  // The calendar address stops working, and when they were last where goes.
  const seatTrajectories = (await models.memberships.find({ userId: id }, { trajectoryId: 1 }).lean()).map((m) => `${userId}:${String(m.trajectoryId)}`);
  const [subscriptions, visitMarks] = await Promise.all([
    models.calendarSubscriptions.deleteOne({ _id: userId }),
    models.visitMarks.deleteMany({ _id: { $in: seatTrajectories } }),
  ]);

  // Stored report snapshots name attendees by id and action owners by name: both get the pseudonym.
  const trajectoryIds = (await models.memberships.find({ userId: id }, { trajectoryId: 1 }).lean()).map((m) => m.trajectoryId);
  const reports = await models.reports.find({ trajectoryId: { $in: trajectoryIds } }, { content: 1 }).lean();
  let reportsUpdated = 0;
  for (const report of reports) {
    const content = report.content as ReportContent;
    let changed = false;
    for (const group of content.attendance ?? []) {
      for (const person of group.people) {
        if (person.userId === userId && person.name !== pseudonym) {
          person.name = pseudonym;
          changed = true;
        }
      }
    }
    for (const action of content.actions ?? []) {
      if (action.owner.name === oldName) {
        action.owner.name = pseudonym;
        changed = true;
      }
    }
    if (changed) {
      await models.reports.updateOne({ _id: report._id }, { $set: { content } });
      reportsUpdated++;
    }
  }
  return {
    userId,
    pseudonym,
    removed: {
      signIns: signIns.deletedCount,
      passwordResetLinks: resets.deletedCount,
      invitations: pendingInvitations.deletedCount,
      outboxMail: outbox.deletedCount,
      calendarSubscriptions: subscriptions.deletedCount,
      visitMarks: visitMarks.deletedCount,
    },
    reportsUpdated,
  };
}
