import { Heading4, Paragraph } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CompareSegment, CompareSummary } from '../../../shared/domain/compare';

/** "3 woorden toegevoegd, 2 verwijderd, 1 passage verplaatst"; undefined when no word changed. */
function useSummaryText(): (summary: CompareSummary) => string | undefined {
  const { t } = useTranslation();
  return (summary) => {
    const parts: string[] = [];
    if (summary.inserted > 0) parts.push(t('revisions.compare.summary.inserted', { count: summary.inserted }));
    if (summary.deleted > 0) {
      parts.push(
        parts.length === 0
          ? t('revisions.compare.summary.deletedFirst', { count: summary.deleted })
          : t('revisions.compare.summary.deleted', { count: summary.deleted }),
      );
    }
    if (summary.moved > 0) parts.push(t('revisions.compare.summary.moved', { count: summary.moved }));
    return parts.length ? parts.join(', ') : undefined;
  };
}

/** What the colours and lines mean, in words, with an example of each. */
export function ComparisonLegend() {
  const { t } = useTranslation();
  return (
    <div className="dt-comparison__legend" data-testid="comparison-legend">
      <Heading4 className="dt-comparison__legend-title">{t('revisions.compare.legend.title')}</Heading4>
      <ul className="dt-comparison__legend-list">
        <li>
          <ins className="dt-diff dt-diff--inserted">{t('revisions.compare.legend.insertedExample')}</ins>{' '}
          {t('revisions.compare.legend.inserted')}
        </li>
        <li>
          <del className="dt-diff dt-diff--deleted">{t('revisions.compare.legend.deletedExample')}</del>{' '}
          {t('revisions.compare.legend.deleted')}
        </li>
        <li>
          <span className="dt-diff dt-diff--moved-to">
            <span className="dt-diff__tag" aria-hidden="true">
              1
            </span>{' '}
            {t('revisions.compare.legend.movedExample')}
          </span>{' '}
          {t('revisions.compare.legend.moved')}
        </li>
      </ul>
    </div>
  );
}

/** A changed stretch that is only whitespace: a paragraph break, shown as ¶ so it can be seen. */
const isBreakOnly = (text: string) => text.trim() === '' && text.includes('\n');

/**
 * The comparison as running text: unchanged words plain, inserted words underlined (green),
 * deleted words struck through (red), moved passages marked with a numbered "verplaatst" tag at
 * both places (blue, dotted). Every change is also said in words for screen readers, where it
 * starts and where it ends, so colour is never the only signal.
 */
export function ComparisonText({ segments }: { segments: CompareSegment[] }) {
  const { t } = useTranslation();
  const hidden = (text: string) => <span className="dt-visually-hidden">{text}</span>;
  const pilcrow = (
    <span className="dt-diff__pilcrow" aria-hidden="true">
      ¶
    </span>
  );
  return (
    <div className="dt-comparison__text" data-testid="comparison-text">
      {segments.map((segment, index): ReactNode => {
        switch (segment.kind) {
          case 'same':
            return <span key={index}>{segment.text}</span>;
          case 'inserted':
            return (
              <ins key={index} className="dt-diff dt-diff--inserted" data-testid="diff-inserted">
                {hidden(`${t('revisions.compare.hidden.inserted')} `)}
                {isBreakOnly(segment.text) ? (
                  <>
                    {pilcrow}
                    {hidden(t('revisions.compare.hidden.paragraph'))}
                  </>
                ) : null}
                {segment.text}
                {hidden(` (${t('revisions.compare.hidden.insertedEnd')}) `)}
              </ins>
            );
          case 'deleted':
            return (
              <del key={index} className="dt-diff dt-diff--deleted" data-testid="diff-deleted">
                {hidden(`${t('revisions.compare.hidden.deleted')} `)}
                {isBreakOnly(segment.text) ? (
                  <>
                    {pilcrow}
                    {hidden(t('revisions.compare.hidden.paragraph'))}
                  </>
                ) : (
                  segment.text
                )}
                {hidden(` (${t('revisions.compare.hidden.deletedEnd')}) `)}
              </del>
            );
          case 'moved-from':
            return (
              <del key={index} className="dt-diff dt-diff--moved-from" data-testid="diff-moved-from">
                <span className="dt-diff__tag">{t('revisions.compare.movedFromTag', { n: segment.moveId ?? '?' })}</span> {segment.text}
                {hidden(` (${t('revisions.compare.hidden.movedEnd')}) `)}
              </del>
            );
          case 'moved-to':
            return (
              <ins key={index} className="dt-diff dt-diff--moved-to" data-testid="diff-moved-to">
                <span className="dt-diff__tag">{t('revisions.compare.movedToTag', { n: segment.moveId ?? '?' })}</span> {segment.text}
                {hidden(` (${t('revisions.compare.hidden.movedEnd')}) `)}
              </ins>
            );
          default:
            return null;
        }
      })}
    </div>
  );
}

/** The one-line summary above the text, or "Geen verschillen". */
export function ComparisonSummary({ segments, summary }: { segments: CompareSegment[]; summary: CompareSummary }) {
  const { t } = useTranslation();
  const summaryText = useSummaryText();
  const changed = segments.some((s) => s.kind !== 'same');
  const text = !changed ? t('revisions.compare.noDifferences') : (summaryText(summary) ?? t('revisions.compare.layoutOnly'));
  return (
    <Paragraph className="dt-comparison__summary" data-testid="comparison-summary">
      <strong>{text}</strong>
    </Paragraph>
  );
}
