import type { RouteAddress } from './define';

/**
 * Every REST route under /api by its operationId: `METHOD /path` (Express parameters). The
 * contract (./contract.ts) says what goes in and out; the server mounts these addresses and the
 * browser calls them by name (client/api/call.ts). No schemas here, so the first page stays light.
 * A new route: one line here, one in ./contract.ts, one row in server/api/routes.ts.
 */
export const apiRoutes = {
  // auth
  signIn: 'POST /auth/login',
  signOutWithProvider: 'POST /auth/logout',
  requestPasswordReset: 'POST /auth/password-reset',
  confirmPasswordReset: 'POST /auth/password-reset/confirm',
  getAuthConfig: 'GET /auth/config',
  startOidcSignIn: 'GET /auth/oidc/start',
  finishOidcSignIn: 'GET /auth/oidc/callback',
  getMe: 'GET /me',
  // invitations
  previewInvitation: 'GET /invitations/:token',
  acceptInvitation: 'POST /invitations/:token/accept',
  listInvitations: 'GET /trajectories/:trajectoryId/invitations',
  inviteMember: 'POST /trajectories/:trajectoryId/invitations',
  revokeInvitation: 'DELETE /trajectories/:trajectoryId/invitations/:invitationId',
  // trajectories
  listRegions: 'GET /regions',
  createRegion: 'POST /regions',
  listOrganisations: 'GET /organisations',
  listTrajectories: 'GET /trajectories',
  createTrajectory: 'POST /trajectories',
  getTrajectory: 'GET /trajectories/:trajectoryId',
  updateTrajectory: 'PATCH /trajectories/:trajectoryId',
  recordVisit: 'PUT /trajectories/:trajectoryId/visit',
  // members
  listMembers: 'GET /trajectories/:trajectoryId/members',
  changeMemberRole: 'PATCH /trajectories/:trajectoryId/members/:memberId',
  removeMember: 'DELETE /trajectories/:trajectoryId/members/:memberId',
  getPresenceAnonymity: 'GET /trajectories/:trajectoryId/me/anonymity',
  setPresenceAnonymity: 'PUT /trajectories/:trajectoryId/me/anonymity',
  // topics
  listTopics: 'GET /trajectories/:trajectoryId/topics',
  proposeTopic: 'POST /trajectories/:trajectoryId/topics',
  reorderTopics: 'PUT /trajectories/:trajectoryId/topics/order',
  decideTopic: 'POST /trajectories/:trajectoryId/topics/:topicId/decision',
  updateTopic: 'PATCH /trajectories/:trajectoryId/topics/:topicId',
  // sessions
  listSessions: 'GET /trajectories/:trajectoryId/sessions',
  createSession: 'POST /trajectories/:trajectoryId/sessions',
  trajectoryCalendar: 'GET /trajectories/:trajectoryId/sessions.ics',
  getSession: 'GET /sessions/:sessionId',
  updateSession: 'PATCH /sessions/:sessionId',
  cancelSession: 'POST /sessions/:sessionId/cancel',
  sessionCalendar: 'GET /sessions/:sessionId/calendar.ics',
  agendaProposal: 'GET /sessions/:sessionId/agenda-proposal',
  // polls
  openSessionPoll: 'POST /sessions/:sessionId/polls',
  castPollBallot: 'POST /polls/:pollId/ballot',
  closeSessionPoll: 'POST /polls/:pollId/close',
  // agreement
  getAgreement: 'GET /trajectories/:trajectoryId/agreement',
  createChapter: 'POST /trajectories/:trajectoryId/agreement/chapters',
  updateChapter: 'PATCH /trajectories/:trajectoryId/agreement/chapters/:chapterId',
  createClause: 'POST /trajectories/:trajectoryId/agreement/clauses',
  updateClause: 'PATCH /trajectories/:trajectoryId/agreement/clauses/:clauseId',
  createVariant: 'POST /trajectories/:trajectoryId/agreement/clauses/:clauseId/variants',
  updateVariant: 'PATCH /trajectories/:trajectoryId/agreement/clauses/:clauseId/variants/:variantId',
  listComments: 'GET /trajectories/:trajectoryId/comments',
  createComment: 'POST /trajectories/:trajectoryId/agreement/clauses/:clauseId/comments',
  replyToComment: 'POST /trajectories/:trajectoryId/comments/:commentId/replies',
  setCommentStatus: 'PUT /trajectories/:trajectoryId/comments/:commentId/status',
  listAmendments: 'GET /trajectories/:trajectoryId/amendments',
  proposeAmendment: 'POST /trajectories/:trajectoryId/agreement/clauses/:clauseId/amendments',
  replyToAmendment: 'POST /trajectories/:trajectoryId/amendments/:amendmentId/replies',
  decideAmendment: 'POST /trajectories/:trajectoryId/amendments/:amendmentId/decision',
  withdrawAmendment: 'POST /trajectories/:trajectoryId/amendments/:amendmentId/withdraw',
  listVersions: 'GET /trajectories/:trajectoryId/versions',
  createVersion: 'POST /trajectories/:trajectoryId/versions',
  getVersion: 'GET /trajectories/:trajectoryId/versions/:versionId',
  restoreVersion: 'POST /trajectories/:trajectoryId/versions/:versionId/restore',
  compareVersions: 'GET /trajectories/:trajectoryId/compare',
  previewWordImport: 'POST /trajectories/:trajectoryId/agreement/import/preview',
  confirmWordImport: 'POST /trajectories/:trajectoryId/agreement/import',
  // questions
  listQuestions: 'GET /trajectories/:trajectoryId/questions',
  askQuestion: 'POST /trajectories/:trajectoryId/questions',
  answerQuestion: 'PUT /trajectories/:trajectoryId/questions/:questionId/answer',
  publishAnswers: 'POST /trajectories/:trajectoryId/questions/publish',
  answersDocumentDocx: 'GET /trajectories/:trajectoryId/questions/nota.docx',
  answersDocumentPdf: 'GET /trajectories/:trajectoryId/questions/nota.pdf',
  // consultations
  listConsultations: 'GET /trajectories/:trajectoryId/consultations',
  openConsultation: 'POST /trajectories/:trajectoryId/consultations',
  getConsultation: 'GET /trajectories/:trajectoryId/consultations/:consultationId',
  closeConsultation: 'POST /trajectories/:trajectoryId/consultations/:consultationId/close',
  publishConsultation: 'POST /trajectories/:trajectoryId/consultations/:consultationId/publish',
  reactToClause: 'POST /trajectories/:trajectoryId/consultations/:consultationId/reactions',
  editReaction: 'PATCH /trajectories/:trajectoryId/consultations/:consultationId/reactions/:reactionId',
  withdrawReaction: 'DELETE /trajectories/:trajectoryId/consultations/:consultationId/reactions/:reactionId',
  respondToReaction: 'PUT /trajectories/:trajectoryId/consultations/:consultationId/reactions/:reactionId/response',
  reactienotaDocumentDocx: 'GET /trajectories/:trajectoryId/consultations/:consultationId/reactienota.docx',
  reactienotaDocumentPdf: 'GET /trajectories/:trajectoryId/consultations/:consultationId/reactienota.pdf',
  // reports
  getSessionReport: 'GET /trajectories/:trajectoryId/sessions/:sessionId/report',
  generateReport: 'POST /trajectories/:trajectoryId/sessions/:sessionId/report',
  regenerateReport: 'POST /trajectories/:trajectoryId/reports/:reportId/regenerate',
  updateReportSummary: 'PUT /trajectories/:trajectoryId/reports/:reportId/summary',
  commentOnReport: 'POST /trajectories/:trajectoryId/reports/:reportId/comments',
  publishReport: 'POST /trajectories/:trajectoryId/reports/:reportId/publish',
  reportExportDocx: 'GET /trajectories/:trajectoryId/reports/:reportId/verslag.docx',
  reportExportPdf: 'GET /trajectories/:trajectoryId/reports/:reportId/verslag.pdf',
  // outcomes
  listOutcomes: 'GET /trajectories/:trajectoryId/outcomes',
  recordOutcome: 'POST /trajectories/:trajectoryId/outcomes',
  updateOutcome: 'PUT /trajectories/:trajectoryId/outcomes/:outcomeId',
  topicChain: 'GET /trajectories/:trajectoryId/topics/:topicId/chain',
  // final
  getFinalAgreement: 'GET /trajectories/:trajectoryId/final',
  assembleFinalAgreement: 'POST /trajectories/:trajectoryId/final/assemble',
  signOffFinalAgreement: 'POST /trajectories/:trajectoryId/final/signoffs',
  finalAgreementDocumentDocx: 'GET /trajectories/:trajectoryId/final/agreement.docx',
  finalAgreementDocumentPdf: 'GET /trajectories/:trajectoryId/final/agreement.pdf',
  // attachments
  listAttachments: 'GET /trajectories/:trajectoryId/attachments',
  addAttachment: 'POST /trajectories/:trajectoryId/attachments',
  replaceAttachment: 'POST /trajectories/:trajectoryId/attachments/:attachmentId/versions',
  removeAttachment: 'DELETE /trajectories/:trajectoryId/attachments/:attachmentId',
  downloadAttachment: 'GET /trajectories/:trajectoryId/attachments/:attachmentId/files/:fileId',
  // audit
  listAuditEvents: 'GET /trajectories/:trajectoryId/audit',
  verifyAuditChain: 'GET /trajectories/:trajectoryId/audit/verify',
  auditPublicKey: 'GET /audit/public-key',
  // admin
  verifyPlatformAudit: 'GET /admin/audit/verify',
  listOutbox: 'GET /admin/outbox',
  // privacy
  myPersonalData: 'GET /me/data.json',
  myPersonalDataDocumentDocx: 'GET /me/data.docx',
  myPersonalDataDocumentPdf: 'GET /me/data.pdf',
  listAccounts: 'GET /admin/accounts',
  eraseAccount: 'POST /admin/accounts/:userId/erase',
  // search
  searchTrajectory: 'GET /trajectories/:trajectoryId/search',
  // calendar
  getCalendarSubscription: 'GET /me/calendar-subscription',
  renewCalendarSubscription: 'POST /me/calendar-subscription',
  revokeCalendarSubscription: 'DELETE /me/calendar-subscription',
  calendarFeed: 'GET /calendar/:token.ics',
  // notifications
  getNotifications: 'GET /notifications',
  markNotificationsRead: 'POST /notifications/read',
  getNotificationPreferences: 'GET /notifications/preferences',
  setNotificationPreferences: 'PUT /notifications/preferences',
} as const satisfies Record<string, RouteAddress>;

export type ApiRoutes = typeof apiRoutes;
export type OperationId = keyof ApiRoutes;
