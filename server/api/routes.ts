import type { Response } from 'express';
import { inviteInBulk, previewBulkInvitations } from '../commands/invitations/bulk-invitations';
import { parse as parseCookie } from 'cookie';
import { type MeResponse } from '../../shared/schemas/auth';
import { sessionCookieName, absoluteTimeoutMs } from '../auth/session-store';
import { listOutbox } from '../commands/admin/outbox';
import { verifyPlatformAudit } from '../commands/admin/platform-audit';
import { listAuditEvents, verifyAuditChain } from '../commands/audit/audit-operations';
import { buildMe } from '../commands/auth/me';
import { confirmPasswordReset, requestPasswordReset } from '../commands/auth/password-reset';
import { signIn } from '../commands/auth/sign-in';
import { finishOidcSignIn, getAuthConfig, signOutWithProvider, startOidcSignIn, type OidcFinished, type OidcStarted } from '../commands/auth/oidc-operations';
import { carriesPassword, unlessPasswordsOff } from '../commands/auth/oidc-password-guard';
import { oidcStateCookie, oidcStateCookieOptions, signedOutResponse } from '../auth/oidc-http';
import { acceptInvitation, invite, listInvitations, previewInvitation, revokeInvitation } from '../commands/invitations/invitation-operations';
import { changeMemberRole, listMembers, removeMember } from '../commands/members/member-operations';
import { getPresenceAnonymity, setPresenceAnonymity } from '../commands/members/presence-anonymity';
import { defineOperation, noBody, noParams } from '../commands/operation';
import { requireUser } from '../commands/access';
import { decideTopic, listTopics, proposeTopic, reorderTopics, setTopicSummary, updateTopic } from '../commands/topics/topic-operations';
import { createRegion, createTrajectory, getTrajectory, listOrganisations, listRegions, listTrajectories, updateTrajectory } from '../commands/trajectories/trajectory-operations';
import type { Config } from '../config';
import { rateLimit } from '../http/rate-limit';
import type { RedisClient } from '../cluster/redis-clients';
import type { RouteTable } from './route-table';
import { castPollBallot, closeSessionPoll, openSessionPoll } from '../live-table/poll-operations';
import { castBallotOnBehalfOf } from '../live-table/on-behalf-vote';
import { createChapter, createClause, createVariant, getAgreement, setClauseSummary, updateChapter, updateClause, updateVariant } from '../commands/agreement/agreement-operations';
import { decideAmendment, listAmendments, proposeAmendment, replyToAmendment, withdrawAmendment } from '../commands/agreement/amendment-operations';
import { createComment, listComments, replyToComment, setCommentStatus } from '../commands/agreement/comment-operations';
import { compareVersions, createVersion, getVersion, listVersions, restoreVersion } from '../commands/agreement/version-operations';
import { answerQuestion, answersDocument, askQuestion, listQuestions, publishAnswers } from '../commands/questions/question-operations';
import { toDocx, toPdf, type ExportDocument } from '../export/document';
import { closeConsultation, getConsultation, listConsultations, openConsultation, publishConsultation } from '../commands/consultations/consultation-operations';
import { editReaction, react, reactOnBehalf, respondToReaction, withdrawReaction } from '../commands/consultations/reaction-operations';
import { reactienotaDocument } from '../commands/consultations/reactienota';
import { commentOnReport, generateReport, getSessionReport, publishReport, regenerateReport, reportExport, reportResults, reportResultsFile, updateReportSummary } from '../commands/reports/report-operations';
import { listOutcomes, recordOutcome, updateOutcome } from '../commands/outcomes/outcome-operations';
import { topicChain } from '../commands/outcomes/topic-chain';
import { assembleFinalAgreement, finalAgreementDocument, getFinalAgreement, signOffFinalAgreement } from '../commands/final/final-operations';
import { getContractVersion, listContractVersions, openChangeRound } from '../commands/rounds/round-operations';
import { namedExportFile } from '../export/download';
import { privacyRoutes } from '../privacy/privacy-routes';
import { searchTrajectory } from '../search/search-operation';
import { confirmWordImport, previewWordImport } from '../import/word-import-operations';
import { uploadedWordFile } from '../import/word-upload';
import { attachmentRoutes } from '../attachments/attachment-routes';
import { calendarRoutes } from '../calendar/calendar-routes';
import { agendaProposal, cancelSession, createSession, getSession, listSessions, sessionCalendar, trajectoryCalendar, updateSession } from '../commands/sessions/session-operations';
import { notificationRoutes } from '../notifications/notification-routes';
import { admissionRoutes } from '../admission/admission-routes';
import { findByJoinCode, getSessionJoinCode } from '../live-table/join-code';
import { declareMandateRule, grantMandate, listMandates, revokeMandate, setProviderKind } from '../commands/mandates/mandate-operations';
import { closeMediation, fileMediation, joinMediation, listMediation, postMediationMessage, readMediationThread, seatMediator } from '../commands/mediation/mediation-operations';

/** Sends an iCalendar file. */
function calendarFile(filename: string) {
  return (res: Response, result: unknown) => {
    res.type('text/calendar; charset=utf-8').setHeader('Content-Disposition', `attachment; filename="${filename}"`);
    res.send(result as string);
  };
}

/** Sends an exported document as a download. */
function exportFile(format: 'docx' | 'pdf', name: string) {
  const type = format === 'docx' ? 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' : 'application/pdf';
  return (res: Response, result: unknown) => {
    void (format === 'docx' ? toDocx(result as ExportDocument) : toPdf(result as ExportDocument)).then(
      (file) => res.type(type).setHeader('Content-Disposition', `attachment; filename="${name}.${format}"`).send(file),
      () => res.status(503).json({ error: { code: 'unavailable', message: 'The document could not be made; try again.' } }),
    );
  };
}

const getMe = defineOperation({
  name: 'me.view',
  params: noParams,
  body: noBody,
  authorize: async (ctx) => requireUser(ctx),
  run: async (ctx, _p, _b, user) => ({ result: await buildMe(ctx.services, user.userId) }),
});


/** Sets the session cookie of a fresh session and answers with the signed-in person. */
function signedIn(config: Config) {
  return (res: Response, result: unknown) => {
    const { token, me } = result as { token: string | null; me: MeResponse };
    if (token) {
      res.cookie(sessionCookieName, token, { httpOnly: true, sameSite: 'lax', secure: config.secureCookies, path: '/', maxAge: absoluteTimeoutMs });
    }
    res.status(200).json(me);
  };
}

export function routeTable(config: Config, redis: RedisClient | null = null): RouteTable {
  // Per address generous (a whole table may sit behind one office network), per account strict.
  const signInLimit = rateLimit({ name: 'sign-in', points: 100, durationSeconds: 15 * 60, perAccount: { points: 10 }, redis });
  const resetLimit = rateLimit({ name: 'password-reset', points: 20, durationSeconds: 60 * 60, perAccount: { points: 5 }, redis });
  const oidcLimit = rateLimit({ name: 'oidc-sign-in', points: 300, durationSeconds: 15 * 60, redis });
  const invitationLimit = rateLimit({ name: 'invitation', points: 30, durationSeconds: 15 * 60, redis });
  // Generous per address (a table's office behind one address); each search is memory work only.
  const searchLimit = rateLimit({ name: 'search', points: 600, durationSeconds: 60, redis });
  // A room of phones may share one address; 40-bit codes stay out of reach at this rate.
  const joinCodeLimit = rateLimit({ name: 'join-code', points: 120, durationSeconds: 10 * 60, redis });
  return [
    { operationId: 'signIn', operation: unlessPasswordsOff(config, signIn), rateLimit: signInLimit, respond: signedIn(config) },
    {
      operationId: 'signOutWithProvider', operation: signOutWithProvider,
      // Cleared with the attributes it was set with (Secure behind https), as browsers expect.
      respond: signedOutResponse(config),
    },
    { operationId: 'requestPasswordReset', operation: unlessPasswordsOff(config, requestPasswordReset), rateLimit: resetLimit, respond: (res) => res.status(202).end() },
    { operationId: 'confirmPasswordReset', operation: unlessPasswordsOff(config, confirmPasswordReset), rateLimit: resetLimit, respond: signedIn(config) },
    { operationId: 'getAuthConfig', operation: getAuthConfig },
    {
      operationId: 'startOidcSignIn', operation: startOidcSignIn, rateLimit: oidcLimit,
      respond: (res, result) => {
        const started = result as OidcStarted;
        if (started.kind === 'refused') return void res.redirect(303, `/inloggen?oidc-fout=${started.reason}`);
        res.cookie(oidcStateCookie, started.state, oidcStateCookieOptions(config)).redirect(303, started.redirectTo);
      },
    },
    {
      operationId: 'finishOidcSignIn', operation: finishOidcSignIn, rateLimit: oidcLimit,
      input: (req) => ({ search: new URL(req.originalUrl, 'http://x').search, stateCookie: parseCookie(req.headers.cookie ?? '')[oidcStateCookie] }),
      respond: (res, result) => {
        const finished = result as OidcFinished;
        res.clearCookie(oidcStateCookie, { ...oidcStateCookieOptions(config), maxAge: undefined });
        if (finished.kind === 'refused') return void res.redirect(303, `/inloggen?oidc-fout=${finished.reason}`);
        res.cookie(sessionCookieName, finished.token, { httpOnly: true, sameSite: 'lax', secure: config.secureCookies, path: '/', maxAge: absoluteTimeoutMs });
        res.redirect(303, finished.redirectTo);
      },
    },
    { operationId: 'getMe', operation: getMe },
    { operationId: 'previewInvitation', operation: previewInvitation, rateLimit: invitationLimit },
    { operationId: 'acceptInvitation', operation: unlessPasswordsOff(config, acceptInvitation, carriesPassword), rateLimit: invitationLimit, respond: signedIn(config) },
    { operationId: 'listRegions', operation: listRegions },
    { operationId: 'createRegion', operation: createRegion },
    { operationId: 'listOrganisations', operation: listOrganisations },
    { operationId: 'listTrajectories', operation: listTrajectories },
    { operationId: 'createTrajectory', operation: createTrajectory },
    { operationId: 'getTrajectory', operation: getTrajectory },
    { operationId: 'updateTrajectory', operation: updateTrajectory },
    { operationId: 'listMembers', operation: listMembers },
    { operationId: 'changeMemberRole', operation: changeMemberRole },
    { operationId: 'removeMember', operation: removeMember },
    { operationId: 'getPresenceAnonymity', operation: getPresenceAnonymity },
    { operationId: 'setPresenceAnonymity', operation: setPresenceAnonymity },
    { operationId: 'listInvitations', operation: listInvitations },
    { operationId: 'inviteMember', operation: invite },
    { operationId: 'previewBulkInvitations', operation: previewBulkInvitations },
    { operationId: 'inviteInBulk', operation: inviteInBulk },
    { operationId: 'revokeInvitation', operation: revokeInvitation },
    { operationId: 'listTopics', operation: listTopics },
    { operationId: 'proposeTopic', operation: proposeTopic },
    { operationId: 'reorderTopics', operation: reorderTopics },
    { operationId: 'decideTopic', operation: decideTopic },
    { operationId: 'updateTopic', operation: updateTopic },
    { operationId: 'setTopicSummary', operation: setTopicSummary },
    { operationId: 'listSessions', operation: listSessions },
    { operationId: 'createSession', operation: createSession },
    { operationId: 'trajectoryCalendar', operation: trajectoryCalendar, respond: calendarFile('dialoogsessies.ics') },
    { operationId: 'getSession', operation: getSession },
    { operationId: 'updateSession', operation: updateSession },
    { operationId: 'cancelSession', operation: cancelSession },
    { operationId: 'sessionCalendar', operation: sessionCalendar, respond: calendarFile('dialoogsessie.ics') },
    { operationId: 'agendaProposal', operation: agendaProposal },
    { operationId: 'getSessionJoinCode', operation: getSessionJoinCode },
    { operationId: 'findByJoinCode', operation: findByJoinCode, rateLimit: joinCodeLimit },
    { operationId: 'openSessionPoll', operation: openSessionPoll },
    { operationId: 'castPollBallot', operation: castPollBallot },
    { operationId: 'castBallotOnBehalf', operation: castBallotOnBehalfOf },
    { operationId: 'closeSessionPoll', operation: closeSessionPoll },
    ...agreementRoutes(),
    ...wordImportRoutes(config),
    { operationId: 'listQuestions', operation: listQuestions },
    { operationId: 'askQuestion', operation: askQuestion },
    { operationId: 'answerQuestion', operation: answerQuestion },
    { operationId: 'publishAnswers', operation: publishAnswers },
    { operationId: 'answersDocumentDocx', operation: answersDocument, respond: exportFile('docx', 'nota-van-inlichtingen') },
    { operationId: 'answersDocumentPdf', operation: answersDocument, respond: exportFile('pdf', 'nota-van-inlichtingen') },
    ...consultationRoutes(),
    ...reportRoutes(),
    { operationId: 'listOutcomes', operation: listOutcomes },
    { operationId: 'recordOutcome', operation: recordOutcome },
    { operationId: 'updateOutcome', operation: updateOutcome },
    { operationId: 'topicChain', operation: topicChain },
    ...finalRoutes(),
    ...voicesRoutes(),
    ...attachmentRoutes(),
    { operationId: 'listAuditEvents', operation: listAuditEvents },
    { operationId: 'verifyAuditChain', operation: verifyAuditChain },
    { operationId: 'verifyPlatformAudit', operation: verifyPlatformAudit },
    { operationId: 'listOutbox', operation: listOutbox },
    ...privacyRoutes(),
    { operationId: 'searchTrajectory', operation: searchTrajectory, rateLimit: searchLimit },
    ...calendarRoutes(redis),
    ...notificationRoutes(),
    ...admissionRoutes(redis),
  ];
}

/** The draft agreement: structure, comments, amendments and versions. Its text goes over /collab. */
function agreementRoutes(): RouteTable {
  return [
    { operationId: 'getAgreement', operation: getAgreement },
    { operationId: 'createChapter', operation: createChapter },
    { operationId: 'updateChapter', operation: updateChapter },
    { operationId: 'createClause', operation: createClause },
    { operationId: 'updateClause', operation: updateClause },
    { operationId: 'setClauseSummary', operation: setClauseSummary },
    { operationId: 'createVariant', operation: createVariant },
    { operationId: 'updateVariant', operation: updateVariant },
    { operationId: 'listComments', operation: listComments },
    { operationId: 'createComment', operation: createComment },
    { operationId: 'replyToComment', operation: replyToComment },
    { operationId: 'setCommentStatus', operation: setCommentStatus },
    { operationId: 'listAmendments', operation: listAmendments },
    { operationId: 'proposeAmendment', operation: proposeAmendment },
    { operationId: 'replyToAmendment', operation: replyToAmendment },
    { operationId: 'decideAmendment', operation: decideAmendment },
    { operationId: 'withdrawAmendment', operation: withdrawAmendment },
    { operationId: 'listVersions', operation: listVersions },
    { operationId: 'createVersion', operation: createVersion },
    { operationId: 'getVersion', operation: getVersion },
    { operationId: 'restoreVersion', operation: restoreVersion },
    { operationId: 'compareVersions', operation: compareVersions },
  ];
}

/** Importing a Word draft: the file in for a preview, then the confirmed outline creates the agreement's parts. */
function wordImportRoutes(config: Config): RouteTable {
  return [
    {
      operationId: 'previewWordImport', operation: previewWordImport,
      ...uploadedWordFile(config),
    },
    { operationId: 'confirmWordImport', operation: confirmWordImport },
  ];
}

/** Consultation (reactienota) on a version of the agreement: reactions per clause, responses, one publication. */
function consultationRoutes(): RouteTable {
  return [
    { operationId: 'listConsultations', operation: listConsultations },
    { operationId: 'openConsultation', operation: openConsultation },
    { operationId: 'getConsultation', operation: getConsultation },
    { operationId: 'closeConsultation', operation: closeConsultation },
    { operationId: 'publishConsultation', operation: publishConsultation },
    { operationId: 'reactToClause', operation: react },
    { operationId: 'reactOnBehalf', operation: reactOnBehalf },
    { operationId: 'editReaction', operation: editReaction },
    { operationId: 'withdrawReaction', operation: withdrawReaction },
    { operationId: 'respondToReaction', operation: respondToReaction },
    { operationId: 'reactienotaDocumentDocx', operation: reactienotaDocument, respond: exportFile('docx', 'reactienota') },
    { operationId: 'reactienotaDocumentPdf', operation: reactienotaDocument, respond: exportFile('pdf', 'reactienota') },
  ];
}

/** Session reports (verslagen): generated by the procurement team, commented on, published, exported. */
function reportRoutes(): RouteTable {
  return [
    { operationId: 'getSessionReport', operation: getSessionReport },
    { operationId: 'generateReport', operation: generateReport },
    { operationId: 'regenerateReport', operation: regenerateReport },
    { operationId: 'updateReportSummary', operation: updateReportSummary },
    { operationId: 'commentOnReport', operation: commentOnReport },
    { operationId: 'publishReport', operation: publishReport },
    { operationId: 'reportExportDocx', operation: reportExport, respond: exportFile('docx', 'verslag') },
    { operationId: 'reportExportPdf', operation: reportExport, respond: exportFile('pdf', 'verslag') },
    { operationId: 'reportResultsCsv', operation: reportResults, respond: reportResultsFile },
  ];
}

/** The definitive agreement: assembly, sign-off per municipality, and its exports. */
function finalRoutes(): RouteTable {
  return [
    { operationId: 'getFinalAgreement', operation: getFinalAgreement },
    { operationId: 'assembleFinalAgreement', operation: assembleFinalAgreement },
    { operationId: 'signOffFinalAgreement', operation: signOffFinalAgreement },
    { operationId: 'finalAgreementDocumentDocx', operation: finalAgreementDocument, respond: namedExportFile('docx') },
    { operationId: 'finalAgreementDocumentPdf', operation: finalAgreementDocument, respond: namedExportFile('pdf') },
    { operationId: 'listContractVersions', operation: listContractVersions },
    { operationId: 'getContractVersion', operation: getContractVersion },
    { operationId: 'openChangeRound', operation: openChangeRound },
  ];
}

/** Bundled voices (issue 19): provider kinds, mandates of independent practitioners, and mediation. */
function voicesRoutes(): RouteTable {
  return [
    { operationId: 'setProviderKind', operation: setProviderKind },
    { operationId: 'listMandates', operation: listMandates },
    { operationId: 'grantMandate', operation: grantMandate },
    { operationId: 'revokeMandate', operation: revokeMandate },
    { operationId: 'declareMandateRule', operation: declareMandateRule },
    { operationId: 'listMediation', operation: listMediation },
    { operationId: 'fileMediation', operation: fileMediation },
    { operationId: 'joinMediation', operation: joinMediation },
    { operationId: 'seatMediator', operation: seatMediator },
    { operationId: 'readMediationThread', operation: readMediationThread },
    { operationId: 'postMediationMessage', operation: postMediationMessage },
    { operationId: 'closeMediation', operation: closeMediation },
  ];
}
