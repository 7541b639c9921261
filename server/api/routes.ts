import type { Response } from 'express';
import { inviteInBulk, previewBulkInvitations } from '../commands/invitations/bulk-invitations';
import { bulkInvitationPreviewDto } from '../../shared/schemas/bulk-invitations';
import { parse as parseCookie } from 'cookie';
import { z } from 'zod';
import { auditEventDto, auditVerification, outboxMessageDto } from '../../shared/schemas/audit';
import { invitationPreview, meResponse, type MeResponse } from '../../shared/schemas/auth';
import { topicDto } from '../../shared/schemas/topics';
import { invitationDto, memberDto, organisationDto, regionDto, trajectoryDto } from '../../shared/schemas/trajectories';
import { sessionCookieName, absoluteTimeoutMs } from '../auth/session-store';
import { listOutbox, verifyPlatformAudit } from '../commands/admin/outbox-operations';
import { listAuditEvents, verifyAuditChain } from '../commands/audit/audit-operations';
import { buildMe } from '../commands/auth/me';
import { confirmPasswordReset, requestPasswordReset } from '../commands/auth/password-reset';
import { signIn } from '../commands/auth/sign-in';
import { finishOidcSignIn, getAuthConfig, signOutWithProvider, startOidcSignIn, type OidcFinished, type OidcStarted } from '../commands/auth/oidc-operations';
import { carriesPassword, unlessPasswordsOff } from '../commands/auth/oidc-password-guard';
import { oidcStateCookie, oidcStateCookieOptions, signedOutResponse } from '../auth/oidc-http';
import { authConfigDto } from '../../shared/schemas/auth-config';
import { acceptInvitation, invite, listInvitations, previewInvitation, revokeInvitation } from '../commands/invitations/invitation-operations';
import { changeMemberRole, listMembers, removeMember } from '../commands/members/member-operations';
import { getPresenceAnonymity, setPresenceAnonymity } from '../commands/members/presence-anonymity';
import { presenceAnonymity } from '../../shared/schemas/anonymity';
import { defineOperation, noBody, noParams, type Operation } from '../commands/operation';
import { requireUser } from '../commands/access';
import { decideTopic, listTopics, proposeTopic, reorderTopics, setTopicSummary, updateTopic } from '../commands/topics/topic-operations';
import { createRegion, createTrajectory, getTrajectory, listOrganisations, listRegions, listTrajectories, updateTrajectory } from '../commands/trajectories/trajectory-operations';
import type { Config } from '../config';
import { rateLimit } from '../http/rate-limit';
import type { RedisClient } from '../cluster/redis-clients';
import type { RouteTable } from './route-table';
import { sessionDto } from '../../shared/schemas/sessions';
import { castPollBallot, closeSessionPoll, openSessionPoll } from '../live-table/poll-operations';
import { agreementDto, amendmentDto, commentDto, compareResult, restoreResult, versionContentDto, versionDto } from '../../shared/schemas/agreement';
import { createChapter, createClause, createVariant, getAgreement, setClauseSummary, updateChapter, updateClause, updateVariant } from '../commands/agreement/agreement-operations';
import { decideAmendment, listAmendments, proposeAmendment, replyToAmendment, withdrawAmendment } from '../commands/agreement/amendment-operations';
import { createComment, listComments, replyToComment, setCommentStatus } from '../commands/agreement/comment-operations';
import { compareVersions, createVersion, getVersion, listVersions, restoreVersion } from '../commands/agreement/version-operations';
import { answerQuestion, answersDocument, askQuestion, listQuestions, publishAnswers } from '../commands/questions/question-operations';
import { publishResult, questionDto, questionsOverviewDto } from '../../shared/schemas/questions';
import { toDocx, toPdf, type ExportDocument } from '../export/document';
import { closeConsultation, getConsultation, listConsultations, openConsultation, publishConsultation } from '../commands/consultations/consultation-operations';
import { editReaction, react, respondToReaction, withdrawReaction } from '../commands/consultations/reaction-operations';
import { reactienotaDocument } from '../commands/consultations/reactienota';
import { consultationDto, consultationListDto, publishConsultationResult, reactionDto } from '../../shared/schemas/consultations';
import { commentOnReport, generateReport, getSessionReport, publishReport, regenerateReport, reportExport, updateReportSummary } from '../commands/reports/report-operations';
import { listOutcomes, recordOutcome, updateOutcome } from '../commands/outcomes/outcome-operations';
import { topicChain } from '../commands/outcomes/topic-chain';
import { outcomeDto, topicChainDto } from '../../shared/schemas/outcomes';
import { assembleFinalAgreement, finalAgreementDocument, getFinalAgreement, signOffFinalAgreement } from '../commands/final/final-operations';
import { getContractVersion, listContractVersions, openChangeRound } from '../commands/rounds/round-operations';
import { contractVersionDto, contractVersionsDto } from '../../shared/schemas/rounds';
import { finalAgreementDto } from '../../shared/schemas/final';
import { namedExportFile } from '../export/download';
import { privacyRoutes } from '../privacy/privacy-routes';
import { searchTrajectory } from '../search/search-operation';
import { searchResult } from '../../shared/schemas/search';
import { confirmWordImport, previewWordImport } from '../import/word-import-operations';
import { uploadedWordFile } from '../import/word-upload';
import { wordImportPreviewDto, wordImportResult } from '../../shared/schemas/word-import';
import { attachmentRoutes } from '../attachments/attachment-routes';
import { calendarRoutes } from '../calendar/calendar-routes';
import { agendaProposal, cancelSession, createSession, getSession, listSessions, sessionCalendar, trajectoryCalendar, updateSession } from '../commands/sessions/session-operations';
import { notificationRoutes } from '../notifications/notification-routes';
import { admissionRoutes } from '../admission/admission-routes';
import { findByJoinCode, getSessionJoinCode } from '../live-table/join-code';
import { joinCodeDto } from '../../shared/live-table/join-code';
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

type Any = Operation<z.ZodType, z.ZodType, unknown>;
const op = (o: unknown) => o as Any;

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
  const t = '/trajectories/:trajectoryId';
  return [
    { method: 'post', path: '/auth/login', tag: 'auth', summary: 'Sign in with e-mail and password', operation: op(unlessPasswordsOff(config, signIn)), response: meResponse, public: true, rateLimit: signInLimit, respond: signedIn(config) },
    {
      method: 'post', path: '/auth/logout', tag: 'auth', summary: 'Sign out (and, after an organisation sign-in, where to end the provider’s session)', operation: op(signOutWithProvider), public: true, status: 204,
      // Cleared with the attributes it was set with (Secure behind https), as browsers expect.
      respond: signedOutResponse(config),
    },
    { method: 'post', path: '/auth/password-reset', tag: 'auth', summary: 'Ask for a password-reset link', operation: op(unlessPasswordsOff(config, requestPasswordReset)), public: true, rateLimit: resetLimit, status: 202, respond: (res) => res.status(202).end() },
    { method: 'post', path: '/auth/password-reset/confirm', tag: 'auth', summary: 'Set a new password with a reset link', operation: op(unlessPasswordsOff(config, confirmPasswordReset)), response: meResponse, public: true, rateLimit: resetLimit, respond: signedIn(config) },
    { method: 'get', path: '/auth/config', tag: 'auth', summary: 'Which ways of signing in are on', operation: op(getAuthConfig), response: authConfigDto, public: true },
    {
      method: 'get', path: '/auth/oidc/start', tag: 'auth', summary: 'Start signing in at the organisation’s OpenID Connect provider (a browser navigation)', operation: op(startOidcSignIn), public: true, query: true, rateLimit: oidcLimit,
      respond: (res, result) => {
        const started = result as OidcStarted;
        if (started.kind === 'refused') return void res.redirect(303, `/inloggen?oidc-fout=${started.reason}`);
        res.cookie(oidcStateCookie, started.state, oidcStateCookieOptions(config)).redirect(303, started.redirectTo);
      },
    },
    {
      method: 'get', path: '/auth/oidc/callback', tag: 'auth', summary: 'Where the OpenID Connect provider sends the person back (a browser navigation)', operation: op(finishOidcSignIn), public: true, rateLimit: oidcLimit,
      input: (req) => ({ search: new URL(req.originalUrl, 'http://x').search, stateCookie: parseCookie(req.headers.cookie ?? '')[oidcStateCookie] }),
      respond: (res, result) => {
        const finished = result as OidcFinished;
        res.clearCookie(oidcStateCookie, { ...oidcStateCookieOptions(config), maxAge: undefined });
        if (finished.kind === 'refused') return void res.redirect(303, `/inloggen?oidc-fout=${finished.reason}`);
        res.cookie(sessionCookieName, finished.token, { httpOnly: true, sameSite: 'lax', secure: config.secureCookies, path: '/', maxAge: absoluteTimeoutMs });
        res.redirect(303, finished.redirectTo);
      },
    },
    { method: 'get', path: '/me', tag: 'auth', summary: 'The signed-in person with their trajectories and roles', operation: op(getMe), response: meResponse },
    { method: 'get', path: '/invitations/:token', tag: 'invitations', summary: 'What an invitation link is for', operation: op(previewInvitation), response: invitationPreview, public: true, rateLimit: invitationLimit },
    { method: 'post', path: '/invitations/:token/accept', tag: 'invitations', summary: 'Accept an invitation', operation: op(unlessPasswordsOff(config, acceptInvitation, carriesPassword)), response: meResponse, public: true, rateLimit: invitationLimit, respond: signedIn(config) },
    { method: 'get', path: '/regions', tag: 'trajectories', summary: 'Regions', operation: op(listRegions), response: z.array(regionDto) },
    { method: 'post', path: '/regions', tag: 'trajectories', summary: 'Create a region (platform administrators)', operation: op(createRegion), response: regionDto, status: 201 },
    { method: 'get', path: '/organisations', tag: 'trajectories', summary: 'Organisations', operation: op(listOrganisations), response: z.array(organisationDto) },
    { method: 'get', path: '/trajectories', tag: 'trajectories', summary: 'My trajectories', operation: op(listTrajectories), response: z.array(trajectoryDto) },
    { method: 'post', path: '/trajectories', tag: 'trajectories', summary: 'Create a trajectory', operation: op(createTrajectory), response: trajectoryDto, status: 201 },
    { method: 'get', path: t, tag: 'trajectories', summary: 'A trajectory', operation: op(getTrajectory), response: trajectoryDto },
    { method: 'patch', path: t, tag: 'trajectories', summary: 'Change a trajectory', operation: op(updateTrajectory), response: trajectoryDto },
    { method: 'get', path: `${t}/members`, tag: 'members', summary: 'Members', operation: op(listMembers), response: z.array(memberDto) },
    { method: 'patch', path: `${t}/members/:memberId`, tag: 'members', summary: 'Change a member’s role', operation: op(changeMemberRole), response: memberDto },
    { method: 'delete', path: `${t}/members/:memberId`, tag: 'members', summary: 'Remove a member', operation: op(removeMember), status: 204 },
    { method: 'get', path: `${t}/me/anonymity`, tag: 'members', summary: 'Whether I am shown without my name (client representatives)', operation: op(getPresenceAnonymity), response: presenceAnonymity },
    { method: 'put', path: `${t}/me/anonymity`, tag: 'members', summary: 'Be shown as “een cliëntvertegenwoordiger” in presence and attendance', operation: op(setPresenceAnonymity), response: presenceAnonymity },
    { method: 'get', path: `${t}/invitations`, tag: 'invitations', summary: 'Invitations', operation: op(listInvitations), response: z.array(invitationDto) },
    { method: 'post', path: `${t}/invitations`, tag: 'invitations', summary: 'Invite a person', operation: op(invite), response: invitationDto, status: 201 },
    { method: 'post', path: `${t}/invitations/bulk/preview`, tag: 'invitations', summary: 'Check a sheet (CSV or .xlsx, base64) of invitations: each row with its errors', operation: op(previewBulkInvitations), response: bulkInvitationPreviewDto },
    { method: 'post', path: `${t}/invitations/bulk`, tag: 'invitations', summary: 'Invite every correct row of a sheet in one step', operation: op(inviteInBulk), response: bulkInvitationPreviewDto, status: 201 },
    { method: 'delete', path: `${t}/invitations/:invitationId`, tag: 'invitations', summary: 'Withdraw an invitation', operation: op(revokeInvitation), status: 204 },
    { method: 'get', path: `${t}/topics`, tag: 'topics', summary: 'Dialogue topics in order', operation: op(listTopics), response: z.array(topicDto) },
    { method: 'post', path: `${t}/topics`, tag: 'topics', summary: 'Propose a topic', operation: op(proposeTopic), response: topicDto, status: 201 },
    { method: 'put', path: `${t}/topics/order`, tag: 'topics', summary: 'Set the order of the topics', operation: op(reorderTopics), response: z.array(topicDto) },
    { method: 'post', path: `${t}/topics/:topicId/decision`, tag: 'topics', summary: 'Accept or decline a proposed topic', operation: op(decideTopic), response: topicDto },
    { method: 'patch', path: `${t}/topics/:topicId`, tag: 'topics', summary: 'Change a topic', operation: op(updateTopic), response: topicDto },
    { method: 'put', path: `${t}/topics/:topicId/summary`, tag: 'topics', summary: 'Write a topic’s summary in plain language (B1)', operation: op(setTopicSummary), response: topicDto },
    { method: 'get', path: `${t}/sessions`, tag: 'sessions', summary: 'Dialogue sessions', operation: op(listSessions), response: z.array(sessionDto) },
    { method: 'post', path: `${t}/sessions`, tag: 'sessions', summary: 'Plan a dialogue session', operation: op(createSession), response: sessionDto, status: 201 },
    { method: 'get', path: `${t}/sessions.ics`, tag: 'sessions', summary: 'Calendar feed of the sessions', operation: op(trajectoryCalendar), respond: calendarFile('dialoogsessies.ics') },
    { method: 'get', path: '/sessions/:sessionId', tag: 'sessions', summary: 'A dialogue session', operation: op(getSession), response: sessionDto },
    { method: 'patch', path: '/sessions/:sessionId', tag: 'sessions', summary: 'Change a planned session', operation: op(updateSession), response: sessionDto },
    { method: 'post', path: '/sessions/:sessionId/cancel', tag: 'sessions', summary: 'Cancel a planned session, with a reason; it stays in the history', operation: op(cancelSession), response: sessionDto },
    { method: 'get', path: '/sessions/:sessionId/calendar.ics', tag: 'sessions', summary: 'The session as a calendar file', operation: op(sessionCalendar), respond: calendarFile('dialoogsessie.ics') },
    { method: 'get', path: '/sessions/:sessionId/agenda-proposal', tag: 'sessions', summary: 'The agenda order proposed by the ranking poll', operation: op(agendaProposal) },
    { method: 'get', path: '/sessions/:sessionId/join-code', tag: 'sessions', summary: 'The session’s join code for voting from a phone (/stem/<code>)', operation: op(getSessionJoinCode), response: joinCodeDto },
    { method: 'get', path: '/join-codes/:code', tag: 'sessions', summary: 'Which session a join code opens (rate-limited)', operation: op(findByJoinCode), response: joinCodeDto, rateLimit: joinCodeLimit },
    { method: 'post', path: '/sessions/:sessionId/polls', tag: 'polls', summary: 'Open a poll (same as the socket event poll:open)', operation: op(openSessionPoll), status: 201, mergeParams: true },
    { method: 'post', path: '/polls/:pollId/ballot', tag: 'polls', summary: 'Cast or change one’s ballot (same as poll:cast)', operation: op(castPollBallot), mergeParams: true },
    { method: 'post', path: '/polls/:pollId/close', tag: 'polls', summary: 'Close a poll and store its result (same as poll:close)', operation: op(closeSessionPoll), mergeParams: true },
    ...agreementRoutes(t),
    ...wordImportRoutes(t, config),
    { method: 'get', path: `${t}/questions`, tag: 'questions', summary: 'Questions and published answers (nota van inlichtingen)', operation: op(listQuestions), response: questionsOverviewDto },
    { method: 'post', path: `${t}/questions`, tag: 'questions', summary: 'Ask a question (providers, until the deadline)', operation: op(askQuestion), response: questionDto, status: 201 },
    { method: 'put', path: `${t}/questions/:questionId/answer`, tag: 'questions', summary: 'Draft the answer to a question', operation: op(answerQuestion), response: questionDto },
    { method: 'post', path: `${t}/questions/publish`, tag: 'questions', summary: 'Publish every answered question to everyone at once', operation: op(publishAnswers), response: publishResult },
    { method: 'get', path: `${t}/questions/nota.docx`, tag: 'questions', summary: 'The published answers as DOCX', operation: op(answersDocument), respond: exportFile('docx', 'nota-van-inlichtingen') },
    { method: 'get', path: `${t}/questions/nota.pdf`, tag: 'questions', summary: 'The published answers as PDF', operation: op(answersDocument), respond: exportFile('pdf', 'nota-van-inlichtingen') },
    ...consultationRoutes(t),
    ...reportRoutes(t),
    { method: 'get', path: `${t}/outcomes`, tag: 'outcomes', summary: 'Agreements (afspraken), optionally of one topic', operation: op(listOutcomes), response: z.array(outcomeDto), query: true },
    { method: 'post', path: `${t}/outcomes`, tag: 'outcomes', summary: 'Record an agreement on a topic', operation: op(recordOutcome), response: outcomeDto, status: 201 },
    { method: 'put', path: `${t}/outcomes/:outcomeId`, tag: 'outcomes', summary: 'Change an agreement (status, text, actions, links)', operation: op(updateOutcome), response: outcomeDto },
    { method: 'get', path: `${t}/topics/:topicId/chain`, tag: 'outcomes', summary: 'A topic from input to outcome', operation: op(topicChain), response: topicChainDto },
    ...finalRoutes(t),
    ...voicesRoutes(t),
    ...attachmentRoutes(t),
    { method: 'get', path: `${t}/audit`, tag: 'audit', summary: 'The audit log, newest first', operation: op(listAuditEvents), response: z.array(auditEventDto) },
    { method: 'get', path: `${t}/audit/verify`, tag: 'audit', summary: 'Verify the audit chain', operation: op(verifyAuditChain), response: auditVerification },
    { method: 'get', path: '/admin/audit/verify', tag: 'admin', summary: 'Verify the platform audit chain', operation: op(verifyPlatformAudit), response: auditVerification },
    { method: 'get', path: '/admin/outbox', tag: 'admin', summary: 'Mail that was not sent over SMTP', operation: op(listOutbox), response: z.array(outboxMessageDto) },
    ...privacyRoutes(),
    { method: 'get', path: `${t}/search`, tag: 'search', summary: 'Search the trajectory: topics, clauses, comments, amendments, questions, agreements and reports the viewer may read', operation: op(searchTrajectory), response: searchResult, query: true, rateLimit: searchLimit },
    ...calendarRoutes(redis),
    ...notificationRoutes(),
    ...admissionRoutes(t, redis),
  ];
}

/** The draft agreement: structure, comments, amendments and versions. Its text goes over /collab. */
function agreementRoutes(t: string): RouteTable {
  const a = `${t}/agreement`;
  const clause = `${a}/clauses/:clauseId`;
  return [
    { method: 'get', path: a, tag: 'agreement', summary: 'The draft agreement: chapters and numbered clauses', operation: op(getAgreement), response: agreementDto },
    { method: 'post', path: `${a}/chapters`, tag: 'agreement', summary: 'Add a chapter', operation: op(createChapter), response: agreementDto, status: 201 },
    { method: 'patch', path: `${a}/chapters/:chapterId`, tag: 'agreement', summary: 'Rename or move a chapter', operation: op(updateChapter), response: agreementDto },
    { method: 'post', path: `${a}/clauses`, tag: 'agreement', summary: 'Add a clause', operation: op(createClause), response: agreementDto, status: 201 },
    { method: 'patch', path: clause, tag: 'agreement', summary: 'Change a clause’s title, status or topics, or move it', operation: op(updateClause), response: agreementDto },
    { method: 'put', path: `${clause}/summary`, tag: 'agreement', summary: 'Write a clause’s summary in plain language (B1)', operation: op(setClauseSummary), response: agreementDto },
    { method: 'post', path: `${clause}/variants`, tag: 'agreement', summary: 'Add a municipality variant', operation: op(createVariant), response: agreementDto, status: 201 },
    { method: 'patch', path: `${clause}/variants/:variantId`, tag: 'agreement', summary: 'Change a municipality variant', operation: op(updateVariant), response: agreementDto },
    { method: 'get', path: `${t}/comments`, tag: 'agreement', summary: 'Comments, optionally of one clause or with one status', operation: op(listComments), response: z.array(commentDto), query: true },
    { method: 'post', path: `${clause}/comments`, tag: 'agreement', summary: 'Comment on a part of a clause', operation: op(createComment), response: commentDto, status: 201 },
    { method: 'post', path: `${t}/comments/:commentId/replies`, tag: 'agreement', summary: 'Reply to a comment', operation: op(replyToComment), response: commentDto, status: 201 },
    { method: 'put', path: `${t}/comments/:commentId/status`, tag: 'agreement', summary: 'Resolve or reopen a comment', operation: op(setCommentStatus), response: commentDto },
    { method: 'get', path: `${t}/amendments`, tag: 'agreement', summary: 'Amendments and their outcomes', operation: op(listAmendments), response: z.array(amendmentDto) },
    { method: 'post', path: `${clause}/amendments`, tag: 'agreement', summary: 'Propose other wording', operation: op(proposeAmendment), response: amendmentDto, status: 201 },
    { method: 'post', path: `${t}/amendments/:amendmentId/replies`, tag: 'agreement', summary: 'Comment on an amendment', operation: op(replyToAmendment), response: amendmentDto, status: 201 },
    { method: 'post', path: `${t}/amendments/:amendmentId/decision`, tag: 'agreement', summary: 'Accept or decline an amendment', operation: op(decideAmendment), response: amendmentDto },
    { method: 'post', path: `${t}/amendments/:amendmentId/withdraw`, tag: 'agreement', summary: 'Withdraw one’s own amendment', operation: op(withdrawAmendment), response: amendmentDto },
    { method: 'get', path: `${t}/versions`, tag: 'agreement', summary: 'Named versions, newest first', operation: op(listVersions), response: z.array(versionDto) },
    { method: 'post', path: `${t}/versions`, tag: 'agreement', summary: 'Save a named version of a clause or the agreement', operation: op(createVersion), response: versionDto, status: 201 },
    { method: 'get', path: `${t}/versions/:versionId`, tag: 'agreement', summary: 'A version’s content, read-only', operation: op(getVersion), response: versionContentDto },
    { method: 'post', path: `${t}/versions/:versionId/restore`, tag: 'agreement', summary: 'Restore a clause from a version, as a new edit', operation: op(restoreVersion), response: restoreResult },
    { method: 'get', path: `${t}/compare`, tag: 'agreement', summary: 'Word-level comparison of a clause between versions', operation: op(compareVersions), response: compareResult, query: true },
  ];
}

/** Importing a Word draft: the file in for a preview, then the confirmed outline creates the agreement's parts. */
function wordImportRoutes(t: string, config: Config): RouteTable {
  const i = `${t}/agreement/import`;
  return [
    {
      method: 'post', path: `${i}/preview`, tag: 'agreement', summary: 'Upload a Word draft (.docx, the file as the body) for a preview; nothing is created', operation: op(previewWordImport), response: wordImportPreviewDto,
      ...uploadedWordFile(config),
    },
    { method: 'post', path: i, tag: 'agreement', summary: 'Create the chapters and clauses of a confirmed Word-import preview, in one audited step', operation: op(confirmWordImport), response: wordImportResult, status: 201 },
  ];
}

/** Consultation (reactienota) on a version of the agreement: reactions per clause, responses, one publication. */
function consultationRoutes(t: string): RouteTable {
  const c = `${t}/consultations`;
  const one = `${c}/:consultationId`;
  const reaction = `${one}/reactions/:reactionId`;
  return [
    { method: 'get', path: c, tag: 'consultations', summary: 'Consultations on versions of the agreement', operation: op(listConsultations), response: consultationListDto },
    { method: 'post', path: c, tag: 'consultations', summary: 'Open a consultation on a version of the whole agreement', operation: op(openConsultation), response: consultationDto, status: 201 },
    { method: 'get', path: one, tag: 'consultations', summary: 'A consultation: the version’s clauses and the reactions the viewer may read', operation: op(getConsultation), response: consultationDto },
    { method: 'post', path: `${one}/close`, tag: 'consultations', summary: 'Close a consultation for reactions before its closing date', operation: op(closeConsultation), response: consultationDto },
    { method: 'post', path: `${one}/publish`, tag: 'consultations', summary: 'Publish every reaction with its response (once, when all are answered)', operation: op(publishConsultation), response: publishConsultationResult },
    { method: 'post', path: `${one}/reactions`, tag: 'consultations', summary: 'React on a clause of the version', operation: op(react), response: reactionDto, status: 201 },
    { method: 'patch', path: reaction, tag: 'consultations', summary: 'Change one’s own reaction while the consultation is open', operation: op(editReaction), response: reactionDto },
    { method: 'delete', path: reaction, tag: 'consultations', summary: 'Withdraw one’s own reaction while the consultation is open', operation: op(withdrawReaction), status: 204 },
    { method: 'put', path: `${reaction}/response`, tag: 'consultations', summary: 'Respond to a reaction (until publication)', operation: op(respondToReaction), response: reactionDto },
    { method: 'get', path: `${one}/reactienota.docx`, tag: 'consultations', summary: 'The published reactienota as DOCX', operation: op(reactienotaDocument), respond: exportFile('docx', 'reactienota') },
    { method: 'get', path: `${one}/reactienota.pdf`, tag: 'consultations', summary: 'The published reactienota as PDF', operation: op(reactienotaDocument), respond: exportFile('pdf', 'reactienota') },
  ];
}

/** Session reports (verslagen): generated by the procurement team, commented on, published, exported. */
function reportRoutes(t: string): RouteTable {
  const session = `${t}/sessions/:sessionId/report`;
  const report = `${t}/reports/:reportId`;
  return [
    { method: 'get', path: session, tag: 'reports', summary: 'A session’s report page: the report, if any, and what the viewer may do', operation: op(getSessionReport) },
    { method: 'post', path: session, tag: 'reports', summary: 'Generate the draft report of a session that has been held', operation: op(generateReport), status: 201 },
    { method: 'post', path: `${report}/regenerate`, tag: 'reports', summary: 'Take a fresh snapshot of the session for the draft', operation: op(regenerateReport) },
    { method: 'put', path: `${report}/summary`, tag: 'reports', summary: 'Set the procurement team’s summary of a draft report', operation: op(updateReportSummary) },
    { method: 'post', path: `${report}/comments`, tag: 'reports', summary: 'Comment on a draft report', operation: op(commentOnReport), status: 201 },
    { method: 'post', path: `${report}/publish`, tag: 'reports', summary: 'Publish a report to every member; it does not change after that', operation: op(publishReport) },
    { method: 'get', path: `${report}/verslag.docx`, tag: 'reports', summary: 'The report as DOCX', operation: op(reportExport), respond: exportFile('docx', 'verslag') },
    { method: 'get', path: `${report}/verslag.pdf`, tag: 'reports', summary: 'The report as PDF', operation: op(reportExport), respond: exportFile('pdf', 'verslag') },
  ];
}

/** The definitive agreement: assembly, sign-off per municipality, and its exports. */
function finalRoutes(t: string): RouteTable {
  const f = `${t}/final`;
  return [
    { method: 'get', path: f, tag: 'final', summary: 'The definitive agreement, its readiness and the sign-off per municipality', operation: op(getFinalAgreement), response: finalAgreementDto },
    { method: 'post', path: `${f}/assemble`, tag: 'final', summary: 'Assemble the definitive agreement (every clause fixed)', operation: op(assembleFinalAgreement), response: finalAgreementDto },
    { method: 'post', path: `${f}/signoffs`, tag: 'final', summary: 'Approve, or reject with a reason, for one’s own municipality', operation: op(signOffFinalAgreement), response: finalAgreementDto },
    { method: 'get', path: `${f}/agreement.docx`, tag: 'final', summary: 'The definitive agreement as DOCX', operation: op(finalAgreementDocument), respond: namedExportFile('docx') },
    { method: 'get', path: `${f}/agreement.pdf`, tag: 'final', summary: 'The definitive agreement as PDF', operation: op(finalAgreementDocument), respond: namedExportFile('pdf') },
    { method: 'get', path: `${f}/versions`, tag: 'final', summary: 'The versions of the definitive agreement (1.0, 1.1, …) and the change round in dialogue', operation: op(listContractVersions), response: contractVersionsDto },
    { method: 'get', path: `${f}/versions/:version`, tag: 'final', summary: 'One sealed version: text, seal check, sign-offs and traceability to its change round', operation: op(getContractVersion), response: contractVersionDto },
    { method: 'post', path: `${f}/rounds`, tag: 'final', summary: 'Open a change round (wijzigingsronde) on the definitive agreement', operation: op(openChangeRound), response: contractVersionsDto, status: 201 },
  ];
}

/** Bundled voices (issue 19): provider kinds, mandates of independent practitioners, and mediation. */
function voicesRoutes(t: string): RouteTable {
  const m = `${t}/mediation/:requestId`;
  return [
    { method: 'put', path: `${t}/organisations/:organisationId/provider-kind`, tag: 'mandates', summary: 'Set the kind of a seated provider organisation (institution, independent, cooperative, intermediary)', operation: op(setProviderKind) },
    { method: 'get', path: `${t}/mandates`, tag: 'mandates', summary: 'Mandates of independent practitioners, per organisation how many it acts for, and the sessions’ rules', operation: op(listMandates) },
    { method: 'post', path: `${t}/mandates`, tag: 'mandates', summary: 'Register a practitioner’s mandate for one’s own cooperative', operation: op(grantMandate), status: 201 },
    { method: 'post', path: `${t}/mandates/:mandateId/revoke`, tag: 'mandates', summary: 'Revoke a mandate (the practitioner, the cooperative or the procurement team); it stops counting at once', operation: op(revokeMandate) },
    { method: 'put', path: `${t}/sessions/:sessionId/mandate-rule`, tag: 'mandates', summary: 'Declare how a ballot with vote mandates counts in a session', operation: op(declareMandateRule) },
    { method: 'get', path: `${t}/mediation`, tag: 'mediation', summary: 'Mediation requests of the trajectory and their outcomes', operation: op(listMediation) },
    { method: 'post', path: `${t}/mediation`, tag: 'mediation', summary: 'File a mediation request naming the issue (procurement team or provider)', operation: op(fileMediation), status: 201 },
    { method: 'post', path: `${m}/join`, tag: 'mediation', summary: 'Join a mediation request as one of the providers who ask', operation: op(joinMediation) },
    { method: 'post', path: `${m}/seat`, tag: 'mediation', summary: 'Seat an independent mediator (platform administrators)', operation: op(seatMediator) },
    { method: 'get', path: `${m}/messages`, tag: 'mediation', summary: 'The confidential thread (the mediator and the providers who asked only)', operation: op(readMediationThread) },
    { method: 'post', path: `${m}/messages`, tag: 'mediation', summary: 'Write in the confidential thread', operation: op(postMediationMessage), status: 201 },
    { method: 'post', path: `${m}/close`, tag: 'mediation', summary: 'Close the request with an outcome both sides read (the mediator)', operation: op(closeMediation) },
  ];
}
