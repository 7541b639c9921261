import { randomBytes } from 'node:crypto';
import { parseClauseDocumentName } from '../../shared/domain/agreement';
import type { Models } from '../models';
import { isFinal } from '../commands/guards';
import { anonymousClientLabel } from '../../shared/schemas/anonymity';
import { stakeholderColours, type Role } from '../../shared/domain/roles';
import type { Actor } from '../policies/actor';
import { documentAccess, type ClauseDocumentFacts, type DocumentAccess } from '../policies/collab-policy';

/** Who a connection is, as the others in the document see them: set by the server, never by the client. */
export interface PresenceIdentity {
  userId: string;
  name: string;
  group: Role;
  organisation: string;
  /** The group's caret colour (the caret extension reads it from here). */
  color: string;
  /** A client representative shown as "een cliëntvertegenwoordiger": the server also drops every other field of their states. */
  anonymous?: boolean;
}

export interface DocumentGrant {
  access: DocumentAccess;
  /** Null in the test playground: states are relayed as sent. */
  identity: PresenceIdentity | null;
}

/** Loads what the collaboration policy needs about a document and the person, then asks it. */
export function clauseDocumentAccess(models: Models, options: { playground?: boolean } = {}) {
  return async (actor: Actor, documentName: string): Promise<DocumentGrant | null> => {
    const parsed = parseClauseDocumentName(documentName);
    if (!parsed || actor.kind !== 'user') {
      const access = documentAccess(actor, documentName, null, options.playground ?? false);
      return access ? { access, identity: null } : null;
    }
    const [membership, clause, sealed] = await Promise.all([
      models.memberships.findOne({ trajectoryId: parsed.trajectoryId, userId: actor.userId, removedAt: null }, { role: 1, organisationId: 1, anonymousPresence: 1 }).lean(),
      models.clauses.findOne({ _id: parsed.clauseId, trajectoryId: parsed.trajectoryId }, { status: 1, variants: 1 }).lean(),
      // A definitive agreement is read-only for everyone, whatever a clause's status says, until a change round reopens it.
      isFinal(models, parsed.trajectoryId),
    ]);
    const variantExists = !parsed.variantId || (clause?.variants ?? []).some((v) => String(v._id) === parsed.variantId);
    const facts: ClauseDocumentFacts = { role: membership?.role ?? null, status: clause && variantExists ? clause.status : null, final: sealed };
    const access = documentAccess(actor, documentName, facts);
    if (!access) return null;
    if (membership?.role === 'client' && membership.anonymousPresence === true) {
      // No name, no organisation, and an id of this connection only: nothing links them to anonymous input.
      const identity = { userId: `anoniem-${randomBytes(9).toString('base64url')}`, name: anonymousClientLabel, group: 'client' as const, organisation: '', color: stakeholderColours.client, anonymous: true };
      return { access, identity };
    }
    const organisation = membership ? await models.organisations.findById(membership.organisationId, { name: 1 }).lean() : null;
    return {
      access,
      identity: { userId: actor.userId, name: actor.name, group: membership?.role ?? 'observer', organisation: organisation?.name ?? '', color: stakeholderColours[membership?.role ?? 'observer'] },
    };
  };
}
