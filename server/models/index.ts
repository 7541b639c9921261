import type { Connection } from 'mongoose';
import { agreementVersionModel } from './agreement-version';
import { chapterModel, clauseModel } from './agreement';
import { amendmentModel } from './amendment';
import { auditEventModel } from './audit-event';
import { clauseCommentModel } from './clause-comment';
import { questionModel } from './question';
import { outcomeModel } from './outcome';
import { consultationModel, consultationReactionModel } from './consultation';
import { reportModel } from './report';
import { reportCommentModel } from './report-comment';
import { sessionAttendanceModel } from './session-attendance';
import { finalAgreementModel, finalSealModel } from './final-agreement';
import { changeRoundStateModel, contractVersionModel } from './change-round';
import { collabSnapshotModel } from './collab-snapshot';
import { collabUpdateModel } from './collab-update';
import { auditHeadModel } from './audit-head';
import { ballotModel } from './ballot';
import { joinCodeModel } from '../live-table/join-code-model';
import { dialogueSessionModel } from './dialogue-session';
import { pollModel } from './poll';
import { pollDeadlineModel } from './poll-deadline';
import { invitationModel } from './invitation';
import { lockModel } from './lock';
import { sequenceModel } from './sequence';
import { membershipModel } from './membership';
import { organisationModel } from './organisation';
import { outboxMessageModel } from './outbox-message';
import { passwordResetModel } from './password-reset';
import { regionModel } from './region';
import { sessionModel } from './session';
import { topicModel } from './topic';
import { trajectoryModel } from './trajectory';
import { userModel } from './user';
import { migrate } from './migrations';
import { mandateModel } from './mandate';
import { mediationRequestModel, mediationThreadModel } from './mediation';
import { publicationModel } from './publication';
import { attachmentChunkModel, attachmentModel } from './attachment';
import { calendarSubscriptionModel } from './calendar-subscription';
import { visitMarkModel } from './visit-mark';
import { admissionBookModel, applicationModel } from '../admission/admission-models';
import { notificationInboxModel, notificationMarkModel, notificationPreferencesModel, notificationQueueModel, notificationSentModel } from './notification';

export function createModels(connection: Connection) {
  return {
    users: userModel(connection),
    sessions: sessionModel(connection),
    organisations: organisationModel(connection),
    regions: regionModel(connection),
    trajectories: trajectoryModel(connection),
    memberships: membershipModel(connection),
    invitations: invitationModel(connection),
    topics: topicModel(connection),
    passwordResets: passwordResetModel(connection),
    outbox: outboxMessageModel(connection),
    auditEvents: auditEventModel(connection),
    auditHeads: auditHeadModel(connection),
    dialogueSessions: dialogueSessionModel(connection),
    polls: pollModel(connection),
    pollDeadlines: pollDeadlineModel(connection),
    ballots: ballotModel(connection),
    locks: lockModel(connection),
    sequences: sequenceModel(connection),
    collabUpdates: collabUpdateModel(connection),
    collabSnapshots: collabSnapshotModel(connection),
    chapters: chapterModel(connection),
    clauses: clauseModel(connection),
    comments: clauseCommentModel(connection),
    amendments: amendmentModel(connection),
    versions: agreementVersionModel(connection),
    questions: questionModel(connection),
    outcomes: outcomeModel(connection),
    consultations: consultationModel(connection),
    consultationReactions: consultationReactionModel(connection),
    sessionAttendance: sessionAttendanceModel(connection),
    reports: reportModel(connection),
    reportComments: reportCommentModel(connection),
    finalAgreements: finalAgreementModel(connection),
    finalSeals: finalSealModel(connection),
    changeRounds: changeRoundStateModel(connection),
    contractVersions: contractVersionModel(connection),
    publications: publicationModel(connection),
    attachments: attachmentModel(connection),
    attachmentChunks: attachmentChunkModel(connection),
    calendarSubscriptions: calendarSubscriptionModel(connection),
    visitMarks: visitMarkModel(connection),
    notificationQueue: notificationQueueModel(connection),
    notificationSent: notificationSentModel(connection),
    notificationInboxes: notificationInboxModel(connection),
    notificationPreferences: notificationPreferencesModel(connection),
    notificationMarks: notificationMarkModel(connection),
    admissionBooks: admissionBookModel(connection),
    admissionApplications: applicationModel(connection),
    mandates: mandateModel(connection),
    mediationRequests: mediationRequestModel(connection),
    joinCodes: joinCodeModel(connection),
    mediationThreads: mediationThreadModel(connection),
  };
}

export type Models = ReturnType<typeof createModels>;

/**
 * Builds every index before the server takes traffic, so unique constraints hold from the first
 * request, and brings records stored by an earlier version into today's shape (migrations.ts).
 */
export async function ensureIndexes(models: Models): Promise<void> {
  await migrate(models);
  await Promise.all(Object.values(models).map((m) => (m as { init(): Promise<unknown> }).init()));
}
