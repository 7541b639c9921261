import { randomUUID } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roleMay, trajectoryActions, trajectoryPermissions, type TrajectoryAction } from '../../shared/domain/permissions';
import { roles, stakeholderGroupByRole, type Role } from '../../shared/domain/roles';
import type { PollResult } from '../../shared/live-table/polls';
import type { LiveState } from '../../shared/schemas/sessions';
import {
  apiClient,
  demoEmails,
  demoTrajectoryIds,
  expectError,
  mailedToken,
  sessionCookieName,
  signIn,
  uniqueEmail,
  type ApiClient,
  type ApiResponse,
  type DemoIds,
} from '../helpers/api-client';
import { accountFeatureTags, agreementFeatureTags, apiRoutes, consultationFeatureTags, fillPath, finalFeatureTags, hasBody, isTrajectoryScoped, outcomeFeatureTags, pathParams, questionFeatureTags, reportFeatureTags, routeKey, searchFeatureTags, sessionFeatureTags, attachmentFeatureTags, admissionFeatureTags, type ApiRoute } from '../helpers/routes';
import { startServer, type RunningServer } from '../helpers/server';
import { docxType, draftAgreementDocx } from '../helpers/word-files';

interface Fixture {
  /** Files on an IJmond clause: one to read and replace, one to remove (attachments follow the clause's policy). */
  attachment: { id: string; fileId: string; toRemoveId: string };
  ids: DemoIds;
  orgs: Map<string, string>;
  /** Per trajectory: a membership, a topic and an open invitation. */
  ijmond: { procurementMemberId: string; acceptedTopic: { id: string; title: string }; proposedTopicId: string; openInvitationId: string };
  /** IJmond's demo sessions, and polls opened by the procurement team at the planned one. */
  sessions: { endedId: string; planned: { id: string; title: string }; votePollId: string; closePollIds: Record<Role, string> };
  midden: { memberId: string; topicId: string; invitationId: string; sessionId: string; pollId: string };
  /** IJmond's demo agreement, and comments and amendments of each role to resolve or withdraw. */
  agreement: {
    chapter: { id: string; title: string };
    clause: { id: string; title: string };
    variant: { id: string; label: string; municipalities: string[] };
    anchor: { start: string; end: string; quote: string };
    commentId: string;
    ownComment: Partial<Record<Role, string>>;
    amendmentId: string;
    ownAmendment: Partial<Record<Role, string>>;
    toDecideId: string;
    versionId: string;
  };
  /** A question asked in IJmond (whose question deadline is moved to next week for the matrix). */
  questionId: string;
  /** An application for admission in IJmond (made while IJmond was briefly an Open House). */
  admissionApplicationId: string;
  /** IJmond's consultations: one to react and respond on (with a reaction of each role that reacts, to change and one to withdraw), one to close, one to publish. */
  consultation: { id: string; clauseId: string; toAnswerId: string; ownReaction: Partial<Record<Role, string>>; toWithdraw: Partial<Record<Role, string>>; toCloseId: string; toPublishId: string };
  /** IJmond reports: a draft of the ended demo session to comment on, and one of a live session to publish. */
  reports: { draftId: string; toPublishId: string };
  /** An agreement (afspraak) of the IJmond demo, re-saved unchanged by the probes. */
  outcome: { id: string; body: Record<string, unknown> };
  /**
   * Bundled voices: the demo provider's organisation (made a cooperative) with a mandate to revoke;
   * a mediation request filed by the provider (to join, its confidential thread to read and write)
   * and one filed by the procurement team with the demo mediator seated (to close).
   */
  voices: { providerOrgId: string; mandateId: string; mediation: { toJoinId: string; toCloseId: string } };
}

/** One representative request for a route; `route` names the route of the table it exercises. */
interface Probe {
  route: string;
  request: (client: ApiClient, f: Fixture, role: Role) => Promise<ApiResponse>;
}

/** A socket event of the live table, for actions that have no REST route. */
interface SocketProbe {
  event: string;
  payload: (f: Fixture, role: Role) => unknown;
}

const declaration = { outcomeKind: 'advice', decidedBy: 'de colleges van B&W' } as const;

/** A sheet (CSV, base64) of one correct invitation row, for the bulk-invitation routes (bulk-invitations.test.ts). */
const invitationSheet = (email: string) => ({
  fileName: 'uitnodigingen.csv',
  content: Buffer.from(`organisatie;kvk-nummer;contactpersoon;e-mail;rol\r\nPraktijk Matrix;12345678;Contact Matrix;${email};aanbieder`).toString('base64'),
});

/**
 * Action → the REST route(s) behind it, each with a request that succeeds (or fails with a
 * domain error such as 409) when the role may take the action. Requests that would break
 * later probes are chosen to be harmless: re-setting a value to what it is, removing the
 * last procurement-team member or changing an ended session (which the server refuses with
 * 409 after authorising). Every route inside a trajectory (trajectory, session or poll id in
 * its path) needs a probe; every action needs a REST or a socket probe.
 */
const probes: Partial<Record<TrajectoryAction, Probe[]>> = {
  'trajectory.view': [
    { route: 'GET /trajectories/:trajectoryId', request: (c, f) => c.get(`/trajectories/${f.ids.ijmond}`) },
    { route: 'GET /trajectories/:trajectoryId/me/anonymity', request: (c, f) => c.get(`/trajectories/${f.ids.ijmond}/me/anonymity`) },
    // Every seat searches; what each result shows is decided per item (search.test.ts).
    { route: 'GET /trajectories/:trajectoryId/search', request: (c, f) => c.get(`/trajectories/${f.ids.ijmond}/search?q=afspraak`) },
    { route: 'PUT /trajectories/:trajectoryId/visit', request: (c, f) => c.put(`/trajectories/${f.ids.ijmond}/visit`) },
  ],
  // Shown by name again at the end: the probe leaves nobody anonymous for the tests after it.
  'member.chooseAnonymity': [{ route: 'PUT /trajectories/:trajectoryId/me/anonymity', request: (c, f) => c.put(`/trajectories/${f.ids.ijmond}/me/anonymity`, { anonymous: false }) }],
  'trajectory.update': [
    {
      route: 'PATCH /trajectories/:trajectoryId',
      request: async (c, f) => c.patch(`/trajectories/${f.ids.ijmond}`, { model: 'dialogue_tender' }),
    },
  ],
  'member.list': [{ route: 'GET /trajectories/:trajectoryId/members', request: (c, f) => c.get(`/trajectories/${f.ids.ijmond}/members`) }],
  'member.invite': [
    {
      route: 'POST /trajectories/:trajectoryId/invitations',
      request: (c, f, role) =>
        c.post(`/trajectories/${f.ids.ijmond}/invitations`, { email: uniqueEmail(`matrix-${role}`), role: 'observer', organisation: { id: f.orgs.get('Gemeente Haarlem') } }),
    },
    // A sheet of one correct row: previewed, then invited in one step.
    { route: 'POST /trajectories/:trajectoryId/invitations/bulk/preview', request: (c, f, role) => c.post(`/trajectories/${f.ids.ijmond}/invitations/bulk/preview`, invitationSheet(uniqueEmail(`bulk-${role}`))) },
    { route: 'POST /trajectories/:trajectoryId/invitations/bulk', request: (c, f, role) => c.post(`/trajectories/${f.ids.ijmond}/invitations/bulk`, invitationSheet(uniqueEmail(`bulk-${role}`))) },
  ],
  'member.changeRole': [
    {
      route: 'PATCH /trajectories/:trajectoryId/members/:memberId',
      request: (c, f) => c.patch(`/trajectories/${f.ids.ijmond}/members/${f.ijmond.procurementMemberId}`, { role: 'procurement' }),
    },
    // The kind of a seated provider organisation is the members admin's: re-set to the cooperative the fixture made it.
    {
      route: 'PUT /trajectories/:trajectoryId/organisations/:organisationId/provider-kind',
      request: (c, f) => c.put(`/trajectories/${f.ids.ijmond}/organisations/${f.voices.providerOrgId}/provider-kind`, { providerKind: 'cooperative' }),
    },
  ],
  'member.remove': [
    {
      route: 'DELETE /trajectories/:trajectoryId/members/:memberId',
      request: (c, f) => c.delete(`/trajectories/${f.ids.ijmond}/members/${f.ijmond.procurementMemberId}`),
    },
  ],
  'invitation.list': [{ route: 'GET /trajectories/:trajectoryId/invitations', request: (c, f) => c.get(`/trajectories/${f.ids.ijmond}/invitations`) }],
  'invitation.revoke': [
    {
      route: 'DELETE /trajectories/:trajectoryId/invitations/:invitationId',
      request: (c, f) => c.delete(`/trajectories/${f.ids.ijmond}/invitations/${f.ijmond.openInvitationId}`),
    },
  ],
  'topic.list': [{ route: 'GET /trajectories/:trajectoryId/topics', request: (c, f) => c.get(`/trajectories/${f.ids.ijmond}/topics`) }],
  'topic.propose': [
    { route: 'POST /trajectories/:trajectoryId/topics', request: (c, f, role) => c.post(`/trajectories/${f.ids.ijmond}/topics`, { title: `Voorstel van ${role}` }) },
  ],
  'topic.decide': [
    {
      route: 'POST /trajectories/:trajectoryId/topics/:topicId/decision',
      request: (c, f) => c.post(`/trajectories/${f.ids.ijmond}/topics/${f.ijmond.proposedTopicId}/decision`, { decision: 'accept' }),
    },
  ],
  'topic.update': [
    {
      route: 'PATCH /trajectories/:trajectoryId/topics/:topicId',
      request: (c, f) => c.patch(`/trajectories/${f.ids.ijmond}/topics/${f.ijmond.acceptedTopic.id}`, { title: f.ijmond.acceptedTopic.title }),
    },
    {
      route: 'PUT /trajectories/:trajectoryId/topics/:topicId/summary',
      request: (c, f, role) => c.put(`/trajectories/${f.ids.ijmond}/topics/${f.ijmond.acceptedTopic.id}/summary`, { summary: `In gewone taal, door ${role}.` }),
    },
    {
      route: 'PUT /trajectories/:trajectoryId/topics/order',
      request: async (c, f) => {
        // The current order, read by the procurement team: the request keeps it as it is.
        const current = await procurementClient!.get(`/trajectories/${f.ids.ijmond}/topics`);
        return c.put(`/trajectories/${f.ids.ijmond}/topics/order`, { order: current.body.map((t: { id: string }) => t.id) });
      },
    },
  ],
  'audit.view': [
    { route: 'GET /trajectories/:trajectoryId/audit', request: (c, f) => c.get(`/trajectories/${f.ids.ijmond}/audit`) },
    { route: 'GET /trajectories/:trajectoryId/audit/verify', request: (c, f) => c.get(`/trajectories/${f.ids.ijmond}/audit/verify`) },
  ],
  'session.view': [
    { route: 'GET /trajectories/:trajectoryId/sessions', request: (c, f) => c.get(`/trajectories/${f.ids.ijmond}/sessions`) },
    { route: 'GET /trajectories/:trajectoryId/sessions.ics', request: (c, f) => c.get(`/trajectories/${f.ids.ijmond}/sessions.ics`) },
    { route: 'GET /sessions/:sessionId', request: (c, f) => c.get(`/sessions/${f.sessions.planned.id}`) },
    { route: 'GET /sessions/:sessionId/calendar.ics', request: (c, f) => c.get(`/sessions/${f.sessions.endedId}/calendar.ics`) },
    { route: 'GET /sessions/:sessionId/agenda-proposal', request: (c, f) => c.get(`/sessions/${f.sessions.endedId}/agenda-proposal`) },
    // The join code of the screen view: whoever may see the session.
    { route: 'GET /sessions/:sessionId/join-code', request: (c, f) => c.get(`/sessions/${f.sessions.planned.id}/join-code`) },
  ],
  'session.manage': [
    {
      route: 'POST /trajectories/:trajectoryId/sessions',
      request: (c, f, role) => c.post(`/trajectories/${f.ids.ijmond}/sessions`, { title: `Sessie van ${role}`, startsAt: new Date().toISOString(), declaration }),
    },
    { route: 'PATCH /sessions/:sessionId', request: (c, f) => c.patch(`/sessions/${f.sessions.planned.id}`, { title: f.sessions.planned.title }) },
    // An ended session's record does not change: 409, but only after the role was allowed.
    { route: 'PATCH /sessions/:sessionId', request: (c, f) => c.patch(`/sessions/${f.sessions.endedId}`, { title: 'Nieuwe titel' }) },
  ],
  // An ended session cannot be cancelled: 409, but only after the role was allowed.
  'session.cancel': [{ route: 'POST /sessions/:sessionId/cancel', request: (c, f) => c.post(`/sessions/${f.sessions.endedId}/cancel`, { reason: 'Probe' }) }],
  'poll.open': [
    {
      route: 'POST /sessions/:sessionId/polls',
      request: (c, f, role) => c.post(`/sessions/${f.sessions.planned.id}/polls`, { settings: { kind: 'consent', question: `Peiling van ${role}` } }),
    },
  ],
  'poll.vote': [
    { route: 'POST /polls/:pollId/ballot', request: (c, f) => c.post(`/polls/${f.sessions.votePollId}/ballot`, { choice: { kind: 'consent', option: 'agree' } }) },
  ],
  // A vote recorded for someone without an account (issue 16): the facilitator only, in a consultative poll (on-behalf-input.test.ts).
  'poll.voteOnBehalf': [
    {
      route: 'POST /polls/:pollId/ballot/on-behalf',
      request: (c, f, role) => c.post(`/polls/${f.sessions.votePollId}/ballot/on-behalf`, { recordingId: randomUUID(), onBehalfOf: `een jongere, vastgelegd door ${role}`, choice: { kind: 'consent', option: 'agree' } }),
    },
  ],
  'agreement.view': [
    { route: 'GET /trajectories/:trajectoryId/attachments', request: (c, f) => c.get(`/trajectories/${f.ids.ijmond}/attachments?parentKind=clause&parentId=${f.agreement.clause.id}`) },
    { route: 'GET /trajectories/:trajectoryId/attachments/:attachmentId/files/:fileId', request: (c, f) => c.get(`/trajectories/${f.ids.ijmond}/attachments/${f.attachment.id}/files/${f.attachment.fileId}`) },
    { route: 'GET /trajectories/:trajectoryId/agreement', request: (c, f) => c.get(`/trajectories/${f.ids.ijmond}/agreement`) },
    { route: 'GET /trajectories/:trajectoryId/comments', request: (c, f) => c.get(`/trajectories/${f.ids.ijmond}/comments?status=open`) },
    { route: 'GET /trajectories/:trajectoryId/amendments', request: (c, f) => c.get(`/trajectories/${f.ids.ijmond}/amendments`) },
    { route: 'GET /trajectories/:trajectoryId/versions', request: (c, f) => c.get(`/trajectories/${f.ids.ijmond}/versions`) },
    { route: 'GET /trajectories/:trajectoryId/versions/:versionId', request: (c, f) => c.get(`/trajectories/${f.ids.ijmond}/versions/${f.agreement.versionId}`) },
    {
      route: 'GET /trajectories/:trajectoryId/compare',
      request: (c, f) => c.get(`/trajectories/${f.ids.ijmond}/compare?clauseId=${f.agreement.clause.id}&from=${f.agreement.versionId}&to=current`),
    },
  ],
  'agreement.manage': [
    { route: 'POST /trajectories/:trajectoryId/attachments', request: (c, f, role) => attach(c, `/trajectories/${f.ids.ijmond}/attachments?parentKind=clause&parentId=${f.agreement.clause.id}&name=${encodeURIComponent(`bijlage-${role}.txt`)}`) },
    { route: 'POST /trajectories/:trajectoryId/attachments/:attachmentId/versions', request: (c, f, role) => attach(c, `/trajectories/${f.ids.ijmond}/attachments/${f.attachment.id}/versions?name=${encodeURIComponent(`versie-${role}.txt`)}`) },
    { route: 'DELETE /trajectories/:trajectoryId/attachments/:attachmentId', request: (c, f) => c.request('DELETE', `/trajectories/${f.ids.ijmond}/attachments/${f.attachment.toRemoveId}`) },
    { route: 'POST /trajectories/:trajectoryId/agreement/chapters', request: (c, f, role) => c.post(`/trajectories/${f.ids.ijmond}/agreement/chapters`, { title: `Hoofdstuk van ${role}` }) },
    {
      route: 'PATCH /trajectories/:trajectoryId/agreement/chapters/:chapterId',
      request: (c, f) => c.patch(`/trajectories/${f.ids.ijmond}/agreement/chapters/${f.agreement.chapter.id}`, { title: f.agreement.chapter.title }),
    },
    {
      route: 'POST /trajectories/:trajectoryId/agreement/clauses',
      request: (c, f, role) => c.post(`/trajectories/${f.ids.ijmond}/agreement/clauses`, { chapterId: f.agreement.chapter.id, title: `Artikel van ${role}` }),
    },
    {
      route: 'PATCH /trajectories/:trajectoryId/agreement/clauses/:clauseId',
      request: (c, f) => c.patch(`/trajectories/${f.ids.ijmond}/agreement/clauses/${f.agreement.clause.id}`, { title: f.agreement.clause.title }),
    },
    {
      route: 'PUT /trajectories/:trajectoryId/agreement/clauses/:clauseId/summary',
      request: (c, f, role) => c.put(`/trajectories/${f.ids.ijmond}/agreement/clauses/${f.agreement.clause.id}/summary`, { summary: `In gewone taal, door ${role}.` }),
    },
    {
      route: 'POST /trajectories/:trajectoryId/agreement/clauses/:clauseId/variants',
      request: (c, f, role) => c.post(`/trajectories/${f.ids.ijmond}/agreement/clauses/${f.agreement.clause.id}/variants`, { label: `Variant van ${role}`, municipalities: ['Zandvoort'] }),
    },
    {
      route: 'PATCH /trajectories/:trajectoryId/agreement/clauses/:clauseId/variants/:variantId',
      request: (c, f) => {
        const { id, label, municipalities } = f.agreement.variant;
        return c.patch(`/trajectories/${f.ids.ijmond}/agreement/clauses/${f.agreement.clause.id}/variants/${id}`, { label, municipalities });
      },
    },
    { route: 'POST /trajectories/:trajectoryId/agreement/import/preview', request: (c, f) => uploadWord(c, `/trajectories/${f.ids.ijmond}/agreement/import/preview`) },
    // A preview id that does not exist: the procurement team is told it is gone (410), everyone else is forbidden first.
    { route: 'POST /trajectories/:trajectoryId/agreement/import', request: (c, f) => c.post(`/trajectories/${f.ids.ijmond}/agreement/import`, { previewId: 'a'.repeat(24), chapters: [{ title: 'Hoofdstuk', clauses: [] }] }) },
  ],
  'comment.create': [
    {
      route: 'POST /trajectories/:trajectoryId/agreement/clauses/:clauseId/comments',
      request: (c, f, role) => c.post(`/trajectories/${f.ids.ijmond}/agreement/clauses/${f.agreement.clause.id}/comments`, { anchor: f.agreement.anchor, body: `Reactie van ${role}` }),
    },
    { route: 'POST /trajectories/:trajectoryId/comments/:commentId/replies', request: (c, f, role) => c.post(`/trajectories/${f.ids.ijmond}/comments/${f.agreement.commentId}/replies`, { body: `Antwoord van ${role}` }) },
    // Everyone resolves their own comment.
    { route: 'PUT /trajectories/:trajectoryId/comments/:commentId/status', request: (c, f, role) => c.put(`/trajectories/${f.ids.ijmond}/comments/${f.agreement.ownComment[role] ?? f.agreement.commentId}/status`, { status: 'resolved' }) },
    { route: 'POST /trajectories/:trajectoryId/amendments/:amendmentId/replies', request: (c, f, role) => c.post(`/trajectories/${f.ids.ijmond}/amendments/${f.agreement.amendmentId}/replies`, { body: `Antwoord van ${role}` }) },
  ],
  // Input on someone's behalf: the comment route with a description (on-behalf.test.ts).
  'contribution.onBehalf': [
    {
      route: 'POST /trajectories/:trajectoryId/agreement/clauses/:clauseId/comments',
      request: (c, f, role) =>
        c.post(`/trajectories/${f.ids.ijmond}/agreement/clauses/${f.agreement.clause.id}/comments`, { anchor: f.agreement.anchor, body: `Namens iemand, door ${role}`, onBehalfOf: 'een jongere van Team Ed' }),
    },
    // And a reaction in a consultation on someone's behalf (on-behalf-input.test.ts).
    {
      route: 'POST /trajectories/:trajectoryId/consultations/:consultationId/reactions/on-behalf',
      request: (c, f, role) =>
        c.post(`/trajectories/${f.ids.ijmond}/consultations/${f.consultation.id}/reactions/on-behalf`, { clauseId: f.consultation.clauseId, text: `Namens iemand, door ${role}`, onBehalfOf: 'een ouder uit Velsen' }),
    },
  ],
  'amendment.propose': [
    {
      route: 'POST /trajectories/:trajectoryId/agreement/clauses/:clauseId/amendments',
      request: (c, f, role) =>
        c.post(`/trajectories/${f.ids.ijmond}/agreement/clauses/${f.agreement.clause.id}/amendments`, { proposedText: `Tekst van ${role}`, motivation: 'Duidelijker.' }),
    },
    {
      route: 'POST /trajectories/:trajectoryId/amendments/:amendmentId/withdraw',
      request: (c, f, role) => c.post(`/trajectories/${f.ids.ijmond}/amendments/${f.agreement.ownAmendment[role] ?? f.agreement.amendmentId}/withdraw`, {}),
    },
  ],
  'amendment.decide': [
    {
      route: 'POST /trajectories/:trajectoryId/amendments/:amendmentId/decision',
      request: (c, f) => c.post(`/trajectories/${f.ids.ijmond}/amendments/${f.agreement.toDecideId}/decision`, { decision: 'decline', reason: 'Niet nodig.' }),
    },
  ],
  'version.create': [
    { route: 'POST /trajectories/:trajectoryId/versions', request: (c, f, role) => c.post(`/trajectories/${f.ids.ijmond}/versions`, { name: `Versie van ${role}`, clauseId: f.agreement.clause.id }) },
  ],
  'version.restore': [
    {
      route: 'POST /trajectories/:trajectoryId/versions/:versionId/restore',
      request: (c, f) => c.post(`/trajectories/${f.ids.ijmond}/versions/${f.agreement.versionId}/restore`, { clauseId: f.agreement.clause.id }),
    },
  ],
  'question.list': [
    { route: 'GET /trajectories/:trajectoryId/questions', request: (c, f) => c.get(`/trajectories/${f.ids.ijmond}/questions`) },
    { route: 'GET /trajectories/:trajectoryId/questions/nota.docx', request: (c, f) => c.get(`/trajectories/${f.ids.ijmond}/questions/nota.docx`) },
    { route: 'GET /trajectories/:trajectoryId/questions/nota.pdf', request: (c, f) => c.get(`/trajectories/${f.ids.ijmond}/questions/nota.pdf`) },
  ],
  'question.ask': [{ route: 'POST /trajectories/:trajectoryId/questions', request: (c, f, role) => c.post(`/trajectories/${f.ids.ijmond}/questions`, { text: `Vraag van ${role}?` }) }],
  'question.answer': [
    { route: 'PUT /trajectories/:trajectoryId/questions/:questionId/answer', request: (c, f) => c.put(`/trajectories/${f.ids.ijmond}/questions/${f.questionId}/answer`, { answer: 'Zo is het.' }) },
  ],
  // Allowed: published, or 409 when nothing is answered (both after the policy).
  'question.publish': [{ route: 'POST /trajectories/:trajectoryId/questions/publish', request: (c, f) => c.post(`/trajectories/${f.ids.ijmond}/questions/publish`, {}) }],
  'consultation.view': [
    { route: 'GET /trajectories/:trajectoryId/consultations', request: (c, f) => c.get(`/trajectories/${f.ids.ijmond}/consultations`) },
    { route: 'GET /trajectories/:trajectoryId/consultations/:consultationId', request: (c, f) => c.get(`/trajectories/${f.ids.ijmond}/consultations/${f.consultation.id}`) },
    // Not published yet: 409, after the policy.
    { route: 'GET /trajectories/:trajectoryId/consultations/:consultationId/reactienota.docx', request: (c, f) => c.get(`/trajectories/${f.ids.ijmond}/consultations/${f.consultation.id}/reactienota.docx`) },
    { route: 'GET /trajectories/:trajectoryId/consultations/:consultationId/reactienota.pdf', request: (c, f) => c.get(`/trajectories/${f.ids.ijmond}/consultations/${f.consultation.id}/reactienota.pdf`) },
  ],
  'consultation.manage': [
    {
      route: 'POST /trajectories/:trajectoryId/consultations',
      request: async (c, f, role) => {
        const versions = await procurementClient!.get(`/trajectories/${f.ids.ijmond}/versions`);
        const whole = versions.body.find((v: { clauseId: string | null }) => v.clauseId === null);
        return c.post(`/trajectories/${f.ids.ijmond}/consultations`, { title: `Consultatie van ${role}`, versionId: whole.id, closesOn: '2099-12-31' });
      },
    },
    { route: 'POST /trajectories/:trajectoryId/consultations/:consultationId/close', request: (c, f) => c.post(`/trajectories/${f.ids.ijmond}/consultations/${f.consultation.toCloseId}/close`, {}) },
    { route: 'POST /trajectories/:trajectoryId/consultations/:consultationId/publish', request: (c, f) => c.post(`/trajectories/${f.ids.ijmond}/consultations/${f.consultation.toPublishId}/publish`, {}) },
    {
      route: 'PUT /trajectories/:trajectoryId/consultations/:consultationId/reactions/:reactionId/response',
      request: (c, f) => c.put(`/trajectories/${f.ids.ijmond}/consultations/${f.consultation.id}/reactions/${f.consultation.toAnswerId}/response`, { text: 'Dank u.', outcome: 'noted' }),
    },
  ],
  'consultation.react': [
    {
      route: 'POST /trajectories/:trajectoryId/consultations/:consultationId/reactions',
      request: (c, f, role) => c.post(`/trajectories/${f.ids.ijmond}/consultations/${f.consultation.id}/reactions`, { clauseId: f.consultation.clauseId, text: `Reactie van ${role}` }),
    },
    {
      route: 'PATCH /trajectories/:trajectoryId/consultations/:consultationId/reactions/:reactionId',
      request: (c, f, role) => c.patch(`/trajectories/${f.ids.ijmond}/consultations/${f.consultation.id}/reactions/${f.consultation.ownReaction[role] ?? f.consultation.toAnswerId}`, { text: `Gewijzigd door ${role}` }),
    },
    {
      route: 'DELETE /trajectories/:trajectoryId/consultations/:consultationId/reactions/:reactionId',
      request: (c, f, role) => c.delete(`/trajectories/${f.ids.ijmond}/consultations/${f.consultation.id}/reactions/${f.consultation.toWithdraw[role] ?? f.consultation.toAnswerId}`),
    },
  ],
  'report.view': [
    { route: 'GET /trajectories/:trajectoryId/sessions/:sessionId/report', request: (c, f) => c.get(`/trajectories/${f.ids.ijmond}/sessions/${f.sessions.endedId}/report`) },
    { route: 'GET /trajectories/:trajectoryId/reports/:reportId/verslag.docx', request: (c, f) => c.get(`/trajectories/${f.ids.ijmond}/reports/${f.reports.draftId}/verslag.docx`) },
    { route: 'GET /trajectories/:trajectoryId/reports/:reportId/verslag.pdf', request: (c, f) => c.get(`/trajectories/${f.ids.ijmond}/reports/${f.reports.draftId}/verslag.pdf`) },
    { route: 'GET /trajectories/:trajectoryId/reports/:reportId/uitslagen.csv', request: (c, f) => c.get(`/trajectories/${f.ids.ijmond}/reports/${f.reports.draftId}/uitslagen.csv`) },
  ],
  'report.manage': [
    // The ended session has its report already: 409, after the policy.
    { route: 'POST /trajectories/:trajectoryId/sessions/:sessionId/report', request: (c, f) => c.post(`/trajectories/${f.ids.ijmond}/sessions/${f.sessions.endedId}/report`, {}) },
    { route: 'POST /trajectories/:trajectoryId/reports/:reportId/regenerate', request: (c, f) => c.post(`/trajectories/${f.ids.ijmond}/reports/${f.reports.draftId}/regenerate`, {}) },
    { route: 'PUT /trajectories/:trajectoryId/reports/:reportId/summary', request: (c, f, role) => c.put(`/trajectories/${f.ids.ijmond}/reports/${f.reports.draftId}/summary`, { summary: `Samenvatting van ${role}` }) },
    { route: 'POST /trajectories/:trajectoryId/reports/:reportId/publish', request: (c, f) => c.post(`/trajectories/${f.ids.ijmond}/reports/${f.reports.toPublishId}/publish`, {}) },
  ],
  'report.comment': [
    { route: 'POST /trajectories/:trajectoryId/reports/:reportId/comments', request: (c, f, role) => c.post(`/trajectories/${f.ids.ijmond}/reports/${f.reports.draftId}/comments`, { text: `Reactie op het verslag van ${role}` }) },
  ],
  'outcome.list': [
    { route: 'GET /trajectories/:trajectoryId/outcomes', request: (c, f) => c.get(`/trajectories/${f.ids.ijmond}/outcomes?topicId=${f.ijmond.acceptedTopic.id}`) },
    { route: 'GET /trajectories/:trajectoryId/topics/:topicId/chain', request: (c, f) => c.get(`/trajectories/${f.ids.ijmond}/topics/${f.ijmond.acceptedTopic.id}/chain`) },
  ],
  'outcome.record': [
    {
      route: 'POST /trajectories/:trajectoryId/outcomes',
      request: (c, f, role) => c.post(`/trajectories/${f.ids.ijmond}/outcomes`, { topicId: f.ijmond.acceptedTopic.id, text: `Afspraak van ${role}`, category: 'substantive', horizon: 'long_term', status: 'open' }),
    },
    // Saving an agreement as it is: allowed, and it changes nothing.
    { route: 'PUT /trajectories/:trajectoryId/outcomes/:outcomeId', request: (c, f) => c.put(`/trajectories/${f.ids.ijmond}/outcomes/${f.outcome.id}`, f.outcome.body) },
  ],
  // IJmond's agreement is not assembled (clauses in dialogue): the exports, assembly and sign-off answer 409 after the policy.
  'final.view': [
    { route: 'GET /trajectories/:trajectoryId/final', request: (c, f) => c.get(`/trajectories/${f.ids.ijmond}/final`) },
    { route: 'GET /trajectories/:trajectoryId/final/agreement.docx', request: (c, f) => c.get(`/trajectories/${f.ids.ijmond}/final/agreement.docx`) },
    { route: 'GET /trajectories/:trajectoryId/final/agreement.pdf', request: (c, f) => c.get(`/trajectories/${f.ids.ijmond}/final/agreement.pdf`) },
    { route: 'GET /trajectories/:trajectoryId/final/versions', request: (c, f) => c.get(`/trajectories/${f.ids.ijmond}/final/versions`) },
    { route: 'GET /trajectories/:trajectoryId/final/versions/:version', request: (c, f) => c.get(`/trajectories/${f.ids.ijmond}/final/versions/1.0`) },
  ],
  'final.assemble': [
    { route: 'POST /trajectories/:trajectoryId/final/assemble', request: (c, f) => c.post(`/trajectories/${f.ids.ijmond}/final/assemble`, {}) },
    // Not sealed: 409 after the policy.
    { route: 'POST /trajectories/:trajectoryId/final/rounds', request: (c, f) => c.post(`/trajectories/${f.ids.ijmond}/final/rounds`, { title: 'Ronde', reason: 'Reden', appliesFrom: '2027-01-01' }) },
  ],
  // Admission (server/admission): the procurement team reviews; every other role is refused by the policy first.
  'admission.review': [
    { route: 'GET /trajectories/:trajectoryId/admission', request: (c, f) => c.get(`/trajectories/${f.ids.ijmond}/admission`) },
    { route: 'PUT /trajectories/:trajectoryId/admission/settings', request: (c, f) => c.put(`/trajectories/${f.ids.ijmond}/admission/settings`, { perceelen: [{ code: 'P1', name: 'Jeugdhulp' }], declarations: [], reviewWeeks: 8, accessionWeeks: 4 }) },
    { route: 'GET /trajectories/:trajectoryId/admission/applications/:applicationId', request: (c, f) => c.get(`/trajectories/${f.ids.ijmond}/admission/applications/${f.admissionApplicationId}`) },
    { route: 'POST /trajectories/:trajectoryId/admission/applications/:applicationId/review', request: (c, f) => c.post(`/trajectories/${f.ids.ijmond}/admission/applications/${f.admissionApplicationId}/review`, { step: 'markComplete' }) },
  ],
  // The demo municipality account represents Haarlem.
  'final.signoff': [{ route: 'POST /trajectories/:trajectoryId/final/signoffs', request: (c, f) => c.post(`/trajectories/${f.ids.ijmond}/final/signoffs`, { municipality: 'Haarlem', decision: 'approve' }) }],
  'poll.close': [
    // Each role closes a poll of its own, so an allowed close really closes (200, not 409).
    { route: 'POST /polls/:pollId/close', request: (c, f, role) => c.post(`/polls/${f.sessions.closePollIds[role]}/close`, {}) },
  ],
  // Bundled voices (voices.test.ts). Mandates carry no vote here ('speak' only), so the matrix's ballots count as before.
  'mandate.list': [{ route: 'GET /trajectories/:trajectoryId/mandates', request: (c, f) => c.get(`/trajectories/${f.ids.ijmond}/mandates`) }],
  // The demo provider registers a mandate for their own organisation, a cooperative since the fixture.
  'mandate.grant': [
    {
      route: 'POST /trajectories/:trajectoryId/mandates',
      request: (c, f, role) => c.post(`/trajectories/${f.ids.ijmond}/mandates`, { organisationId: f.voices.providerOrgId, practitioner: { name: `Praktijk van ${role}` }, scopes: ['speak'] }),
    },
  ],
  // The holder's member or the procurement team (shared/policy: mandate.revokeThis): the first revokes, the next is told it is revoked (409, after the policy).
  'mandate.revoke': [
    { route: 'POST /trajectories/:trajectoryId/mandates/:mandateId/revoke', request: (c, f) => c.post(`/trajectories/${f.ids.ijmond}/mandates/${f.voices.mandateId}/revoke`, { reason: 'Ingetrokken in de matrix' }) },
  ],
  // The planned session keeps its rule: re-declared as it is.
  'mandate.rule': [
    { route: 'PUT /trajectories/:trajectoryId/sessions/:sessionId/mandate-rule', request: (c, f) => c.put(`/trajectories/${f.ids.ijmond}/sessions/${f.sessions.planned.id}/mandate-rule`, { mandateRule: 'one_vote' }) },
  ],
  'mediation.list': [{ route: 'GET /trajectories/:trajectoryId/mediation', request: (c, f) => c.get(`/trajectories/${f.ids.ijmond}/mediation`) }],
  'mediation.request': [{ route: 'POST /trajectories/:trajectoryId/mediation', request: (c, f, role) => c.post(`/trajectories/${f.ids.ijmond}/mediation`, { issue: `Verzoek van ${role}` }) }],
  // A provider who joins is one of those who asked: the confidential thread is theirs (and the mediator's, none
  // seated on this request), by a rule of its own (shared/policy: mediation.thread) that refuses every other role.
  'mediation.join': [
    { route: 'POST /trajectories/:trajectoryId/mediation/:requestId/join', request: (c, f) => c.post(`/trajectories/${f.ids.ijmond}/mediation/${f.voices.mediation.toJoinId}/join`, {}) },
    { route: 'GET /trajectories/:trajectoryId/mediation/:requestId/messages', request: (c, f) => c.get(`/trajectories/${f.ids.ijmond}/mediation/${f.voices.mediation.toJoinId}/messages`) },
    {
      route: 'POST /trajectories/:trajectoryId/mediation/:requestId/messages',
      request: (c, f, role) => c.post(`/trajectories/${f.ids.ijmond}/mediation/${f.voices.mediation.toJoinId}/messages`, { text: `Vertrouwelijk, van ${role}` }),
    },
  ],
  // Only a platform administrator (no seat) seats the mediator: every role is refused by the policy.
  'mediation.seat': [
    { route: 'POST /trajectories/:trajectoryId/mediation/:requestId/seat', request: (c, f) => c.post(`/trajectories/${f.ids.ijmond}/mediation/${f.voices.mediation.toJoinId}/seat`, { email: demoEmails.intermediair }) },
  ],
  // The demo mediator, seated on this request by the fixture, closes it.
  'mediation.close': [
    { route: 'POST /trajectories/:trajectoryId/mediation/:requestId/close', request: (c, f) => c.post(`/trajectories/${f.ids.ijmond}/mediation/${f.voices.mediation.toCloseId}/close`, { outcome: 'Afgerond in de matrix.' }) },
  ],
};

/**
 * Actions taken only at the live table (socket events), probed on IJmond's planned session
 * without changing it: lowering a hand that is not raised and moving the agenda of a session
 * that has not started are refused with 'conflict' after authorising; clearing the floor when
 * nobody has it changes nothing.
 */
const socketProbes: Partial<Record<TrajectoryAction, SocketProbe[]>> = {
  'session.participate': [
    { event: 'queue:lower', payload: (f) => ({ sessionId: f.sessions.planned.id }) },
    { event: 'queue:raise', payload: (f) => ({ sessionId: f.sessions.planned.id }) },
  ],
  'session.facilitate': [
    { event: 'queue:clear-floor', payload: (f) => ({ sessionId: f.sessions.planned.id }) },
    { event: 'agenda:next', payload: (f) => ({ sessionId: f.sessions.planned.id }) },
    { event: 'timer:reset', payload: (f) => ({ sessionId: f.sessions.planned.id }) },
  ],
};

type SocketAck = { ok: true } & Record<string, unknown> | { ok: false; error: { code: string; message: string } };

/** A socket of the live table signed in with the client's session cookie. */
async function connectSocket(server: RunningServer, client: ApiClient): Promise<Socket> {
  const socket = io(server.url, { transports: ['websocket'], extraHeaders: { cookie: `${sessionCookieName}=${client.token}` }, reconnection: false });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return socket;
}
const emit = (socket: Socket, event: string, payload: unknown): Promise<SocketAck> => socket.timeout(5000).emitWithAck(event, payload);

let procurementClient: ApiClient | undefined;

/** A real Word draft, for the import's upload route (its body is the file). */
const wordDraft = await draftAgreementDocx();
const attachmentBytes = new TextEncoder().encode('Bijlage van een buitenstaander.\n');
const attach = (c: ApiClient, path: string) => c.request('POST', path, { raw: 'Een bijlage bij het artikel.\n', headers: { 'content-type': 'application/octet-stream' } });
const uploadWord = (c: ApiClient, path: string) => c.request('POST', path, { raw: wordDraft, headers: { 'content-type': docxType } });

const denied = new Set([401, 403, 404]);
// A validation error is not proof of permission (bodies are checked before the policy): probes must be valid.
const isAllowedStatus = (status: number) => (status >= 200 && status < 300) || (status >= 400 && status < 500 && status !== 400 && !denied.has(status));
/** An allowed socket probe is acknowledged, or refused for a domain reason (not for access, not for its payload). */
const isAllowedAck = (ack: SocketAck) => ack.ok || !['unauthenticated', 'forbidden', 'not_found', 'validation_failed'].includes(ack.error.code);

const emailOf: Record<Role, string> = demoEmails;

describe('permissions', () => {
  let server: RunningServer;
  let admin: ApiClient;
  const clients = new Map<Role, ApiClient>();
  const sockets = new Map<Role, Socket>();
  const fixture = {} as Fixture;

  beforeAll(async () => {
    server = await startServer({ env: { DEMO: '1' } });
    admin = await signIn(server, demoEmails.admin);
    for (const role of roles) clients.set(role, await signIn(server, emailOf[role]));
    const inkoop = clients.get('procurement')!;
    procurementClient = inkoop;
    fixture.ids = await demoTrajectoryIds(admin);
    const orgs = await inkoop.get('/organisations');
    fixture.orgs = new Map(orgs.body.map((o: { name: string; id: string }) => [o.name, o.id]));

    const { ijmond, midden } = fixture.ids;
    const members = (await inkoop.get(`/trajectories/${ijmond}/members`)).body as Array<{ id: string; email: string; role: string }>;
    const topics = (await inkoop.get(`/trajectories/${ijmond}/topics`)).body as Array<{ id: string; title: string; status: string }>;
    const accepted = topics.find((t) => t.status === 'accepted')!;
    const proposed = await clients.get('provider')!.post(`/trajectories/${ijmond}/topics`, { title: 'Voorstel om over te beslissen' });
    expect(proposed.body.status).toBe('proposed');
    const invitation = await inkoop.post(`/trajectories/${ijmond}/invitations`, { email: uniqueEmail('intrekken'), role: 'observer', organisation: { id: fixture.orgs.get('Gemeente Haarlem') } });
    expect(invitation.status).toBe(201);
    fixture.ijmond = {
      procurementMemberId: members.find((m) => m.email === demoEmails.procurement)!.id,
      acceptedTopic: { id: accepted.id, title: accepted.title },
      proposedTopicId: proposed.body.id,
      openInvitationId: invitation.body.id,
    };

    // An application needs an Open House: IJmond is one for a moment, then a dialogue tender again.
    expect((await inkoop.patch(`/trajectories/${ijmond}`, { model: 'open_house' })).status).toBe(200);
    const form = (await inkoop.get(`/open-house/${ijmond}/admission`)).body;
    const applied = await inkoop.post(`/open-house/${ijmond}/applications`, {
      organisation: { name: 'Matrixpraktijk', kvk: '12312312', kind: 'independent', address: 'Plein 1', postcode: '2011 AA', city: 'Haarlem' },
      contact: { name: 'Matrix', email: uniqueEmail('toetreding') },
      perceelen: [form.settings.perceelen[0].code],
      declarations: form.settings.declarations.map((d: { id: string }) => d.id),
    });
    expect(applied.status, applied.text).toBe(201);
    fixture.admissionApplicationId = applied.body.token.split('.')[0];
    expect((await inkoop.patch(`/trajectories/${ijmond}`, { model: 'dialogue_tender' })).status).toBe(200);

    const middenInvitation = await inkoop.post(`/trajectories/${midden}/invitations`, { email: uniqueEmail('midden'), role: 'provider', organisation: { id: fixture.orgs.get('Praktijk Bosrand (vrijgevestigd psycholoog)') } });
    expect(middenInvitation.status).toBe(201);
    fixture.midden = {
      memberId: (await inkoop.get(`/trajectories/${midden}/members`)).body.find((m: { role: string }) => m.role === 'provider').id,
      topicId: (await inkoop.get(`/trajectories/${midden}/topics`)).body[0].id,
      invitationId: middenInvitation.body.id,
      ...(await sessionWithPoll(inkoop, midden, 'Sessie in Midden-IJssel')),
    };

    const sessions = (await inkoop.get(`/trajectories/${ijmond}/sessions`)).body as Array<{ id: string; title: string; status: string }>;
    const planned = sessions.find((s) => s.status === 'planned')!;
    const openPoll = async (question: string) => {
      const res = await inkoop.post(`/sessions/${planned.id}/polls`, { settings: { kind: 'consent', question } });
      expect(res.status, res.text).toBe(201);
      return res.body.pollId as string;
    };
    const closePollIds = {} as Record<Role, string>;
    for (const role of roles) closePollIds[role] = await openPoll(`Te sluiten door ${role}`);
    fixture.sessions = {
      endedId: sessions.find((s) => s.status === 'ended')!.id,
      planned: { id: planned.id, title: planned.title },
      votePollId: await openPoll('Stemmen in de matrix'),
      closePollIds,
    };

    fixture.agreement = await agreementFixture(inkoop, ijmond);
    const attachTo = `/trajectories/${ijmond}/attachments?parentKind=clause&parentId=${fixture.agreement.clause.id}`;
    const kept = await attach(inkoop, `${attachTo}&name=matrix.txt`);
    expect(kept.status, kept.text).toBe(201);
    const toRemove = await attach(inkoop, `${attachTo}&name=weg.txt`);
    expect(toRemove.status, toRemove.text).toBe(201);
    fixture.attachment = { id: kept.body.id, fileId: kept.body.versions[0].fileId, toRemoveId: toRemove.body.id };
    const trajectory = (await inkoop.get(`/trajectories/${ijmond}`)).body as { milestones: Array<{ kind: string; title: string; date: string }> };
    const nextWeek = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
    const moved = await inkoop.patch(`/trajectories/${ijmond}`, {
      milestones: [...trajectory.milestones.map(({ kind, title, date }) => ({ kind, title, date })), { kind: 'questions_deadline', title: 'Vragen dialoogfase', date: nextWeek }],
    });
    expect(moved.status, moved.text).toBe(200);
    const question = await clients.get('provider')!.post(`/trajectories/${ijmond}/questions`, { text: 'Vraag om te beantwoorden?' });
    expect(question.status, question.text).toBe(201);
    fixture.questionId = question.body.id;
    fixture.consultation = await consultationFixture(inkoop, ijmond);

    fixture.reports = await reportFixture(inkoop, ijmond, fixture.sessions.endedId);
    fixture.voices = await voicesFixture(inkoop, ijmond);

    const outcome = (await inkoop.get(`/trajectories/${ijmond}/outcomes`)).body[0] as {
      id: string; topic: { id: string }; session: { id: string } | null; text: string; category: string; horizon: string; status: string;
      positions: unknown[]; actions: Array<{ id: string; description: string; owner: { id: string }; dueDate: string; status: string }>; links: Record<string, string[]>;
    };
    fixture.outcome = {
      id: outcome.id,
      body: {
        topicId: outcome.topic.id, sessionId: outcome.session?.id ?? null, text: outcome.text, category: outcome.category, horizon: outcome.horizon, status: outcome.status,
        positions: outcome.positions, links: outcome.links,
        actions: outcome.actions.map((a) => ({ id: a.id, description: a.description, ownerUserId: a.owner.id, dueDate: a.dueDate, status: a.status })),
      },
    };

    for (const role of roles) sockets.set(role, await connectSocket(server, clients.get(role)!));
  });

  /** The demo provider's organisation made a cooperative with a mandate of its own; a mediation request to join, and one with the demo mediator seated, to close. */
  async function voicesFixture(inkoop: ApiClient, trajectoryId: string): Promise<Fixture['voices']> {
    const aanbieder = clients.get('provider')!;
    const members = (await inkoop.get(`/trajectories/${trajectoryId}/members`)).body as Array<{ email: string; organisation: { id: string } }>;
    const providerOrgId = members.find((m) => m.email === demoEmails.provider)!.organisation.id;
    const kind = await inkoop.put(`/trajectories/${trajectoryId}/organisations/${providerOrgId}/provider-kind`, { providerKind: 'cooperative' });
    expect(kind.status, kind.text).toBe(200);
    // No practitioner account: only the holder's members and the procurement team may revoke it.
    const mandate = await aanbieder.post(`/trajectories/${trajectoryId}/mandates`, { organisationId: providerOrgId, practitioner: { name: 'Praktijk om in te trekken' }, scopes: ['speak'] });
    expect(mandate.status, mandate.text).toBe(201);
    const toJoin = await aanbieder.post(`/trajectories/${trajectoryId}/mediation`, { issue: 'Een verzoek om bij aan te sluiten.' });
    expect(toJoin.status, toJoin.text).toBe(201);
    const toClose = await inkoop.post(`/trajectories/${trajectoryId}/mediation`, { issue: 'Een verzoek om af te ronden.' });
    expect(toClose.status, toClose.text).toBe(201);
    const seated = await admin.post(`/trajectories/${trajectoryId}/mediation/${toClose.body.id}/seat`, { email: demoEmails.intermediair });
    expect(seated.status, seated.text).toBe(200);
    return { providerOrgId, mandateId: mandate.body.id, mediation: { toJoinId: toJoin.body.id, toCloseId: toClose.body.id } };
  }

  /** A draft report of the ended demo session, and one of a session started for the purpose, to publish. */
  async function reportFixture(inkoop: ApiClient, trajectoryId: string, endedId: string): Promise<Fixture['reports']> {
    const draft = await inkoop.post(`/trajectories/${trajectoryId}/sessions/${endedId}/report`, {});
    expect(draft.status, draft.text).toBe(201);
    const session = await inkoop.post(`/trajectories/${trajectoryId}/sessions`, { title: 'Sessie voor een verslag', startsAt: new Date().toISOString(), declaration });
    const socket = await connectSocket(server, inkoop);
    const started = await emit(socket, 'session:start', { sessionId: session.body.id });
    socket.disconnect();
    expect(started.ok, JSON.stringify(started)).toBe(true);
    const toPublish = await inkoop.post(`/trajectories/${trajectoryId}/sessions/${session.body.id}/report`, {});
    expect(toPublish.status, toPublish.text).toBe(201);
    return { draftId: draft.body.id, toPublishId: toPublish.body.id };
  }

  /** The demo agreement's in-dialogue clause with its variant, and a comment and an amendment of each role that may write them. */
  async function agreementFixture(inkoop: ApiClient, trajectoryId: string): Promise<Fixture['agreement']> {
    const agreement = (await inkoop.get(`/trajectories/${trajectoryId}/agreement`)).body as {
      chapters: Array<{ id: string; title: string; clauses: Array<{ id: string; title: string; status: string; variants: Array<{ id: string; label: string; municipalities: string[] }> }> }>;
    };
    const chapter = agreement.chapters.find((c) => c.clauses.some((k) => k.status === 'in_dialogue' && k.variants.length > 0))!;
    const clause = chapter.clauses.find((k) => k.status === 'in_dialogue' && k.variants.length > 0)!;
    const comments = (await inkoop.get(`/trajectories/${trajectoryId}/comments?clauseId=${clause.id}`)).body as Array<{ id: string; anchor: { start: string; end: string; quote: string } }>;
    const amendments = (await inkoop.get(`/trajectories/${trajectoryId}/amendments`)).body as Array<{ id: string }>;
    const anchor = comments[0]!.anchor;
    const ownComment: Partial<Record<Role, string>> = {};
    const ownAmendment: Partial<Record<Role, string>> = {};
    for (const role of roles) {
      const client = clients.get(role)!;
      // A role that may not comment (the mediator) has no comment of its own to change.
      if (roleMay(role, 'comment.create')) {
        const comment = await client.post(`/trajectories/${trajectoryId}/agreement/clauses/${clause.id}/comments`, { anchor, body: `Eigen reactie van ${role}` });
        expect(comment.status, comment.text).toBe(201);
        ownComment[role] = comment.body.id;
      }
      if (roleMay(role, 'amendment.propose')) {
        const amendment = await client.post(`/trajectories/${trajectoryId}/agreement/clauses/${clause.id}/amendments`, { proposedText: `Eigen voorstel van ${role}`, motivation: 'Om in te trekken.' });
        expect(amendment.status, amendment.text).toBe(201);
        ownAmendment[role] = amendment.body.id;
      }
    }
    const toDecide = await inkoop.post(`/trajectories/${trajectoryId}/agreement/clauses/${clause.id}/amendments`, { proposedText: 'Af te wijzen', motivation: 'Voor de matrix.' });
    const version = await inkoop.post(`/trajectories/${trajectoryId}/versions`, { name: 'Matrix', clauseId: clause.id });
    expect(version.status, version.text).toBe(201);
    return {
      chapter: { id: chapter.id, title: chapter.title },
      clause: { id: clause.id, title: clause.title },
      variant: clause.variants[0]!,
      anchor,
      commentId: comments[0]!.id,
      ownComment,
      amendmentId: amendments[0]!.id,
      ownAmendment,
      toDecideId: toDecide.body.id,
      versionId: version.body.id,
    };
  }
  /** Consultations on a version of the whole agreement, with two reactions of each role that reacts: one to change, one to withdraw. */
  async function consultationFixture(inkoop: ApiClient, trajectoryId: string): Promise<Fixture['consultation']> {
    const version = await inkoop.post(`/trajectories/${trajectoryId}/versions`, { name: 'Voor de consultatie', clauseId: null });
    expect(version.status, version.text).toBe(201);
    const open = async (title: string) => {
      const res = await inkoop.post(`/trajectories/${trajectoryId}/consultations`, { title, versionId: version.body.id, closesOn: '2099-12-31' });
      expect(res.status, res.text).toBe(201);
      return res.body as { id: string; clauses: Array<{ clauseId: string }> };
    };
    const consultation = await open('Matrix');
    const clauseId = consultation.clauses[0]!.clauseId;
    const ownReaction: Partial<Record<Role, string>> = {};
    const toWithdraw: Partial<Record<Role, string>> = {};
    for (const role of roles.filter((r) => roleMay(r, 'consultation.react'))) {
      for (const target of [ownReaction, toWithdraw]) {
        const res = await clients.get(role)!.post(`/trajectories/${trajectoryId}/consultations/${consultation.id}/reactions`, { clauseId, text: `Eigen reactie van ${role}` });
        expect(res.status, res.text).toBe(201);
        target[role] = res.body.id;
      }
    }
    const toAnswer = await clients.get('provider')!.post(`/trajectories/${trajectoryId}/consultations/${consultation.id}/reactions`, { clauseId, text: 'Te beantwoorden' });
    return { id: consultation.id, clauseId, toAnswerId: toAnswer.body.id, ownReaction, toWithdraw, toCloseId: (await open('Te sluiten')).id, toPublishId: (await open('Te publiceren')).id };
  }
  afterAll(async () => {
    for (const socket of sockets.values()) socket.disconnect();
    await server?.stop();
  });

  /** Plans a session in a trajectory and opens a poll at it, as the procurement team. */
  async function sessionWithPoll(inkoop: ApiClient, trajectoryId: string, title: string): Promise<{ sessionId: string; pollId: string }> {
    const session = await inkoop.post(`/trajectories/${trajectoryId}/sessions`, { title, startsAt: new Date().toISOString(), declaration });
    expect(session.status, session.text).toBe(201);
    const poll = await inkoop.post(`/sessions/${session.body.id}/polls`, { settings: { kind: 'consent', question: `Peiling in ${title}` } });
    expect(poll.status, poll.text).toBe(201);
    return { sessionId: session.body.id, pollId: poll.body.pollId };
  }

  const probed = new Set(Object.values(probes).flatMap((list) => list!.map((p) => p.route)));
  const trajectoryRoutes = apiRoutes().filter(isTrajectoryScoped);
  /** The route tags of bundled voices: mandates, provider kinds and mediation (issue 19). */
  const voicesFeatureTags = ['mandates', 'mediation'];
  const featureTags = [...voicesFeatureTags, ...accountFeatureTags, ...sessionFeatureTags, ...agreementFeatureTags, ...questionFeatureTags, ...consultationFeatureTags, ...reportFeatureTags, ...outcomeFeatureTags, ...finalFeatureTags, ...searchFeatureTags, ...attachmentFeatureTags, ...admissionFeatureTags];

  it('the probes name only actions of the table and cover every route inside a trajectory', () => {
    for (const action of [...Object.keys(probes), ...Object.keys(socketProbes)]) expect(trajectoryActions).toContain(action);
    const featureRoutes = trajectoryRoutes.filter((r) => featureTags.includes(r.tag)).map(routeKey);
    expect(featureRoutes.length).toBeGreaterThan(20);
    for (const tag of sessionFeatureTags) expect(trajectoryRoutes.some((r) => r.tag === tag), tag).toBe(true);
    expect([...probed].sort()).toEqual([...featureRoutes].sort());
    // No route inside a trajectory belongs to another feature, unprobed.
    expect(trajectoryRoutes.map(routeKey).filter((key) => !probed.has(key))).toEqual([]);
  });

  it('every action of the table has a REST or a socket probe; socket probes only where there is no REST route', () => {
    for (const action of trajectoryActions) expect(Boolean(probes[action]?.length) || Boolean(socketProbes[action]?.length), action).toBe(true);
    for (const action of Object.keys(socketProbes) as TrajectoryAction[]) expect(probes[action], action).toBeUndefined();
  });

  describe.each(roles)('role %s in IJmond/Zuid-Kennemerland', (role) => {
    it.each(trajectoryActions)('%s is allowed or forbidden as the table says', async (action) => {
      const mayDo = roleMay(role, action);
      expect(mayDo).toBe((trajectoryPermissions[action] as readonly Role[]).includes(role));
      for (const probe of socketProbes[action] ?? []) {
        const ack = await emit(sockets.get(role)!, probe.event, probe.payload(fixture, role));
        const seen = `${role} ${action} via socket ${probe.event}: ${JSON.stringify(ack)}`;
        if (mayDo) {
          expect(isAllowedAck(ack), seen).toBe(true);
        } else {
          expect(ack.ok, seen).toBe(false);
          expect(!ack.ok && ack.error.code, seen).toBe('forbidden');
        }
      }
      for (const probe of probes[action] ?? []) {
        const res = await probe.request(clients.get(role)!, fixture, role);
        const seen = `${role} ${action} via ${probe.route}: ${res.status} ${res.text.slice(0, 200)}`;
        if (mayDo) {
          expect(isAllowedStatus(res.status), seen).toBe(true);
        } else {
          expect(res.status, seen).toBe(403);
          expect(res.body.error.code, seen).toBe('forbidden');
        }
      }
    });
  });

  it('what an allowed probe did really happened (decide, revoke, propose)', async () => {
    const inkoop = clients.get('procurement')!;
    const topics = (await inkoop.get(`/trajectories/${fixture.ids.ijmond}/topics`)).body as Array<{ id: string; title: string; status: string }>;
    expect(topics.find((t) => t.id === fixture.ijmond.proposedTopicId)?.status).toBe('accepted');
    for (const role of roles) {
      expect(topics.some((t) => t.title === `Voorstel van ${role}`)).toBe(roleMay(role, 'topic.propose'));
    }
    const invitations = (await inkoop.get(`/trajectories/${fixture.ids.ijmond}/invitations`)).body as Array<{ id: string; status: string; email: string }>;
    expect(invitations.find((i) => i.id === fixture.ijmond.openInvitationId)?.status).toBe('revoked');
    for (const role of roles) {
      expect(invitations.some((i) => i.email.startsWith(`matrix-${role}.`))).toBe(roleMay(role, 'member.invite'));
    }
  });

  it('what an allowed session or poll probe did really happened (plan, open, vote, close)', async () => {
    const inkoop = clients.get('procurement')!;
    const sessions = (await inkoop.get(`/trajectories/${fixture.ids.ijmond}/sessions`)).body as Array<{ id: string; title: string; status: string }>;
    for (const role of roles) expect(sessions.some((s) => s.title === `Sessie van ${role}`), role).toBe(roleMay(role, 'session.manage'));
    expect(sessions.find((s) => s.id === fixture.sessions.endedId)).toMatchObject({ status: 'ended' });
    expect(sessions.find((s) => s.id === fixture.sessions.planned.id)).toMatchObject({ status: 'planned', title: fixture.sessions.planned.title });

    const joined = await emit(sockets.get('procurement')!, 'session:join', { sessionId: fixture.sessions.planned.id });
    expect(joined.ok, JSON.stringify(joined)).toBe(true);
    const polls = (joined as unknown as { state: LiveState }).state.polls;
    for (const role of roles) {
      expect(polls.some((p) => p.question === `Peiling van ${role}`), `poll opened by ${role}`).toBe(roleMay(role, 'poll.open'));
      expect(polls.find((p) => p.id === fixture.sessions.closePollIds[role])?.status, `poll closed by ${role}`).toBe(roleMay(role, 'poll.close') ? 'closed' : 'open');
    }
    expect((joined as unknown as { state: LiveState }).state.floor).toBeNull();
    expect((joined as unknown as { state: LiveState }).state.queue).toEqual([]);

    const closed = await inkoop.post(`/polls/${fixture.sessions.votePollId}/close`, {});
    expect(closed.status, closed.text).toBe(200);
    const result = closed.body.result as PollResult;
    const voters = roles.filter((r) => roleMay(r, 'poll.vote'));
    expect(result.ballots).toBe(voters.length);
    for (const role of voters) expect(result.turnout[stakeholderGroupByRole[role]]?.voted, role).toBe(1);
    for (const role of roles.filter((r) => !roleMay(r, 'poll.vote'))) expect(result.turnout[stakeholderGroupByRole[role]]?.voted ?? 0, role).toBe(0);
    // A closed poll takes no more ballots: the refusal is a conflict, not a permission answer.
    expectError(await clients.get('provider')!.post(`/polls/${fixture.sessions.votePollId}/ballot`, { choice: { kind: 'consent', option: 'block', reason: 'te laat' } }), 409, 'conflict');
    expectError(await inkoop.post(`/polls/${fixture.sessions.votePollId}/close`, {}), 409, 'conflict');
  });

  it('what an allowed consultation probe did really happened (open, react, change, withdraw, respond, close, publish)', async () => {
    const inkoop = clients.get('procurement')!;
    const list = (await inkoop.get(`/trajectories/${fixture.ids.ijmond}/consultations`)).body.consultations as Array<{ id: string; title: string; status: string }>;
    for (const role of roles) expect(list.some((c) => c.title === `Consultatie van ${role}`), role).toBe(roleMay(role, 'consultation.manage'));
    expect(list.find((c) => c.id === fixture.consultation.toCloseId)?.status).toBe('closed');
    expect(list.find((c) => c.id === fixture.consultation.toPublishId)?.status).toBe('published');
    const matrix = (await inkoop.get(`/trajectories/${fixture.ids.ijmond}/consultations/${fixture.consultation.id}`)).body as { reactions: Array<{ id: string; text: string; response: unknown }> };
    for (const role of roles) {
      const reacts = roleMay(role, 'consultation.react');
      expect(matrix.reactions.some((r) => r.text === `Reactie van ${role}`), role).toBe(reacts);
      expect(matrix.reactions.some((r) => r.text === `Gewijzigd door ${role}`), role).toBe(reacts);
      if (reacts) expect(matrix.reactions.some((r) => r.id === fixture.consultation.toWithdraw[role]), role).toBe(false);
    }
    expect(matrix.reactions.find((r) => r.id === fixture.consultation.toAnswerId)?.response).toMatchObject({ text: 'Dank u.', outcome: 'noted' });
  });

  it('what an allowed voices probe did really happened (grant, revoke, file, close)', async () => {
    const inkoop = clients.get('procurement')!;
    const { mandates } = (await inkoop.get(`/trajectories/${fixture.ids.ijmond}/mandates`)).body as { mandates: Array<{ id: string; practitioner: { name: string }; revokedAt: string | null }> };
    for (const role of roles) expect(mandates.some((m) => m.practitioner.name === `Praktijk van ${role}`), role).toBe(roleMay(role, 'mandate.grant'));
    expect(mandates.find((m) => m.id === fixture.voices.mandateId)?.revokedAt).not.toBeNull();
    const requests = (await inkoop.get(`/trajectories/${fixture.ids.ijmond}/mediation`)).body as Array<{ id: string; issue: string; status: string }>;
    for (const role of roles) expect(requests.some((r) => r.issue === `Verzoek van ${role}`), role).toBe(roleMay(role, 'mediation.request'));
    expect(requests.find((r) => r.id === fixture.voices.mediation.toJoinId)?.status).toBe('filed');
    expect(requests.find((r) => r.id === fixture.voices.mediation.toCloseId)?.status).toBe('closed');
  });

  it('e-mail addresses of members are shown only to those who manage members', async () => {
    const forProcurement = await clients.get('procurement')!.get(`/trajectories/${fixture.ids.ijmond}/members`);
    expect(forProcurement.body.every((m: { email?: string }) => typeof m.email === 'string')).toBe(true);
    for (const role of roles.filter((r) => !roleMay(r, 'member.invite'))) {
      const res = await clients.get(role)!.get(`/trajectories/${fixture.ids.ijmond}/members`);
      expect(res.status).toBe(200);
      expect(res.body.length).toBe(forProcurement.body.length);
      expect(res.text).not.toContain('@');
    }
  });

  describe('outside one’s own trajectories', () => {
    const valid: Record<string, (f: Fixture) => unknown> = {
      'PATCH /trajectories/:trajectoryId': () => ({ description: 'Gewijzigd door een buitenstaander' }),
      'PATCH /trajectories/:trajectoryId/members/:memberId': () => ({ role: 'observer' }),
      'PUT /trajectories/:trajectoryId/me/anonymity': () => ({ anonymous: true }),
      'POST /trajectories/:trajectoryId/invitations/bulk/preview': () => invitationSheet(uniqueEmail('buiten')),
      'POST /trajectories/:trajectoryId/invitations/bulk': () => invitationSheet(uniqueEmail('buiten')),
      'PUT /trajectories/:trajectoryId/organisations/:organisationId/provider-kind': () => ({ providerKind: 'cooperative' }),
      'POST /trajectories/:trajectoryId/mandates': () => ({ organisationId: missing, practitioner: { name: 'Praktijk van een buitenstaander' }, scopes: ['speak'] }),
      'POST /trajectories/:trajectoryId/mandates/:mandateId/revoke': () => ({ reason: 'buitenstaander' }),
      'PUT /trajectories/:trajectoryId/sessions/:sessionId/mandate-rule': () => ({ mandateRule: 'per_practice' }),
      'POST /trajectories/:trajectoryId/mediation': () => ({ issue: 'Verzoek van een buitenstaander' }),
      'POST /trajectories/:trajectoryId/mediation/:requestId/join': () => ({}),
      'POST /trajectories/:trajectoryId/mediation/:requestId/seat': () => ({ email: demoEmails.intermediair }),
      'POST /trajectories/:trajectoryId/mediation/:requestId/messages': () => ({ text: 'Bericht van een buitenstaander' }),
      'POST /trajectories/:trajectoryId/mediation/:requestId/close': () => ({ outcome: 'Afgerond door een buitenstaander' }),
      'POST /trajectories/:trajectoryId/invitations': (f) => ({ email: uniqueEmail('buiten'), role: 'provider', organisation: { id: f.orgs.get('Praktijk Bosrand (vrijgevestigd psycholoog)') } }),
      'POST /trajectories/:trajectoryId/topics': () => ({ title: 'Onderwerp van een buitenstaander' }),
      'PUT /trajectories/:trajectoryId/topics/order': (f) => ({ order: [f.midden.topicId] }),
      'POST /trajectories/:trajectoryId/topics/:topicId/decision': () => ({ decision: 'decline', reason: 'buitenstaander' }),
      'PATCH /trajectories/:trajectoryId/topics/:topicId': () => ({ title: 'Titel van een buitenstaander' }),
      'PUT /trajectories/:trajectoryId/topics/:topicId/summary': () => ({ summary: 'Samenvatting van een buitenstaander' }),
      'POST /sessions/:sessionId/cancel': () => ({ reason: 'Afgezegd door een buitenstaander' }),
      'PUT /trajectories/:trajectoryId/visit': () => ({}),
      'POST /trajectories/:trajectoryId/sessions': () => ({
        title: 'Sessie van een buitenstaander',
        startsAt: '2026-12-10T13:00:00+01:00',
        declaration: { outcomeKind: 'advice', decidedBy: 'Het inkoopteam' },
      }),
      'PATCH /sessions/:sessionId': () => ({ title: 'Sessie van een buitenstaander' }),
      'POST /sessions/:sessionId/polls': () => ({ settings: { kind: 'consent', question: 'Peiling van een buitenstaander' } }),
      'POST /polls/:pollId/ballot': () => ({ choice: { kind: 'consent', option: 'block', reason: 'buitenstaander' } }),
      'POST /polls/:pollId/ballot/on-behalf': () => ({ recordingId: randomUUID(), onBehalfOf: 'een jongere van buiten', choice: { kind: 'consent', option: 'agree' } }),
      'POST /polls/:pollId/close': () => ({}),
      'POST /trajectories/:trajectoryId/agreement/chapters': () => ({ title: 'Hoofdstuk van een buitenstaander' }),
      'POST /trajectories/:trajectoryId/agreement/import/preview': () => wordDraft,
      'POST /trajectories/:trajectoryId/attachments': () => attachmentBytes,
      'POST /trajectories/:trajectoryId/attachments/:attachmentId/versions': () => attachmentBytes,
      'POST /trajectories/:trajectoryId/agreement/import': () => ({ previewId: missing, chapters: [{ title: 'Hoofdstuk van een buitenstaander', clauses: [] }] }),
      'PATCH /trajectories/:trajectoryId/agreement/chapters/:chapterId': () => ({ title: 'Hoofdstuk van een buitenstaander' }),
      'POST /trajectories/:trajectoryId/agreement/clauses': () => ({ chapterId: missing, title: 'Artikel van een buitenstaander' }),
      'PATCH /trajectories/:trajectoryId/agreement/clauses/:clauseId': () => ({ status: 'fixed' }),
      'PUT /trajectories/:trajectoryId/agreement/clauses/:clauseId/summary': () => ({ summary: 'Samenvatting van een buitenstaander' }),
      'POST /trajectories/:trajectoryId/agreement/clauses/:clauseId/variants': () => ({ label: 'Buiten', municipalities: ['Apeldoorn'] }),
      'PATCH /trajectories/:trajectoryId/agreement/clauses/:clauseId/variants/:variantId': () => ({ label: 'Buiten', municipalities: ['Apeldoorn'] }),
      'POST /trajectories/:trajectoryId/agreement/clauses/:clauseId/comments': (f) => ({ anchor: f.agreement.anchor, body: 'Reactie van een buitenstaander' }),
      'POST /trajectories/:trajectoryId/comments/:commentId/replies': () => ({ body: 'Antwoord van een buitenstaander' }),
      'PUT /trajectories/:trajectoryId/comments/:commentId/status': () => ({ status: 'resolved' }),
      'POST /trajectories/:trajectoryId/agreement/clauses/:clauseId/amendments': () => ({ proposedText: 'Tekst van een buitenstaander', motivation: 'Buiten.' }),
      'POST /trajectories/:trajectoryId/amendments/:amendmentId/replies': () => ({ body: 'Antwoord van een buitenstaander' }),
      'POST /trajectories/:trajectoryId/amendments/:amendmentId/decision': () => ({ decision: 'accept' }),
      'POST /trajectories/:trajectoryId/amendments/:amendmentId/withdraw': () => ({}),
      'POST /trajectories/:trajectoryId/versions': () => ({ name: 'Versie van een buitenstaander', clauseId: null }),
      'POST /trajectories/:trajectoryId/versions/:versionId/restore': () => ({ clauseId: missing }),
      'POST /trajectories/:trajectoryId/questions': () => ({ text: 'Vraag van een buitenstaander?' }),
      'PUT /trajectories/:trajectoryId/questions/:questionId/answer': () => ({ answer: 'Antwoord van een buitenstaander' }),
      'POST /trajectories/:trajectoryId/questions/publish': () => ({}),
      'POST /trajectories/:trajectoryId/consultations': () => ({ title: 'Consultatie van een buitenstaander', versionId: missing, closesOn: '2099-12-31' }),
      'POST /trajectories/:trajectoryId/consultations/:consultationId/close': () => ({}),
      'POST /trajectories/:trajectoryId/consultations/:consultationId/publish': () => ({}),
      'POST /trajectories/:trajectoryId/consultations/:consultationId/reactions': () => ({ clauseId: missing, text: 'Reactie van een buitenstaander' }),
      'POST /trajectories/:trajectoryId/consultations/:consultationId/reactions/on-behalf': () => ({ clauseId: missing, text: 'Reactie van een buitenstaander', onBehalfOf: 'een jongere van buiten' }),
      'PATCH /trajectories/:trajectoryId/consultations/:consultationId/reactions/:reactionId': () => ({ text: 'Reactie van een buitenstaander' }),
      'PUT /trajectories/:trajectoryId/consultations/:consultationId/reactions/:reactionId/response': () => ({ text: 'Antwoord van een buitenstaander', outcome: 'noted' }),
      'POST /trajectories/:trajectoryId/sessions/:sessionId/report': () => ({}),
      'POST /trajectories/:trajectoryId/reports/:reportId/regenerate': () => ({}),
      'PUT /trajectories/:trajectoryId/reports/:reportId/summary': () => ({ summary: 'Samenvatting van een buitenstaander' }),
      'POST /trajectories/:trajectoryId/reports/:reportId/comments': () => ({ text: 'Reactie van een buitenstaander' }),
      'POST /trajectories/:trajectoryId/reports/:reportId/publish': () => ({}),
      'POST /trajectories/:trajectoryId/outcomes': (f) => ({ topicId: f.midden.topicId, text: 'Afspraak van een buitenstaander', category: 'substantive', horizon: 'long_term', status: 'open' }),
      'PUT /trajectories/:trajectoryId/outcomes/:outcomeId': (f) => ({ topicId: f.midden.topicId, text: 'Afspraak van een buitenstaander', category: 'substantive', horizon: 'long_term', status: 'open' }),
      'POST /trajectories/:trajectoryId/final/assemble': () => ({}),
      'POST /trajectories/:trajectoryId/final/rounds': () => ({ title: 'Ronde van een buitenstaander', reason: 'Reden', appliesFrom: '2027-01-01' }),
      'POST /trajectories/:trajectoryId/final/signoffs': () => ({ municipality: 'Apeldoorn', decision: 'approve' }),
      'PUT /trajectories/:trajectoryId/admission/settings': () => ({ perceelen: [{ code: 'P1', name: 'Buiten' }], declarations: [], reviewWeeks: 8, accessionWeeks: 4 }),
      'POST /trajectories/:trajectoryId/admission/applications/:applicationId/review': () => ({ step: 'markComplete' }),
    };
    /** Reads with options take them in the query string. */
    const queries: Record<string, string> = { '/trajectories/:trajectoryId/compare': `?clauseId=${'a'.repeat(24)}&from=current&to=current`, '/trajectories/:trajectoryId/search': '?q=afspraak', '/trajectories/:trajectoryId/attachments': `?parentKind=clause&parentId=${'a'.repeat(24)}` };
    /** Ids of things inside a trajectory that the sweep fills with an id that does not exist. */
    const otherIds = ['chapterId', 'clauseId', 'variantId', 'commentId', 'amendmentId', 'versionId', 'questionId', 'consultationId', 'reactionId', 'reportId', 'outcomeId', 'attachmentId', 'fileId', 'applicationId', 'organisationId', 'mandateId', 'requestId'];
    const known = ['trajectoryId', 'memberId', 'topicId', 'invitationId', 'sessionId', 'pollId', 'version', ...otherIds];
    const sweepable = (r: ApiRoute) => pathParams(r.path).every((p) => known.includes(p)) && (!hasBody(r) || routeKey(r) in valid);
    const sweepRoutes = apiRoutes().filter((r) => isTrajectoryScoped(r) && sweepable(r));
    const missing = 'aaaaaaaaaaaaaaaaaaaaaaaa';
    /** The route's path in Midden-IJssel, in IJmond (trajectory, session and poll; the other ids stay Midden-IJssel's), or for a trajectory, session or poll that does not exist. */
    const pathIn = (path: string, f: Fixture, where: 'midden' | 'ijmond' | 'nowhere') =>
      fillPath(path, {
        trajectoryId: where === 'nowhere' ? missing : f.ids[where],
        sessionId: where === 'nowhere' ? missing : where === 'ijmond' ? f.sessions.planned.id : f.midden.sessionId,
        pollId: where === 'nowhere' ? missing : where === 'ijmond' ? f.sessions.votePollId : f.midden.pollId,
        memberId: f.midden.memberId,
        topicId: f.midden.topicId,
        invitationId: f.midden.invitationId,
        // A version label of the definitive agreement (Midden-IJssel has none): the trajectory's policy answers first.
        version: '1.0',
        // Midden-IJssel has no agreement yet: any id will do, the trajectory's policy answers first.
        ...Object.fromEntries(otherIds.map((p) => [p, missing])),
      }) + (queries[path] ?? '');
    const send = (client: ApiClient, route: ApiRoute, path: string) => {
      const body = hasBody(route) ? valid[routeKey(route)]!(fixture) : undefined;
      // An upload route's body is the file itself: a Word file for the import, any file as octet-stream for attachments (named in the query).
      if (body instanceof Uint8Array && route.path.includes('/attachments')) {
        return client.request(route.method, `${path}${path.includes('?') ? '&' : '?'}name=buiten.txt`, { raw: body, headers: { 'content-type': 'application/octet-stream' } });
      }
      if (body instanceof Uint8Array) return client.request(route.method, path, { raw: body, headers: { 'content-type': docxType } });
      return client.request(route.method, path, body === undefined ? {} : { body });
    };

    it('knows a valid request for every route inside a trajectory, sessions and polls included', () => {
      const scoped = apiRoutes().filter(isTrajectoryScoped);
      for (const route of scoped) expect(sweepable(route), routeKey(route)).toBe(true);
      expect(sweepRoutes.map(routeKey).sort()).toEqual(scoped.map(routeKey).sort());
      for (const tag of sessionFeatureTags) expect(sweepRoutes.some((r) => r.tag === tag), tag).toBe(true);
    });

    it.each(sweepRoutes.map((r) => [routeKey(r), r] as const))('%s on Midden-IJssel is 404 for a member of IJmond only (aanbieder@)', async (_key, route) => {
      const aanbieder = clients.get('provider')!;
      const res = await send(aanbieder, route, pathIn(route.path, fixture, 'midden'));
      expectError(res, 404, 'not_found');
      // The same answer as for a trajectory, session or poll that does not exist: existence is not revealed.
      const nowhere = await send(aanbieder, route, pathIn(route.path, fixture, 'nowhere'));
      expect(nowhere.status).toBe(404);
      expect(nowhere.body).toEqual(res.body);
    });

    it.each(sweepRoutes.map((r) => [routeKey(r), r] as const))('%s is 401 when signed out', async (_key, route) => {
      for (const where of ['midden', 'ijmond'] as const) {
        const res = await send(apiClient(server), route, pathIn(route.path, fixture, where));
        expectError(res, 401, 'unauthenticated');
      }
    });

    it('the live table of Midden-IJssel refuses a member of IJmond only as if it did not exist', async () => {
      const socket = sockets.get('provider')!;
      const { sessionId, pollId } = fixture.midden;
      for (const [event, payload] of [
        ['session:join', { sessionId }],
        ['queue:raise', { sessionId }],
        ['queue:clear-floor', { sessionId }],
        ['poll:open', { sessionId, settings: { kind: 'consent', question: 'Peiling van een buitenstaander' } }],
        ['poll:cast', { pollId, choice: { kind: 'consent', option: 'block', reason: 'buitenstaander' } }],
        ['poll:close', { pollId }],
      ] as const) {
        const ack = await emit(socket, event, payload);
        expect(!ack.ok && ack.error.code, `${event}: ${JSON.stringify(ack)}`).toBe('not_found');
      }
    });

    it('nothing changed in Midden-IJssel through those requests', async () => {
      const inkoop = clients.get('procurement')!;
      const topics = await inkoop.get(`/trajectories/${fixture.ids.midden}/topics`);
      expect(topics.body.some((t: { title: string }) => /buitenstaander/.test(t.title))).toBe(false);
      expect(topics.body.find((t: { id: string }) => t.id === fixture.midden.topicId).status).not.toBe('declined');
      const members = await inkoop.get(`/trajectories/${fixture.ids.midden}/members`);
      expect(members.body.find((m: { id: string }) => m.id === fixture.midden.memberId).role).toBe('provider');
      const invitations = await inkoop.get(`/trajectories/${fixture.ids.midden}/invitations`);
      expect(invitations.body.find((i: { id: string }) => i.id === fixture.midden.invitationId).status).toBe('open');
      expect(invitations.body.some((i: { email: string }) => i.email.startsWith('buiten.'))).toBe(false);
      const trajectory = await inkoop.get(`/trajectories/${fixture.ids.midden}`);
      expect(trajectory.body.description).not.toContain('buitenstaander');
      const sessions = await inkoop.get(`/trajectories/${fixture.ids.midden}/sessions`);
      expect(sessions.status).toBe(200);
      expect(sessions.text).not.toContain('buitenstaander');
      expect(sessions.body.map((s: { id: string }) => s.id)).toContain(fixture.midden.sessionId);
      const joined = await emit(sockets.get('procurement')!, 'session:join', { sessionId: fixture.midden.sessionId });
      expect(joined.ok, JSON.stringify(joined)).toBe(true);
      const { state } = joined as unknown as { state: LiveState };
      expect(state.session.title).toBe('Sessie in Midden-IJssel');
      expect(state.polls.map((p) => p.id)).toEqual([fixture.midden.pollId]);
      // Still open and without ballots: closing it now succeeds and counts none.
      const closed = await inkoop.post(`/polls/${fixture.midden.pollId}/close`, {});
      expect(closed.status, closed.text).toBe(200);
      expect(closed.body.result.ballots).toBe(0);
    });

    it('a member of both sees both; a member of one sees one', async () => {
      expect((await clients.get('procurement')!.get('/trajectories')).body.map((t: { id: string }) => t.id).sort()).toEqual([fixture.ids.ijmond, fixture.ids.midden].sort());
      for (const role of roles.filter((r) => r !== 'procurement')) {
        const res = await clients.get(role)!.get('/trajectories');
        expect(res.body.map((t: { id: string; myRole: string }) => [t.id, t.myRole])).toEqual([[fixture.ids.ijmond, role]]);
      }
    });
  });

  describe('platform administrator', () => {
    it('sees and reads both trajectories without being a member', async () => {
      const list = await admin.get('/trajectories');
      expect(list.body.map((t: { id: string }) => t.id).sort()).toEqual([fixture.ids.ijmond, fixture.ids.midden].sort());
      for (const id of [fixture.ids.ijmond, fixture.ids.midden]) {
        const t = await admin.get(`/trajectories/${id}`);
        expect(t.status).toBe(200);
        expect(t.body.myRole).toBeNull();
        for (const part of ['members', 'topics', 'audit', 'audit/verify']) {
          const res = await admin.get(`/trajectories/${id}/${part}`);
          expect(res.status, `${part}: ${res.text}`).toBe(200);
        }
        expect((await admin.get(`/trajectories/${id}/members`)).body[0].email).toContain('@');
      }
    });
  });

  describe('platform actions', () => {
    it('regions and organisations: procurement and administrators only', async () => {
      for (const path of ['/regions', '/organisations']) {
        expect((await admin.get(path)).status).toBe(200);
        expect((await clients.get('procurement')!.get(path)).status).toBe(200);
        for (const role of roles.filter((r) => r !== 'procurement')) expectError(await clients.get(role)!.get(path), 403, 'forbidden');
        expectError(await apiClient(server).get(path), 401, 'unauthenticated');
      }
      expect((await admin.get('/regions')).body.map((r: { name: string }) => r.name).sort()).toEqual(['IJmond en Zuid-Kennemerland', 'Zorgregio Midden-IJssel/Oost-Veluwe']);
    });

    it('creating a region, reading the outbox and the platform audit: administrators only', async () => {
      const region = { name: 'Regio Testland', municipalities: ['Testdorp', 'Teststad'] };
      expectError(await clients.get('procurement')!.post('/regions', region), 403, 'forbidden');
      const created = await admin.post('/regions', region);
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject(region);
      expectError(await admin.post('/regions', region), 409, 'conflict');
      for (const path of ['/admin/outbox', '/admin/audit/verify']) {
        expectError(await clients.get('procurement')!.get(path), 403, 'forbidden');
        expectError(await apiClient(server).get(path), 401, 'unauthenticated');
      }
      const verify = await admin.get('/admin/audit/verify');
      expect(verify.body).toMatchObject({ valid: true, brokenAt: null });
      expect(verify.body.events).toBeGreaterThan(7);
    });

    it('creating a trajectory: procurement of that region, or an administrator', async () => {
      const regions = new Map<string, string>((await admin.get('/regions')).body.map((r: { name: string; id: string }) => [r.name, r.id]));
      const middenRegion = regions.get('Zorgregio Midden-IJssel/Oost-Veluwe')!;
      const body = { regionId: middenRegion, name: 'Wijzigingsronde 2027', model: 'open_house', municipalities: ['Apeldoorn', 'Zutphen'] };
      expectError(await clients.get('municipality')!.post('/trajectories', body), 403, 'forbidden');
      expectError(await clients.get('procurement')!.post('/trajectories', { ...body, regionId: regions.get('Regio Testland'), municipalities: ['Testdorp'] }), 403, 'forbidden');
      const wrongPlace = await clients.get('procurement')!.post('/trajectories', { ...body, municipalities: ['Haarlem'] });
      expectError(wrongPlace, 400, 'validation_failed');
      expect(wrongPlace.body.error.fields).toHaveProperty('municipalities');

      const created = await clients.get('procurement')!.post('/trajectories', body);
      expect(created.status, created.text).toBe(201);
      expect(created.body).toMatchObject({ name: body.name, myRole: 'procurement', regionName: 'Zorgregio Midden-IJssel/Oost-Veluwe' });
      const audit = await clients.get('procurement')!.get(`/trajectories/${created.body.id}/audit/verify`);
      expect(audit.body).toMatchObject({ valid: true, events: 2 });
      // The creator sits at the new table for their procurement organisation in this region.
      const members = await clients.get('procurement')!.get(`/trajectories/${created.body.id}/members`);
      expect(members.body).toHaveLength(1);
      expect(members.body[0].organisation.name).toBe('Inkoopbureau Zorgregio Midden-IJssel/Oost-Veluwe');
    });

    it('an administrator creates a trajectory and invites its first procurement-team member', async () => {
      const regions = new Map<string, string>((await admin.get('/regions')).body.map((r: { name: string; id: string }) => [r.name, r.id]));
      const lead = uniqueEmail('projectleider');
      const created = await admin.post('/trajectories', { regionId: regions.get('Regio Testland'), name: 'Testtraject', model: 'other', municipalities: ['Testdorp'], procurementLead: { email: lead, name: 'Lea Leider' } });
      expect(created.status, created.text).toBe(201);
      expect(created.body.myRole).toBeNull();
      const token = await mailedToken(admin, lead, 'uitnodiging');
      expect(token).toBeDefined();
      const preview = await apiClient(server).get(`/invitations/${token}`);
      expect(preview.body).toMatchObject({ trajectoryName: 'Testtraject', role: 'procurement', organisationName: 'Inkoopbureau Regio Testland' });
    });
  });
});

describe('a removed member', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ env: { DEMO: '1' } });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('is told the trajectory does not exist once the procurement team removes them', async () => {
    const admin = await signIn(server, demoEmails.admin);
    const { ijmond } = await demoTrajectoryIds(admin);
    const inkoop = await signIn(server, demoEmails.procurement);
    const gemeente = await signIn(server, demoEmails.municipality);
    expect((await gemeente.get(`/trajectories/${ijmond}`)).status).toBe(200);
    const proposal = await gemeente.post(`/trajectories/${ijmond}/topics`, { title: 'Voorstel van de gemeente' });
    expect(proposal.status).toBe(201);

    const members = (await inkoop.get(`/trajectories/${ijmond}/members`)).body as Array<{ id: string; email: string }>;
    const seat = members.find((m) => m.email === demoEmails.municipality)!;
    expect((await inkoop.delete(`/trajectories/${ijmond}/members/${seat.id}`)).status).toBe(204);

    for (const part of ['', '/topics', '/members', '/audit']) expectError(await gemeente.get(`/trajectories/${ijmond}${part}`), 404, 'not_found');
    expectError(await gemeente.post(`/trajectories/${ijmond}/topics`, { title: 'Nog een voorstel' }), 404, 'not_found');
    expect((await gemeente.get('/trajectories')).body).toEqual([]);
    expect((await gemeente.get('/me')).body.memberships).toEqual([]);
    // Removing again: the seat is gone.
    expectError(await inkoop.delete(`/trajectories/${ijmond}/members/${seat.id}`), 404, 'not_found');

    // What they contributed stays, attributed to them; the removal is in the audit log.
    const topics = (await inkoop.get(`/trajectories/${ijmond}/topics`)).body as Array<{ title: string; proposedBy: { name: string } | null }>;
    expect(topics.find((t) => t.title === 'Voorstel van de gemeente')?.proposedBy?.name).toBe('Ruud Kramer');
    const audit = (await inkoop.get(`/trajectories/${ijmond}/audit`)).body;
    expect(audit[0]).toMatchObject({ action: 'member.remove', objectId: seat.id, actor: { name: 'Annelies Brouwer' } });
    expect((await inkoop.get(`/trajectories/${ijmond}/members`)).body.some((m: { id: string }) => m.id === seat.id)).toBe(false);

    // Invited again, they get their seat back.
    const orgs = (await inkoop.get('/organisations')).body as Array<{ id: string; name: string }>;
    const invitation = await inkoop.post(`/trajectories/${ijmond}/invitations`, { email: demoEmails.municipality, role: 'observer', organisation: { id: orgs.find((o) => o.name === 'Gemeente Haarlem')!.id } });
    expect(invitation.status).toBe(201);
    const token = (await mailedToken(admin, demoEmails.municipality, 'uitnodiging'))!;
    const accepted = await gemeente.post(`/invitations/${token}/accept`, { token });
    expect(accepted.status, accepted.text).toBe(200);
    expect((await gemeente.get(`/trajectories/${ijmond}`)).body.myRole).toBe('observer');
  });

  it('a seat of another trajectory cannot be changed or removed through this one', async () => {
    const admin = await signIn(server, demoEmails.admin);
    const { ijmond, midden } = await demoTrajectoryIds(admin);
    const inkoop = await signIn(server, demoEmails.procurement);
    const middenMembers = (await inkoop.get(`/trajectories/${midden}/members`)).body as Array<{ id: string; role: string }>;
    const seat = middenMembers.find((m) => m.role === 'provider')!;
    expectError(await inkoop.patch(`/trajectories/${ijmond}/members/${seat.id}`, { role: 'observer' }), 404, 'not_found');
    expectError(await inkoop.delete(`/trajectories/${ijmond}/members/${seat.id}`), 404, 'not_found');
    const after = (await inkoop.get(`/trajectories/${midden}/members`)).body as Array<{ id: string; role: string }>;
    expect(after.find((m) => m.id === seat.id)?.role).toBe('provider');
  });

  it('role changes are checked against the organisation; the last procurement-team member stays', async () => {
    const admin = await signIn(server, demoEmails.admin);
    const { ijmond } = await demoTrajectoryIds(admin);
    const inkoop = await signIn(server, demoEmails.procurement);
    const members = (await inkoop.get(`/trajectories/${ijmond}/members`)).body as Array<{ id: string; email: string }>;
    const provider = members.find((m) => m.email === demoEmails.provider)!;
    const changed = await inkoop.patch(`/trajectories/${ijmond}/members/${provider.id}`, { role: 'observer' });
    expect(changed.status).toBe(200);
    expect(changed.body.role).toBe('observer');
    const aanbieder = await signIn(server, demoEmails.provider);
    expect((await aanbieder.get(`/trajectories/${ijmond}`)).body.myRole).toBe('observer');
    expectError(await aanbieder.post(`/trajectories/${ijmond}/topics`, { title: 'Als toehoorder' }), 403, 'forbidden');

    const mismatch = await inkoop.patch(`/trajectories/${ijmond}/members/${provider.id}`, { role: 'municipality' });
    expectError(mismatch, 400, 'validation_failed');
    expect(mismatch.body.error.fields).toHaveProperty('role');

    const own = members.find((m) => m.email === demoEmails.procurement)!;
    expectError(await inkoop.patch(`/trajectories/${ijmond}/members/${own.id}`, { role: 'observer' }), 409, 'conflict');
    expectError(await inkoop.delete(`/trajectories/${ijmond}/members/${own.id}`), 409, 'conflict');
    expect((await inkoop.get(`/trajectories/${ijmond}`)).body.myRole).toBe('procurement');
  });
});
