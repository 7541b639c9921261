import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgreementDto, ClauseDto } from '../../../shared/schemas/agreement';

export interface ClauseLabels {
  /** The clauses in agreement order (Artikel 1, 2, …). */
  clauses: ClauseDto[];
  byId: Map<string, ClauseDto>;
  /** "Artikel 4 — Wachttijden", with the variant's label when there is one. */
  label: (clause: { number: number; title: string }, variantId?: string | null, clauseId?: string) => string;
  /** The variant's label, e.g. "Haarlem", or undefined for the regional text. */
  variantLabel: (clauseId: string, variantId: string | null | undefined) => string | undefined;
}

/** Labels for clauses and their municipality variants, from the agreement's structure. */
export function useClauseLabels(agreement: AgreementDto | undefined): ClauseLabels {
  const { t } = useTranslation();
  const clauses = useMemo(
    () => (agreement ? agreement.chapters.flatMap((c) => c.clauses).sort((a, b) => a.number - b.number) : []),
    [agreement],
  );
  const byId = useMemo(() => new Map(clauses.map((c) => [c.id, c])), [clauses]);
  const variantLabel = useCallback(
    (clauseId: string, variantId: string | null | undefined) =>
      variantId ? (byId.get(clauseId)?.variants.find((v) => v.id === variantId)?.label ?? '—') : undefined,
    [byId],
  );
  const label = useCallback(
    (clause: { number: number; title: string }, variantId?: string | null, clauseId?: string) => {
      const variant = variantId && clauseId ? variantLabel(clauseId, variantId) : undefined;
      return variant
        ? t('revisions.clauseVariant', { number: clause.number, title: clause.title, variant })
        : t('revisions.clause', { number: clause.number, title: clause.title });
    },
    [t, variantLabel],
  );
  return { clauses, byId, label, variantLabel };
}
