import type { OperationContext } from '../commands/operation';
import { acceptInvitation, invite } from '../commands/invitations/invitation-operations';
import { openLinkSecret } from '../notifications/sealed-link';
import type { Role } from '../../shared/domain/roles';
import type { Services } from '../services';
import { clauseDocumentName, type ClauseStatus } from '../../shared/domain/agreement';
import { clauseFragment, paragraphsOf, replaceContent } from '../../shared/domain/clause-text';
import { createChapter, createClause, createVariant, updateClause } from '../commands/agreement/agreement-operations';

/** A demo person as the operations see them when they act: signed in, with a session of the seed's own. */
export interface DemoPersonRef {
  key: string;
  userId: string;
  name: string;
  email: string;
  platformAdmin: boolean;
}

/**
 * The context in which a demo person acts while the demo is seeded. The seed takes the one road
 * of every state change (server/commands/operation.ts), as that person: their events in the audit
 * chain name them, as if they had clicked it themselves.
 */
export function actingAs(services: Services, person: DemoPersonRef): OperationContext {
  return {
    services,
    actor: { kind: 'user', userId: person.userId, name: person.name, email: person.email, platformAdmin: person.platformAdmin, sessionId: `demo-seed:${person.key}` },
  };
}

/**
 * A seat the way people get one: `by` invites, the invitee accepts with the link of the mail.
 * The link's token is taken from the queued mail (sealed, like the delivery worker opens it); the
 * mail itself is dropped with the rest of the seed's mail (see clearSeedMail).
 */
export async function seatByInvitation(
  services: Services,
  by: OperationContext,
  trajectoryId: string,
  invitee: DemoPersonRef,
  seat: { role: Role; organisationId: string },
): Promise<void> {
  const invitation = await invite(by, { params: { trajectoryId }, body: { email: invitee.email, role: seat.role, organisation: { id: seat.organisationId } } });
  const queued = await services.models.notificationQueue.find({ email: invitee.email, 'event.kind': 'member.invited', 'event.trajectoryId': trajectoryId }).lean();
  const token = queued.map((q) => openLinkSecret(services.config.sessionSecret, String((q.event.params as Record<string, unknown>).sealed ?? ''))).find(Boolean);
  if (!token) throw new Error(`demo seed: no invitation link for ${invitee.email} (${invitation.id})`);
  await acceptInvitation(actingAs(services, invitee), { params: { token }, body: { token } });
}

/**
 * The demo's people are invented: nobody is mailed or notified about the history the seed writes
 * (invitations, sessions planned, ...). The demo starts, as before, with an empty queue and inbox.
 */
export async function clearSeedMail(services: Services): Promise<void> {
  const { models } = services;
  await Promise.all([models.notificationQueue.deleteMany({}), models.notificationInboxes.deleteMany({})]);
}

export interface DemoClauseText {
  title: string;
  status: ClauseStatus;
  /** Titles of the topics it belongs to. */
  topics: string[];
  text: string[];
  variant?: { label: string; municipalities: string[]; text: string[] };
}

/**
 * A draft agreement as the procurement team writes it: chapters and clauses through the
 * operations, each clause's text as its first version, a municipality's variant, then the clause's
 * status. A variant's words are typed in the editor (the collaborative document, which keeps no
 * audit event per edit); the seed writes them into that document the same way. Returns the clause
 * ids by title.
 */
export async function writeDemoAgreement(
  services: Services,
  by: OperationContext,
  trajectoryId: string,
  chapters: ReadonlyArray<{ title: string; clauses: readonly DemoClauseText[] }>,
): Promise<Map<string, string>> {
  const { models, documents } = services;
  const params = { trajectoryId };
  const topics = await models.topics.find({ trajectoryId }, { title: 1 }).lean();
  const topicId = (title: string) => topics.find((x) => x.title === title)?._id;
  const clauseIds = new Map<string, string>();
  for (const chapter of chapters) {
    await createChapter(by, { params, body: { title: chapter.title } });
    const { _id: chapterId } = (await models.chapters.findOne({ trajectoryId, title: chapter.title }, { _id: 1 }).lean())!;
    for (const c of chapter.clauses) {
      const topicIds = c.topics.flatMap((title) => topicId(title) ?? []).map(String);
      await createClause(by, { params, body: { chapterId: String(chapterId), title: c.title, topicIds, text: c.text.join('\n') } });
      const clauseId = String((await models.clauses.findOne({ trajectoryId, chapterId, title: c.title }, { _id: 1 }).lean())!._id);
      clauseIds.set(c.title, clauseId);
      if (c.variant) {
        await createVariant(by, { params: { trajectoryId, clauseId }, body: { label: c.variant.label, municipalities: c.variant.municipalities } });
        const clause = (await models.clauses.findById(clauseId, { variants: 1 }).lean())!;
        const text = c.variant.text.join('\n');
        await documents.change(clauseDocumentName(trajectoryId, clauseId, String(clause.variants[0]!._id)), (doc) => replaceContent(clauseFragment(doc), paragraphsOf(text)));
      }
    }
  }
  return clauseIds;
}

/** Moves the demo's clauses to their status, as the procurement team does once the table has spoken. */
export async function setDemoClauseStatuses(by: OperationContext, trajectoryId: string, statuses: ReadonlyArray<{ clauseId: string; status: ClauseStatus }>): Promise<void> {
  for (const { clauseId, status } of statuses) {
    if (status !== 'concept') await updateClause(by, { params: { trajectoryId, clauseId }, body: { status } });
  }
}
