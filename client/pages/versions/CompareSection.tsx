import { Alert, Button, ButtonGroup, Heading2, Heading3, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { versionApi } from '../../api/revisions';
import type { CompareResult } from '../../api/revisions';
import { useResource } from '../../api/useResource';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ErrorSummary } from '../../components/forms/ErrorSummary';
import type { FieldErrors } from '../../components/forms/field-errors';
import { SelectField } from '../../components/forms/SelectField';
import { LoadingStatus } from '../../components/LoadingStatus';
import { formatDateTime } from '../../format/dates';
import { useTrajectoryChanges } from '../../realtime/useTrajectoryChanges';
import type { VersionDto } from '../../../shared/schemas/agreement';
import type { ClauseLabels } from '../amendments/clause-labels';
import { ConfirmDialog } from '../amendments/ConfirmDialog';
import { useRevisionErrorMessage } from '../amendments/revision-errors';
import { useTrajectory } from '../trajectory/trajectory-context';
import { ComparisonLegend, ComparisonSummary, ComparisonText } from './Comparison';

const compareSectionId = 'vergelijken';
const current = 'current';

/** The address of a comparison on the versions page, e.g. from a version's own page. */
export function compareSearch(params: { clauseId: string; variantId?: string | null; from: string; to: string }): string {
  const search = new URLSearchParams({ artikel: params.clauseId });
  if (params.variantId) search.set('variant', params.variantId);
  search.set('van', params.from);
  search.set('naar', params.to);
  return `?${search.toString()}#${compareSectionId}`;
}

interface CompareSectionProps {
  versions: VersionDto[];
  labels: ClauseLabels;
  announce: (message: string) => void;
}

/**
 * Vergelijken: a clause (and which of its texts), two versions or "huidige tekst", and the
 * word-level comparison of the two. The choice lives in the address (?artikel=&variant=&van=&naar=),
 * so a comparison can be linked to and survives a reload. A comparison with the current text
 * follows changes to the agreement live.
 */
export function CompareSection({ versions, labels, announce }: CompareSectionProps) {
  const { t, i18n } = useTranslation();
  const { trajectory, may } = useTrajectory();
  const revisionError = useRevisionErrorMessage();
  const [searchParams, setSearchParams] = useSearchParams();
  const chosen = {
    clauseId: searchParams.get('artikel') ?? '',
    variantId: searchParams.get('variant') ?? '',
    from: searchParams.get('van') ?? '',
    to: searchParams.get('naar') ?? '',
  };
  const complete = Boolean(chosen.clauseId && chosen.from && chosen.to && chosen.from !== chosen.to);

  // The form's own state: what is being chosen, until "Vergelijken" puts it in the address.
  const [clauseId, setClauseId] = useState(chosen.clauseId);
  const [variantId, setVariantId] = useState(chosen.variantId);
  const [from, setFrom] = useState(chosen.from);
  const [to, setTo] = useState(chosen.to || current);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failures, setFailures] = useState(0);
  const summaryRef = useRef<HTMLDivElement | null>(null);
  const sectionHeadingRef = useRef<HTMLHeadingElement | null>(null);
  const [restoring, setRestoring] = useState(false);
  const [restored, setRestored] = useState<string | undefined>(undefined);

  // Following a link to a comparison (or going back and forth) fills the form in.
  const addressKey = `${chosen.clauseId}|${chosen.variantId}|${chosen.from}|${chosen.to}`;
  useEffect(() => {
    setClauseId(chosen.clauseId);
    setVariantId(chosen.variantId);
    setFrom(chosen.from);
    setTo(chosen.to || current);
    setRestored(undefined);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [addressKey]);

  useEffect(() => {
    if (failures > 0) summaryRef.current?.focus();
  }, [failures]);

  // Arriving at #vergelijken: bring the section into view once the page has settled.
  useEffect(() => {
    if (window.location.hash !== `#${compareSectionId}`) return;
    const frame = requestAnimationFrame(() => {
      sectionHeadingRef.current?.scrollIntoView({ block: 'start' });
      sectionHeadingRef.current?.focus({ preventScroll: true });
    });
    return () => cancelAnimationFrame(frame);
  }, []);

  const comparison = useResource<CompareResult | null>(
    (signal) =>
      complete
        ? versionApi.compare(
            trajectory.id,
            { clauseId: chosen.clauseId, variantId: chosen.variantId || null, from: chosen.from, to: chosen.to },
            signal,
          )
        : Promise.resolve(null),
    [trajectory.id, chosen.clauseId, chosen.variantId, chosen.from, chosen.to],
  );
  useTrajectoryChanges(trajectory.id, (what) => {
    const followsNow = chosen.from === current || chosen.to === current;
    if (complete && followsNow && (what === 'agreement' || what === 'amendments')) comparison.reload();
  });

  const clause = labels.byId.get(clauseId);
  const versionsWith = (id: string) => versions.filter((v) => v.clauseId === null || v.clauseId === id);
  const versionLabel = (v: VersionDto) =>
    t(v.clauseId ? 'revisions.compare.versionOption' : 'revisions.compare.versionOptionAll', {
      name: v.name,
      date: formatDateTime(v.createdAt, i18n.language, 'short'),
    });
  const sideOptions = [
    { value: current, label: t('revisions.compare.current') },
    ...(clauseId ? versionsWith(clauseId) : versions).map((v) => ({ value: v.id, label: versionLabel(v) })),
  ];

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const found: FieldErrors = {};
    if (!clauseId) found.clauseId = t('revisions.compare.required');
    if (!from) found.from = t('revisions.compare.required');
    if (!to) found.to = t('revisions.compare.required');
    if (from && to && from === to) found.to = t('revisions.compare.same');
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setFailures((n) => n + 1);
      return;
    }
    setRestored(undefined);
    const next = new URLSearchParams(searchParams);
    next.set('artikel', clauseId);
    if (variantId) next.set('variant', variantId);
    else next.delete('variant');
    next.set('van', from);
    next.set('naar', to);
    if (next.toString() === searchParams.toString()) comparison.reload();
    else setSearchParams(next);
  };

  const fieldInfo: Record<string, { target: string; label: string }> = {
    clauseId: { target: 'compare-clause', label: t('revisions.compare.clause') },
    from: { target: 'compare-from', label: t('revisions.compare.from') },
    to: { target: 'compare-to', label: t('revisions.compare.to') },
  };
  const errorItems = Object.entries(errors).map(([path, message]) => ({ ...fieldInfo[path]!, message }));

  // The name of a side as the comparison says it: the version's name, or "huidige tekst".
  const sideName = (side: string, name: string) => (side === current ? t('revisions.compare.currentName') : name);
  const shownClause = labels.byId.get(chosen.clauseId);
  const shownLabel = shownClause ? labels.label(shownClause, chosen.variantId || null, chosen.clauseId) : t('revisions.unknownClause');
  // Restoring from here: the version on one side, the text as it is now on the other.
  const restoreFrom =
    chosen.to === current && chosen.from !== current ? chosen.from : chosen.from === current && chosen.to !== current ? chosen.to : undefined;
  const restoreVersion = restoreFrom ? versions.find((v) => v.id === restoreFrom) : undefined;

  return (
    <section aria-labelledby="compare-heading" className="dt-form-section dt-compare" id={compareSectionId} data-testid="compare">
      <Heading2 id="compare-heading" ref={sectionHeadingRef} tabIndex={-1}>
        {t('revisions.compare.title')}
      </Heading2>
      <Paragraph>{t('revisions.compare.intro')}</Paragraph>
      <form noValidate onSubmit={onSubmit} className="dt-form dt-compare__form">
        {errorItems.length > 0 && <ErrorSummary summaryRef={summaryRef} message={t('form.checkFields')} items={errorItems} />}
        <SelectField
          id="compare-clause"
          label={t('revisions.compare.clause')}
          value={clauseId}
          placeholder={t('revisions.compare.chooseClause')}
          options={labels.clauses.map((c) => ({ value: c.id, label: labels.label(c) }))}
          onChange={(value) => {
            setClauseId(value);
            setVariantId('');
            // A version that does not hold the new clause cannot stay chosen.
            if (from && from !== current && !versionsWith(value).some((v) => v.id === from)) setFrom('');
            if (to && to !== current && !versionsWith(value).some((v) => v.id === to)) setTo(current);
          }}
          required
          error={errors.clauseId}
        />
        {clause && clause.variants.length > 0 && (
          <SelectField
            id="compare-variant"
            label={t('revisions.compare.variant')}
            value={variantId}
            options={[
              { value: '', label: t('revisions.regionalText') },
              ...clause.variants.map((v) => ({
                value: v.id,
                label: t('revisions.variantOption', { label: v.label, municipalities: v.municipalities.join(', ') }),
              })),
            ]}
            onChange={setVariantId}
          />
        )}
        <div className="dt-compare__sides">
          <SelectField
            id="compare-from"
            label={t('revisions.compare.from')}
            value={from}
            placeholder={t('revisions.compare.chooseVersion')}
            options={sideOptions}
            onChange={setFrom}
            required
            error={errors.from}
          />
          <SelectField
            id="compare-to"
            label={t('revisions.compare.to')}
            value={to}
            placeholder={t('revisions.compare.chooseVersion')}
            options={sideOptions}
            onChange={setTo}
            required
            error={errors.to}
          />
        </div>
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button">
            {t('revisions.compare.submit')}
          </Button>
        </ButtonGroup>
      </form>

      {complete && (
        <div className="dt-comparison" data-testid="comparison" aria-busy={comparison.loading || undefined}>
          {comparison.loading && <LoadingStatus />}
          {comparison.error &&
            (comparison.error.code === 'validation_failed' ? (
              <Alert type="error" role="alert" className="dt-alert">
                <Paragraph>{revisionError(comparison.error)}</Paragraph>
              </Alert>
            ) : (
              <ErrorAlert error={comparison.error} />
            ))}
          {comparison.data && (
            <>
              <Heading3 className="dt-comparison__title">{t('revisions.compare.resultTitle', { clause: shownLabel })}</Heading3>
              <Paragraph className="dt-comparison__sides">
                {t('revisions.compare.fromTo', {
                  from: sideName(chosen.from, comparison.data.from),
                  to: sideName(chosen.to, comparison.data.to),
                })}
              </Paragraph>
              <div role="status">
                <ComparisonSummary segments={comparison.data.segments} summary={comparison.data.summary} />
              </div>
              {restored && (
                <Alert type="ok" data-testid="restore-done">
                  <Paragraph>{restored}</Paragraph>
                </Alert>
              )}
              <ComparisonLegend />
              {comparison.data.segments.length > 0 && <ComparisonText segments={comparison.data.segments} />}
              {may('version.restore') && restoreVersion && shownClause && (
                <div className="dt-compare__restore">
                  <Paragraph className="dt-hint" id="compare-restore-hint">
                    {t('revisions.compare.restoreHint', { name: restoreVersion.name })}
                  </Paragraph>
                  <ButtonGroup>
                    <Button appearance="secondary-action-button" aria-describedby="compare-restore-hint" onClick={() => setRestoring(true)}>
                      {t('revisions.compare.restore', { name: restoreVersion.name })}
                    </Button>
                  </ButtonGroup>
                </div>
              )}
            </>
          )}
        </div>
      )}

      <ConfirmDialog
        open={restoring}
        title={t('revisions.versions.restore.title')}
        confirmLabel={t('revisions.versions.restore.yes')}
        testId="restore-version"
        onClose={() => setRestoring(false)}
        onConfirm={async () => {
          if (!restoreVersion) return;
          await versionApi.restore(trajectory.id, restoreVersion.id, { clauseId: chosen.clauseId, variantId: chosen.variantId || null });
          setRestoring(false);
          const message = t('revisions.versions.restore.done', { clause: shownLabel, name: restoreVersion.name });
          setRestored(message);
          announce(message);
          comparison.reload();
        }}
      >
        {restoreVersion && (
          <Paragraph>{t('revisions.versions.restore.confirm', { clause: shownLabel, name: restoreVersion.name })}</Paragraph>
        )}
      </ConfirmDialog>
    </section>
  );
}
