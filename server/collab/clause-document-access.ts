import { parseClauseDocumentName } from '../../shared/domain/agreement';
import type { Models } from '../models';
import type { Actor } from '../policies/actor';
import { documentAccess, type ClauseDocumentFacts, type DocumentAccess } from '../policies/collab-policy';

/** Loads what the collaboration policy needs about a document and the person, then asks it. */
export function clauseDocumentAccess(models: Models) {
  return async (actor: Actor, documentName: string): Promise<DocumentAccess | null> => {
    const parsed = parseClauseDocumentName(documentName);
    if (!parsed || actor.kind !== 'user') return documentAccess(actor, documentName);
    const [membership, clause] = await Promise.all([
      models.memberships.findOne({ trajectoryId: parsed.trajectoryId, userId: actor.userId, removedAt: null }, { role: 1 }).lean(),
      models.clauses.findOne({ _id: parsed.clauseId, trajectoryId: parsed.trajectoryId }, { status: 1, variants: 1 }).lean(),
    ]);
    const variantExists = !parsed.variantId || (clause?.variants ?? []).some((v) => String(v._id) === parsed.variantId);
    const facts: ClauseDocumentFacts = { role: membership?.role ?? null, status: clause && variantExists ? clause.status : null };
    return documentAccess(actor, documentName, facts);
  };
}
