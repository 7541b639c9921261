import { isValidDocumentName, playgroundPrefix } from '../../shared/domain/collab';
import type { Actor } from './actor';

/** What a connection may do in a collaboration document. */
export type DocumentAccess = 'edit' | 'comment' | 'read';

/**
 * Decides access to a collaboration document, or null for no access at all (the caller
 * answers 404 so that existence is not revealed). Playground documents are open to everyone;
 * documents of trajectories are decided by membership once accounts exist.
 */
export function documentAccess(_actor: Actor, documentName: string): DocumentAccess | null {
  if (!isValidDocumentName(documentName)) return null;
  if (documentName.startsWith(playgroundPrefix)) return 'edit';
  return null;
}

export function canWrite(access: DocumentAccess): boolean {
  return access === 'edit';
}
