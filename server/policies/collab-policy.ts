import { parseClauseDocumentName, type ClauseStatus } from '../../shared/domain/agreement';
import { clauseAccess } from '../../shared/policy';
import { isValidDocumentName, playgroundPrefix } from '../../shared/domain/collab';
import type { Role } from '../../shared/domain/roles';
import type { Actor } from './actor';

/** What a connection may do in a collaboration document. */
export type DocumentAccess = 'edit' | 'comment' | 'read';

/** What the policy needs to know about a clause document and the person asking, loaded by the caller. */
export interface ClauseDocumentFacts {
  /** The person's role in the clause's trajectory, or null without a seat. */
  role: Role | null;
  /** The clause's status, or null when the clause (or the named variant) does not exist in that trajectory. */
  status: ClauseStatus | null;
  /** Whether the agreement is final (sealed): then everything in it is read-only. */
  final?: boolean;
}

/**
 * Decides access to a collaboration document, or null for no access at all (the caller
 * answers 404 so that existence is not revealed). A clause's documents follow the clause's
 * status and the person's role in its trajectory; platform administrators without a seat may
 * read. Playground documents exist only where `playground` is set (NODE_ENV=test), and only for
 * signed-in people: nothing anonymous is ever stored.
 */
export function documentAccess(actor: Actor, documentName: string, facts: ClauseDocumentFacts | null = null, playground = false): DocumentAccess | null {
  if (!isValidDocumentName(documentName)) return null;
  if (documentName.startsWith(playgroundPrefix)) return playground && actor.kind === 'user' ? 'edit' : null;
  if (actor.kind !== 'user' || !parseClauseDocumentName(documentName) || !facts?.status) return null;
  if (facts.role) return clauseAccess(facts.role, facts.status, facts.final ?? false);
  return actor.platformAdmin ? 'read' : null;
}

export function canWrite(access: DocumentAccess): boolean {
  return access === 'edit';
}
