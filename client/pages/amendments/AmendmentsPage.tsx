import '../../styles/revisions.css';
import { Heading2, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { agreementStructureApi, amendmentApi } from '../../api/revisions';
import { useResource } from '../../api/useResource';
import { useSession } from '../../auth/session-context';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SelectField } from '../../components/forms/SelectField';
import { LoadingStatus } from '../../components/LoadingStatus';
import { RouterLink } from '../../components/RouterLink';
import { useTrajectoryChanges } from '../../realtime/useTrajectoryChanges';
import type { AmendmentDto } from '../../../shared/schemas/agreement';
import { useTrajectory } from '../trajectory/trajectory-context';
import { AmendmentCard, amendmentTitleId } from './AmendmentCard';
import { useAuthorText } from './author-text';
import { useClauseLabels } from './clause-labels';
import { ConfirmDialog } from './ConfirmDialog';
import { DeclineAmendmentDialog } from './DeclineAmendmentDialog';
import { RevisionsHeader, versionsPath } from './RevisionsHeader';

/** When it was decided (or withdrawn), newest first; undecided ones keep the order they came in. */
const byDecision = (a: AmendmentDto, b: AmendmentDto) => (b.decidedAt ?? b.createdAt).localeCompare(a.decidedAt ?? a.createdAt);

/**
 * Wijzigingsvoorstellen: the open proposals first, for the procurement team to accept or
 * decline, then the decided ones with their outcome, so that everyone can see what was done
 * with every proposal. `?artikel=<clauseId>` shows the proposals for one clause.
 */
export function AmendmentsPage() {
  const { t } = useTranslation();
  const { trajectory, may } = useTrajectory();
  const { me } = useSession();
  const [searchParams, setSearchParams] = useSearchParams();
  const clauseFilter = searchParams.get('artikel') ?? '';
  const agreement = useResource((signal) => agreementStructureApi.get(trajectory.id, signal), [trajectory.id]);
  const amendments = useResource((signal) => amendmentApi.list(trajectory.id, signal), [trajectory.id]);
  const labels = useClauseLabels(agreement.data);
  const authorText = useAuthorText(me?.user.id);
  const [announcement, setAnnouncement] = useState('');
  const [accepting, setAccepting] = useState<AmendmentDto | undefined>(undefined);
  const [declining, setDeclining] = useState<AmendmentDto | undefined>(undefined);
  const [withdrawing, setWithdrawing] = useState<AmendmentDto | undefined>(undefined);

  useTrajectoryChanges(trajectory.id, (what) => {
    if (what === 'amendments') amendments.reload();
    if (what === 'agreement') agreement.reload();
  });

  const role = trajectory.myRole;
  const clauseLabel = (a: AmendmentDto) => {
    const clause = labels.byId.get(a.clauseId);
    return labels.label(clause ?? { number: a.clauseNumber, title: a.clauseTitle }, a.variantId, a.clauseId);
  };
  const replace = (updated: AmendmentDto) =>
    amendments.setData((current) => (current ?? []).map((a) => (a.id === updated.id ? updated : a)));
  // A decided proposal moves to the second list; focus follows it there. Closing a dialog
  // returns focus to the button that opened it; when that button is gone (the proposal was
  // decided meanwhile), focus goes to the proposal rather than to the top of the page. This runs
  // as an effect, after the dialog (a child) has closed: nothing outside a modal dialog takes focus.
  const [focusTarget, setFocusTarget] = useState<{ id: string; onlyIfLost: boolean } | undefined>(undefined);
  useEffect(() => {
    if (!focusTarget) return;
    const lost = !document.activeElement || document.activeElement === document.body;
    if (!focusTarget.onlyIfLost || lost) document.getElementById(amendmentTitleId(focusTarget.id))?.focus();
    setFocusTarget(undefined);
  }, [focusTarget]);
  const focusAmendment = (amendmentId: string) => setFocusTarget({ id: amendmentId, onlyIfLost: false });
  const closeDialog = (close: () => void, amendment: AmendmentDto | undefined) => {
    close();
    if (amendment) setFocusTarget({ id: amendment.id, onlyIfLost: true });
  };

  const shown = useMemo(
    () => (amendments.data ?? []).filter((a) => !clauseFilter || a.clauseId === clauseFilter),
    [amendments.data, clauseFilter],
  );
  const pending = shown.filter((a) => a.status === 'pending');
  const decided = shown.filter((a) => a.status !== 'pending').sort(byDecision);

  const card = (amendment: AmendmentDto) => {
    const clause = labels.byId.get(amendment.clauseId);
    const open = !clause || may('clause.comment', { clauseStatus: clause.status });
    return (
      <li key={amendment.id} className="dt-amendment-list__item">
        <AmendmentCard
          trajectoryId={trajectory.id}
          amendment={amendment}
          clauseLabel={clauseLabel(amendment)}
          mayWithdraw={
            amendment.status === 'pending' && may('amendment.propose') && amendment.author.id !== null && amendment.author.id === me?.user.id
          }
          mayReply={Boolean(role) && may('comment.create') && open}
          mayBeAnonymous={may('comment.anonymous')}
          authorText={authorText}
          onAccept={() => setAccepting(amendment)}
          onDecline={() => setDeclining(amendment)}
          onWithdraw={() => setWithdrawing(amendment)}
          onUpdated={replace}
          announce={setAnnouncement}
        />
      </li>
    );
  };

  const filterOptions = labels.clauses.map((c) => ({ value: c.id, label: labels.label(c) }));
  // A clause named in the address that the list does not know (yet) stays selectable.
  if (clauseFilter && !labels.byId.has(clauseFilter)) {
    const known = amendments.data?.find((a) => a.clauseId === clauseFilter);
    filterOptions.push({ value: clauseFilter, label: known ? clauseLabel(known) : t('revisions.unknownClause') });
  }

  return (
    <>
      <RevisionsHeader title={t('revisions.amendments.title')} />
      <Paragraph>{t('revisions.amendments.intro')}</Paragraph>
      <Paragraph>
        {may('amendment.propose') && <>{t('revisions.amendments.introPropose')} </>}
        <RouterLink to={versionsPath(trajectory.id)}>{t('revisions.amendments.toVersions')}</RouterLink>
      </Paragraph>
      <div role="status" className="dt-visually-hidden" data-testid="amendments-announcement">
        {announcement}
      </div>

      {(amendments.loading || agreement.loading) && <LoadingStatus />}
      {amendments.error && <ErrorAlert error={amendments.error} />}
      {agreement.error && !amendments.error && <ErrorAlert error={agreement.error} />}

      {amendments.data && (
        <>
          <div className="dt-amendment-filter">
            <SelectField
              id="amendment-filter"
              label={t('revisions.amendments.filter')}
              value={clauseFilter}
              placeholder={t('revisions.amendments.filterAll')}
              options={filterOptions}
              onChange={(value) => {
                const next = new URLSearchParams(searchParams);
                if (value) next.set('artikel', value);
                else next.delete('artikel');
                setSearchParams(next, { replace: true });
              }}
            />
            <Paragraph id="amendment-filter-count" role="status" className="dt-amendment-filter__count" data-testid="amendment-count">
              {t('revisions.amendments.filterResult', { count: shown.length })}
            </Paragraph>
          </div>

          <section aria-labelledby="pending-heading" className="dt-amendments-section" data-testid="pending-amendments">
            <Heading2 id="pending-heading">{t('revisions.amendments.pending', { count: pending.length })}</Heading2>
            {pending.length === 0 ? (
              <Paragraph>{t('revisions.amendments.nonePending')}</Paragraph>
            ) : (
              <ul className="dt-amendment-list">{pending.map(card)}</ul>
            )}
          </section>

          <section aria-labelledby="decided-heading" className="dt-amendments-section" data-testid="decided-amendments">
            <Heading2 id="decided-heading">{t('revisions.amendments.decided', { count: decided.length })}</Heading2>
            {decided.length === 0 ? (
              <Paragraph>{t('revisions.amendments.noneDecided')}</Paragraph>
            ) : (
              <ul className="dt-amendment-list">{decided.map(card)}</ul>
            )}
          </section>
        </>
      )}

      <ConfirmDialog
        open={Boolean(accepting)}
        title={t('revisions.amendments.acceptTitle')}
        confirmLabel={t('revisions.amendments.acceptYes')}
        testId="accept-amendment"
        onClose={() => closeDialog(() => setAccepting(undefined), accepting)}
        onError={() => amendments.reload()}
        onConfirm={async () => {
          if (!accepting) return;
          const updated = await amendmentApi.decide(trajectory.id, accepting.id, { decision: 'accept' });
          replace(updated);
          setAccepting(undefined);
          focusAmendment(updated.id);
          setAnnouncement(t('revisions.amendments.announce.accepted', { clause: clauseLabel(updated) }));
        }}
      >
        {accepting && <Paragraph>{t('revisions.amendments.acceptConfirm', { clause: clauseLabel(accepting) })}</Paragraph>}
      </ConfirmDialog>

      <DeclineAmendmentDialog
        trajectoryId={trajectory.id}
        amendment={declining}
        clauseLabel={declining ? clauseLabel(declining) : ''}
        onClose={() => closeDialog(() => setDeclining(undefined), declining)}
        onFailed={() => amendments.reload()}
        onDeclined={(updated) => {
          replace(updated);
          setDeclining(undefined);
          focusAmendment(updated.id);
          setAnnouncement(t('revisions.amendments.announce.declined', { clause: clauseLabel(updated) }));
        }}
      />

      <ConfirmDialog
        open={Boolean(withdrawing)}
        title={t('revisions.amendments.withdrawTitle')}
        confirmLabel={t('revisions.amendments.withdrawYes')}
        testId="withdraw-amendment"
        onClose={() => closeDialog(() => setWithdrawing(undefined), withdrawing)}
        onError={() => amendments.reload()}
        onConfirm={async () => {
          if (!withdrawing) return;
          const updated = await amendmentApi.withdraw(trajectory.id, withdrawing.id);
          replace(updated);
          setWithdrawing(undefined);
          focusAmendment(updated.id);
          setAnnouncement(t('revisions.amendments.announce.withdrawn', { clause: clauseLabel(updated) }));
        }}
      >
        {withdrawing && <Paragraph>{t('revisions.amendments.withdrawConfirm', { clause: clauseLabel(withdrawing) })}</Paragraph>}
      </ConfirmDialog>
    </>
  );
}
