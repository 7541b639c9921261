/**
 * A clause (artikel) moves from a draft of the procurement team, through the dialogue, to
 * agreement at the table and finally to being fixed by the municipalities.
 */
export const clauseStatuses = ['concept', 'in_dialogue', 'agreed', 'fixed'] as const;
export type ClauseStatus = (typeof clauseStatuses)[number];

/** Names of the collaboration documents of a clause: its regional text and each municipality variant. */
export function clauseDocumentName(trajectoryId: string, clauseId: string, variantId?: string | null): string {
  const base = `trajectory/${trajectoryId}/clause/${clauseId}`;
  return variantId ? `${base}/variant/${variantId}` : base;
}

const clauseDocumentPattern = /^trajectory\/([a-f0-9]{24})\/clause\/([a-f0-9]{24})(?:\/variant\/([a-f0-9]{24}))?$/;

export function parseClauseDocumentName(name: string): { trajectoryId: string; clauseId: string; variantId: string | null } | null {
  const match = clauseDocumentPattern.exec(name);
  if (!match) return null;
  return { trajectoryId: match[1]!, clauseId: match[2]!, variantId: match[3] ?? null };
}

/** The field of the Yjs document that holds the ProseMirror content (TipTap's default). */
export const clauseFragmentName = 'default';

/**
 * Clauses are numbered straight through the agreement (Artikel 1, 2, …) in the order of the
 * chapters and of the clauses within them; moving a clause renumbers everything after it.
 */
export function numberClauses<C extends { id: string; position: number }, K extends { id: string; chapterId: string; position: number }>(
  chapters: readonly C[],
  clauses: readonly K[],
): Map<string, number> {
  const numbers = new Map<string, number>();
  let next = 1;
  for (const chapter of [...chapters].sort((a, b) => a.position - b.position)) {
    const inChapter = clauses.filter((c) => c.chapterId === chapter.id).sort((a, b) => a.position - b.position);
    for (const clause of inChapter) numbers.set(clause.id, next++);
  }
  return numbers;
}
