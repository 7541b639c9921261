import { Heading4, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { compareSummary, compareTexts } from '../../../shared/domain/compare';
import type { ContractVersionDto } from '../../../shared/schemas/rounds';
import { ComparisonLegend, ComparisonSummary, ComparisonText } from './Comparison';

/**
 * Two sealed versions of the definitive agreement side by side: per clause (clauses keep their
 * id across versions, a round edits them in place) the words inserted, deleted and moved.
 */
export function ContractVersionCompare({ before, after }: { before: ContractVersionDto; after: ContractVersionDto }) {
  const { t } = useTranslation();
  const old = new Map(before.snapshot.chapters.flatMap((c) => c.clauses.map((k) => [k.id, k] as const)));
  const changed = after.snapshot.chapters
    .flatMap((c) => c.clauses)
    .map((k) => ({ clause: k, segments: compareTexts(old.get(k.id)?.text ?? '', k.text) }))
    .filter((x) => x.segments.some((s) => s.kind !== 'same'));
  return (
    <div className="dt-comparison" data-testid="contract-compare">
      <ComparisonLegend />
      {changed.length === 0 && <Paragraph>{t('final.versions.noChanges')}</Paragraph>}
      {changed.map(({ clause, segments }) => (
        <section key={clause.id} aria-label={t('final.versions.clause', { number: clause.number, title: clause.title })}>
          <Heading4>{t('final.versions.clause', { number: clause.number, title: clause.title })}</Heading4>
          <ComparisonSummary segments={segments} summary={compareSummary(segments)} />
          <ComparisonText segments={segments} />
        </section>
      ))}
    </div>
  );
}
