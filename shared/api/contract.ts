import { z } from 'zod';
import { agreementDto, amendmentDto, commentDto, commentStatusRequest, compareQuery, compareResult, createChapterRequest, createClauseRequest, createCommentRequest, createVersionRequest, decideAmendmentRequest, listCommentsQuery, proposeAmendmentRequest, replyRequest, restoreResult, restoreVersionRequest, updateChapterRequest, updateClauseRequest, variantRequest, versionContentDto, versionDto } from '../schemas/agreement';
import { presenceAnonymity, presenceAnonymityRequest } from '../schemas/anonymity';
import { attachmentDto, attachmentListDto, attachmentParent } from '../schemas/attachments';
import { auditEventDto, auditVerification, outboxMessageDto } from '../schemas/audit';
import { acceptInvitationRequest, invitationPreview, loginRequest, meResponse, passwordResetConfirm, passwordResetRequest } from '../schemas/auth';
import { authConfigDto, oidcStartQuery } from '../schemas/auth-config';
import { calendarSubscriptionDto, visitDto } from '../schemas/calendar';
import { consultationDto, consultationListDto, editReactionRequest, openConsultationRequest, publishConsultationResult, reactOnBehalfRequest, reactRequest, reactionDto, respondRequest } from '../schemas/consultations';
import { finalAgreementDto, signoffRequest } from '../schemas/final';
import { markReadRequest, notificationCentreDto, notificationPreferencesDto, setPreferenceRequest } from '../schemas/notifications';
import { createOutcomeRequest, listOutcomesQuery, outcomeDto, topicChainDto, updateOutcomeRequest } from '../schemas/outcomes';
import { type BallotChoice, type PollResult } from '../live-table/polls';
import { accountDto, auditPublicKeyDto, erasureDto } from '../schemas/privacy';
import { answerQuestionRequest, askQuestionRequest, publishResult, questionDto, questionsOverviewDto } from '../schemas/questions';
import { type ReportCommentDto, type ReportDto, type SessionReportPage, reportCommentRequest, reportSummaryRequest } from '../schemas/reports';
import { searchQuery, searchResult } from '../schemas/search';
import { type AgendaProposal, cancelSessionRequest, castBallot, castBallotOnBehalf, createSessionRequest, openPoll, pollRef, sessionDto, updateSessionRequest } from '../schemas/sessions';
import { decideTopicRequest, proposeTopicRequest, reorderTopicsRequest, topicDto, updateTopicRequest } from '../schemas/topics';
import { changeRoleRequest, createRegionRequest, createTrajectoryRequest, invitationDto, inviteRequest, memberDto, organisationDto, regionDto, trajectoryDto, updateTrajectoryRequest } from '../schemas/trajectories';
import { confirmWordImportRequest, uploadWordImportRequest, wordImportPreviewDto, wordImportResult } from '../schemas/word-import';
import { bulkInvitationPreviewDto, bulkInvitationUpload } from '../schemas/bulk-invitations';
import { setPlainSummaryRequest } from '../schemas/summaries';
import { joinCodeDto } from '../live-table/join-code';
import { contractVersionDto, contractVersionsDto, openRoundRequest } from '../schemas/rounds';
import { grantMandateRequest, mandateRuleRequest, providerKindRequest, revokeMandateRequest, type MandateDto, type MandatesOverviewDto } from '../schemas/mandates';
import { closeMediationRequest, fileMediationRequest, mediationMessageRequest, seatMediatorRequest, type MediationMessageDto, type MediationRequestDto } from '../schemas/mediation';
import { accessionRequest, admissionFormDto, admissionOverviewDto, admissionSettings, answerRequest, applicantViewDto, applicationDto, applyRequest, applyResult, registerDto, reviewRequest } from '../schemas/admission';
import { typed, type RouteDoc } from './define';
import type { OperationId } from './routes';

/**
 * The API contract: for every operationId of ./routes.ts, its tag and summary, the body or query
 * it takes and the answer it gives, as the zod schemas of shared/schemas the operations parse with.
 * The server mounts from it (server/api/routes.ts), the OpenAPI document is made from it
 * (server/api/openapi.ts) and the browser's calls are typed by it (client/api/call.ts).
 */
export const apiContract = {
  // auth
  signIn: { tag: 'auth', summary: 'Sign in with e-mail and password', body: loginRequest, response: meResponse, public: true },
  signOutWithProvider: { tag: 'auth', summary: 'Sign out (and, after an organisation sign-in, where to end the provider’s session)', response: typed<{ redirectTo: string } | undefined>(), status: 204, public: true },
  requestPasswordReset: { tag: 'auth', summary: 'Ask for a password-reset link', body: passwordResetRequest, status: 202, public: true },
  confirmPasswordReset: { tag: 'auth', summary: 'Set a new password with a reset link', body: passwordResetConfirm, response: meResponse, public: true },
  getAuthConfig: { tag: 'auth', summary: 'Which ways of signing in are on', response: authConfigDto, public: true },
  startOidcSignIn: { tag: 'auth', summary: 'Start signing in at the organisation’s OpenID Connect provider (a browser navigation)', query: oidcStartQuery, public: true },
  finishOidcSignIn: { tag: 'auth', summary: 'Where the OpenID Connect provider sends the person back (a browser navigation)', public: true },
  getMe: { tag: 'auth', summary: 'The signed-in person with their trajectories and roles', response: meResponse },
  // invitations
  previewInvitation: { tag: 'invitations', summary: 'What an invitation link is for', response: invitationPreview, public: true },
  acceptInvitation: { tag: 'invitations', summary: 'Accept an invitation', body: acceptInvitationRequest, response: meResponse, public: true },
  listInvitations: { tag: 'invitations', summary: 'Invitations', response: z.array(invitationDto) },
  inviteMember: { tag: 'invitations', summary: 'Invite a person', body: inviteRequest, response: invitationDto, status: 201 },
  revokeInvitation: { tag: 'invitations', summary: 'Withdraw an invitation', status: 204 },
  // trajectories
  listRegions: { tag: 'trajectories', summary: 'Regions', response: z.array(regionDto) },
  createRegion: { tag: 'trajectories', summary: 'Create a region (platform administrators)', body: createRegionRequest, response: regionDto, status: 201 },
  listOrganisations: { tag: 'trajectories', summary: 'Organisations', response: z.array(organisationDto) },
  listTrajectories: { tag: 'trajectories', summary: 'My trajectories', response: z.array(trajectoryDto) },
  createTrajectory: { tag: 'trajectories', summary: 'Create a trajectory', body: createTrajectoryRequest, response: trajectoryDto, status: 201 },
  getTrajectory: { tag: 'trajectories', summary: 'A trajectory', response: trajectoryDto },
  updateTrajectory: { tag: 'trajectories', summary: 'Change a trajectory', body: updateTrajectoryRequest, response: trajectoryDto },
  recordVisit: { tag: 'trajectories', summary: 'I am here: answers with the end of my previous visit, for the “nieuw” markers', response: visitDto },
  // members
  listMembers: { tag: 'members', summary: 'Members', response: z.array(memberDto) },
  changeMemberRole: { tag: 'members', summary: 'Change a member’s role', body: changeRoleRequest, response: memberDto },
  removeMember: { tag: 'members', summary: 'Remove a member', status: 204 },
  getPresenceAnonymity: { tag: 'members', summary: 'Whether I am shown without my name (client representatives)', response: presenceAnonymity },
  setPresenceAnonymity: { tag: 'members', summary: 'Be shown as “een cliëntvertegenwoordiger” in presence and attendance', body: presenceAnonymityRequest, response: presenceAnonymity },
  // topics
  listTopics: { tag: 'topics', summary: 'Dialogue topics in order', response: z.array(topicDto) },
  proposeTopic: { tag: 'topics', summary: 'Propose a topic', body: proposeTopicRequest, response: topicDto, status: 201 },
  reorderTopics: { tag: 'topics', summary: 'Set the order of the topics', body: reorderTopicsRequest, response: z.array(topicDto) },
  decideTopic: { tag: 'topics', summary: 'Accept or decline a proposed topic', body: decideTopicRequest, response: topicDto },
  updateTopic: { tag: 'topics', summary: 'Change a topic', body: updateTopicRequest, response: topicDto },
  // sessions
  listSessions: { tag: 'sessions', summary: 'Dialogue sessions', response: z.array(sessionDto) },
  createSession: { tag: 'sessions', summary: 'Plan a dialogue session', body: createSessionRequest, response: sessionDto, status: 201 },
  trajectoryCalendar: { tag: 'sessions', summary: 'Calendar feed of the sessions' },
  getSession: { tag: 'sessions', summary: 'A dialogue session', response: sessionDto },
  updateSession: { tag: 'sessions', summary: 'Change a planned session', body: updateSessionRequest, response: sessionDto },
  cancelSession: { tag: 'sessions', summary: 'Cancel a planned session, with a reason; it stays in the history', body: cancelSessionRequest, response: sessionDto },
  sessionCalendar: { tag: 'sessions', summary: 'The session as a calendar file' },
  agendaProposal: { tag: 'sessions', summary: 'The agenda order proposed by the ranking poll', response: typed<AgendaProposal>() },
  // polls
  openSessionPoll: { tag: 'polls', summary: 'Open a poll (same as the socket event poll:open)', body: openPoll, response: typed<{ pollId: string }>(), status: 201, paramsInBody: true },
  castPollBallot: { tag: 'polls', summary: 'Cast or change one’s ballot (same as poll:cast)', body: castBallot, response: typed<{ pollId: string; choice: BallotChoice }>(), paramsInBody: true },
  castBallotOnBehalf: {
    tag: 'polls',
    summary: 'The facilitator records a vote for someone without an account in a consultative poll, counted apart as input on behalf',
    body: castBallotOnBehalf,
    response: typed<{ pollId: string; ballotId: string; onBehalfOf: string; choice: BallotChoice }>(),
    status: 201,
    paramsInBody: true,
  },
  closeSessionPoll: { tag: 'polls', summary: 'Close a poll and store its result (same as poll:close)', body: pollRef, response: typed<{ pollId: string; result: PollResult }>(), paramsInBody: true },
  // agreement
  getAgreement: { tag: 'agreement', summary: 'The draft agreement: chapters and numbered clauses', response: agreementDto },
  createChapter: { tag: 'agreement', summary: 'Add a chapter', body: createChapterRequest, response: agreementDto, status: 201 },
  updateChapter: { tag: 'agreement', summary: 'Rename or move a chapter', body: updateChapterRequest, response: agreementDto },
  createClause: { tag: 'agreement', summary: 'Add a clause', body: createClauseRequest, response: agreementDto, status: 201 },
  updateClause: { tag: 'agreement', summary: 'Change a clause’s title, status or topics, or move it', body: updateClauseRequest, response: agreementDto },
  createVariant: { tag: 'agreement', summary: 'Add a municipality variant', body: variantRequest, response: agreementDto, status: 201 },
  updateVariant: { tag: 'agreement', summary: 'Change a municipality variant', body: variantRequest, response: agreementDto },
  listComments: { tag: 'agreement', summary: 'Comments, optionally of one clause or with one status', query: listCommentsQuery, response: z.array(commentDto) },
  createComment: { tag: 'agreement', summary: 'Comment on a part of a clause', body: createCommentRequest, response: commentDto, status: 201 },
  replyToComment: { tag: 'agreement', summary: 'Reply to a comment', body: replyRequest, response: commentDto, status: 201 },
  setCommentStatus: { tag: 'agreement', summary: 'Resolve or reopen a comment', body: commentStatusRequest, response: commentDto },
  listAmendments: { tag: 'agreement', summary: 'Amendments and their outcomes', response: z.array(amendmentDto) },
  proposeAmendment: { tag: 'agreement', summary: 'Propose other wording', body: proposeAmendmentRequest, response: amendmentDto, status: 201 },
  replyToAmendment: { tag: 'agreement', summary: 'Comment on an amendment', body: replyRequest, response: amendmentDto, status: 201 },
  decideAmendment: { tag: 'agreement', summary: 'Accept or decline an amendment', body: decideAmendmentRequest, response: amendmentDto },
  withdrawAmendment: { tag: 'agreement', summary: 'Withdraw one’s own amendment', response: amendmentDto },
  listVersions: { tag: 'agreement', summary: 'Named versions, newest first', response: z.array(versionDto) },
  createVersion: { tag: 'agreement', summary: 'Save a named version of a clause or the agreement', body: createVersionRequest, response: versionDto, status: 201 },
  getVersion: { tag: 'agreement', summary: 'A version’s content, read-only', response: versionContentDto },
  restoreVersion: { tag: 'agreement', summary: 'Restore a clause from a version, as a new edit', body: restoreVersionRequest, response: restoreResult },
  compareVersions: { tag: 'agreement', summary: 'Word-level comparison of a clause between versions', query: compareQuery, response: compareResult },
  previewWordImport: { tag: 'agreement', summary: 'Upload a Word draft (.docx, the file as the body) for a preview; nothing is created', body: uploadWordImportRequest, response: wordImportPreviewDto, upload: true },
  confirmWordImport: { tag: 'agreement', summary: 'Create the chapters and clauses of a confirmed Word-import preview, in one audited step', body: confirmWordImportRequest, response: wordImportResult, status: 201 },
  // questions
  listQuestions: { tag: 'questions', summary: 'Questions and published answers (nota van inlichtingen)', response: questionsOverviewDto },
  askQuestion: { tag: 'questions', summary: 'Ask a question (providers, until the deadline)', body: askQuestionRequest, response: questionDto, status: 201 },
  answerQuestion: { tag: 'questions', summary: 'Draft the answer to a question', body: answerQuestionRequest, response: questionDto },
  publishAnswers: { tag: 'questions', summary: 'Publish every answered question to everyone at once', response: publishResult },
  answersDocumentDocx: { tag: 'questions', summary: 'The published answers as DOCX' },
  answersDocumentPdf: { tag: 'questions', summary: 'The published answers as PDF' },
  // consultations
  listConsultations: { tag: 'consultations', summary: 'Consultations on versions of the agreement', response: consultationListDto },
  openConsultation: { tag: 'consultations', summary: 'Open a consultation on a version of the whole agreement', body: openConsultationRequest, response: consultationDto, status: 201 },
  getConsultation: { tag: 'consultations', summary: 'A consultation: the version’s clauses and the reactions the viewer may read', response: consultationDto },
  closeConsultation: { tag: 'consultations', summary: 'Close a consultation for reactions before its closing date', response: consultationDto },
  publishConsultation: { tag: 'consultations', summary: 'Publish every reaction with its response (once, when all are answered)', response: publishConsultationResult },
  reactToClause: { tag: 'consultations', summary: 'React on a clause of the version', body: reactRequest, response: reactionDto, status: 201 },
  reactOnBehalf: { tag: 'consultations', summary: 'Record a reaction for someone without an account, marked as input on their behalf', body: reactOnBehalfRequest, response: reactionDto, status: 201 },
  editReaction: { tag: 'consultations', summary: 'Change one’s own reaction while the consultation is open', body: editReactionRequest, response: reactionDto },
  withdrawReaction: { tag: 'consultations', summary: 'Withdraw one’s own reaction while the consultation is open', status: 204 },
  respondToReaction: { tag: 'consultations', summary: 'Respond to a reaction (until publication)', body: respondRequest, response: reactionDto },
  reactienotaDocumentDocx: { tag: 'consultations', summary: 'The published reactienota as DOCX' },
  reactienotaDocumentPdf: { tag: 'consultations', summary: 'The published reactienota as PDF' },
  // reports
  getSessionReport: { tag: 'reports', summary: 'A session’s report page: the report, if any, and what the viewer may do', response: typed<SessionReportPage>() },
  generateReport: { tag: 'reports', summary: 'Generate the draft report of a session that has been held', response: typed<ReportDto>(), status: 201 },
  regenerateReport: { tag: 'reports', summary: 'Take a fresh snapshot of the session for the draft', response: typed<ReportDto>() },
  updateReportSummary: { tag: 'reports', summary: 'Set the procurement team’s summary of a draft report', body: reportSummaryRequest, response: typed<ReportDto>() },
  commentOnReport: { tag: 'reports', summary: 'Comment on a draft report', body: reportCommentRequest, response: typed<ReportCommentDto>(), status: 201 },
  publishReport: { tag: 'reports', summary: 'Publish a report to every member; it does not change after that', response: typed<ReportDto>() },
  reportExportDocx: { tag: 'reports', summary: 'The report as DOCX' },
  reportExportPdf: { tag: 'reports', summary: 'The report as PDF' },
  reportResultsCsv: { tag: 'reports', summary: 'The report’s poll results as CSV: per option, stakeholder group and provider kind, with turnout and the mandate rule' },
  // outcomes
  listOutcomes: { tag: 'outcomes', summary: 'Agreements (afspraken), optionally of one topic', query: listOutcomesQuery, response: z.array(outcomeDto) },
  recordOutcome: { tag: 'outcomes', summary: 'Record an agreement on a topic', body: createOutcomeRequest, response: outcomeDto, status: 201 },
  updateOutcome: { tag: 'outcomes', summary: 'Change an agreement (status, text, actions, links)', body: updateOutcomeRequest, response: outcomeDto },
  topicChain: { tag: 'outcomes', summary: 'A topic from input to outcome', response: topicChainDto },
  // final
  getFinalAgreement: { tag: 'final', summary: 'The definitive agreement, its readiness and the sign-off per municipality', response: finalAgreementDto },
  assembleFinalAgreement: { tag: 'final', summary: 'Assemble the definitive agreement (every clause fixed)', response: finalAgreementDto },
  signOffFinalAgreement: { tag: 'final', summary: 'Approve, or reject with a reason, for one’s own municipality', body: signoffRequest, response: finalAgreementDto },
  finalAgreementDocumentDocx: { tag: 'final', summary: 'The definitive agreement as DOCX' },
  finalAgreementDocumentPdf: { tag: 'final', summary: 'The definitive agreement as PDF' },
  // attachments
  listAttachments: { tag: 'attachments', summary: 'The files of a topic, clause, session, question, answer or consultation (?parentKind=…&parentId=…)', query: attachmentParent, response: attachmentListDto },
  addAttachment: { tag: 'attachments', summary: 'Attach a file (?parentKind=…&parentId=…&name=…; the body is the file as application/octet-stream)', response: attachmentDto, status: 201, upload: true },
  replaceAttachment: { tag: 'attachments', summary: 'Replace a file by a new version (?name=…; the body is the file); earlier versions stay', response: attachmentDto, status: 201, upload: true },
  removeAttachment: { tag: 'attachments', summary: 'Remove a file from the list (its versions stay stored and audited)', status: 204 },
  downloadAttachment: { tag: 'attachments', summary: 'Download one version of a file' },
  // audit
  listAuditEvents: { tag: 'audit', summary: 'The audit log, newest first', response: z.array(auditEventDto) },
  verifyAuditChain: { tag: 'audit', summary: 'Verify the audit chain', response: auditVerification },
  auditPublicKey: { tag: 'audit', summary: 'The Ed25519 public key that signs the audit chain heads printed in published documents', response: auditPublicKeyDto, public: true },
  // admin
  verifyPlatformAudit: { tag: 'admin', summary: 'Verify the platform audit chain', response: auditVerification },
  listOutbox: { tag: 'admin', summary: 'Mail that was not sent over SMTP', response: z.array(outboxMessageDto) },
  // privacy
  myPersonalData: { tag: 'privacy', summary: 'Everything stored about the signed-in person, as JSON' },
  myPersonalDataDocumentDocx: { tag: 'privacy', summary: 'Everything stored about the signed-in person, as DOCX' },
  myPersonalDataDocumentPdf: { tag: 'privacy', summary: 'Everything stored about the signed-in person, as PDF' },
  listAccounts: { tag: 'privacy', summary: 'Every account, for erasure on request', response: z.array(accountDto) },
  eraseAccount: { tag: 'privacy', summary: 'Erase an account on request: personal data goes, contributions stay under a pseudonym', response: erasureDto },
  // search
  searchTrajectory: { tag: 'search', summary: 'Search the trajectory: topics, clauses, comments, amendments, questions, agreements and reports the viewer may read', query: searchQuery, response: searchResult },
  // calendar
  getCalendarSubscription: { tag: 'calendar', summary: 'Whether I have a calendar subscription', response: calendarSubscriptionDto },
  renewCalendarSubscription: { tag: 'calendar', summary: 'Make a new secret calendar address (the old one stops working); shown this once', response: calendarSubscriptionDto },
  revokeCalendarSubscription: { tag: 'calendar', summary: 'Stop the calendar subscription', response: calendarSubscriptionDto },
  calendarFeed: { tag: 'calendar', summary: 'The sessions of all my trajectories, behind a secret address (no cookie)', public: true },
  // notifications
  getNotifications: { tag: 'notifications', summary: 'My notification centre: unread count and the latest items', response: notificationCentreDto },
  markNotificationsRead: { tag: 'notifications', summary: 'Mark notifications read (some, or all)', body: markReadRequest, response: z.object({ unread: z.number() }) },
  getNotificationPreferences: { tag: 'notifications', summary: 'How I am told of each kind, per trajectory, and my mail language', response: notificationPreferencesDto },
  setNotificationPreferences: { tag: 'notifications', summary: 'Change how I am told (immediately, daily digest, off) and my mail language', body: setPreferenceRequest, response: notificationPreferencesDto },
  // added with issue 16 and 19: summaries, join codes, change rounds, bulk invitations, voices, admission
  previewBulkInvitations: { tag: 'invitations', summary: 'Check a sheet (CSV or .xlsx, base64) of invitations: each row with its errors', body: bulkInvitationUpload, response: bulkInvitationPreviewDto },
  inviteInBulk: { tag: 'invitations', summary: 'Invite every correct row of a sheet in one step', body: bulkInvitationUpload, response: bulkInvitationPreviewDto, status: 201 },
  setTopicSummary: { tag: 'topics', summary: 'Write a topic’s summary in plain language (B1)', body: setPlainSummaryRequest, response: topicDto },
  getSessionJoinCode: { tag: 'sessions', summary: 'The session’s join code for voting from a phone (/stem/<code>)', response: joinCodeDto },
  findByJoinCode: { tag: 'sessions', summary: 'Which session a join code opens (rate-limited)', response: joinCodeDto },
  setClauseSummary: { tag: 'agreement', summary: 'Write a clause’s summary in plain language (B1)', body: setPlainSummaryRequest, response: agreementDto },
  listContractVersions: { tag: 'final', summary: 'The versions of the definitive agreement (1.0, 1.1, …) and the change round in dialogue', response: contractVersionsDto },
  getContractVersion: { tag: 'final', summary: 'One sealed version: text, seal check, sign-offs and traceability to its change round', response: contractVersionDto },
  openChangeRound: { tag: 'final', summary: 'Open a change round (wijzigingsronde) on the definitive agreement', body: openRoundRequest, response: contractVersionsDto, status: 201 },
  setProviderKind: { tag: 'mandates', summary: 'Set the kind of a seated provider organisation (institution, independent, cooperative, intermediary)', body: providerKindRequest },
  listMandates: { tag: 'mandates', summary: 'Mandates of independent practitioners, per organisation how many it acts for, and the sessions’ rules', response: typed<MandatesOverviewDto>() },
  grantMandate: { tag: 'mandates', summary: 'Register a practitioner’s mandate for one’s own cooperative', body: grantMandateRequest, response: typed<MandateDto>(), status: 201 },
  revokeMandate: { tag: 'mandates', summary: 'Revoke a mandate (the practitioner, the cooperative or the procurement team); it stops counting at once', body: revokeMandateRequest },
  declareMandateRule: { tag: 'mandates', summary: 'Declare how a ballot with vote mandates counts in a session', body: mandateRuleRequest },
  listMediation: { tag: 'mediation', summary: 'Mediation requests of the trajectory and their outcomes', response: typed<MediationRequestDto[]>() },
  fileMediation: { tag: 'mediation', summary: 'File a mediation request naming the issue (procurement team or provider)', body: fileMediationRequest, status: 201 },
  joinMediation: { tag: 'mediation', summary: 'Join a mediation request as one of the providers who ask' },
  seatMediator: { tag: 'mediation', summary: 'Seat an independent mediator (platform administrators)', body: seatMediatorRequest },
  readMediationThread: { tag: 'mediation', summary: 'The confidential thread (the mediator and the providers who asked only)', response: typed<MediationMessageDto[]>() },
  postMediationMessage: { tag: 'mediation', summary: 'Write in the confidential thread', body: mediationMessageRequest, status: 201 },
  closeMediation: { tag: 'mediation', summary: 'Close the request with an outcome both sides read (the mediator)', body: closeMediationRequest },
  getAdmissionForm: { tag: 'admission', summary: 'The public application form of an Open House trajectory: perceelen, declarations and review period', response: admissionFormDto, public: true },
  applyForAdmission: { tag: 'admission', summary: 'Apply for admission (no account); answers with the secret link’s token, also mailed to the contact', body: applyRequest, response: applyResult, status: 201, public: true },
  getProviderRegister: { tag: 'admission', summary: 'The public register of contracted providers', response: registerDto, public: true },
  getProviderRegisterCsv: { tag: 'admission', summary: 'The public register of contracted providers as CSV', public: true },
  eraseApplicant: { tag: 'privacy', summary: 'Erase a refused applicant’s personal data and documents on request (platform administrator); the anonymised decision stays' },
  viewOwnApplication: { tag: 'admission', summary: 'The applicant’s own application through the secret link', response: applicantViewDto, public: true },
  answerAdmissionQuestion: { tag: 'admission', summary: 'Answer the procurement team’s question (secret link)', body: answerRequest, response: applicantViewDto, public: true },
  attachApplicationDocument: { tag: 'admission', summary: 'Attach a document (?name=…; the body is the file as application/octet-stream; secret link)', upload: true, response: applicantViewDto, status: 201, public: true },
  signAccession: { tag: 'admission', summary: 'Sign the accession statement (toetredingsverklaring) to the current sealed agreement (secret link)', body: accessionRequest, response: applicantViewDto, public: true },
  admissionOverview: { tag: 'admission', summary: 'Applications for admission and the admission settings (procurement team)', response: admissionOverviewDto },
  updateAdmissionSettings: { tag: 'admission', summary: 'Set the perceelen, declarations, review and accession periods', body: admissionSettings, response: admissionSettings },
  getAdmissionApplication: { tag: 'admission', summary: 'One application with its history', response: applicationDto },
  reviewAdmissionApplication: { tag: 'admission', summary: 'A review step: complete, a question back (incomplete), admit, or refuse with a reason', body: reviewRequest, response: applicationDto },
} satisfies Record<OperationId, RouteDoc>;

export type ApiContract = typeof apiContract;
