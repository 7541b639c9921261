import { Button, Heading2, Heading3, Paragraph, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { agreementPaths } from '../../api/agreement';
import { asApiError } from '../../api/client';
import type { ApiError } from '../../api/client';
import { roundsApi } from '../../api/rounds';
import { useResource } from '../../api/useResource';
import { CheckboxGroup } from '../../components/forms/ChoiceGroup';
import { TextAreaField, TextField } from '../../components/forms/TextField';
import { useSubmission } from '../../components/forms/useSubmission';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FailureAlert } from '../../components/FailureAlert';
import { RouterLink } from '../../components/RouterLink';
import { useErrorMessage } from '../../components/useErrorMessage';
import { formatDate, formatDateTime } from '../../format/dates';
import { useTrajectoryChanges } from '../../realtime/useTrajectoryChanges';
import type { FinalChapterDto } from '../../../shared/schemas/final';
import type { ContractVersionDto } from '../../../shared/schemas/rounds';
import { ContractVersionCompare } from '../versions/ContractVersionCompare';

/**
 * The versions of the definitive agreement (1.0 sealed, 1.1 in dialogue, …), which applies from
 * when, a comparison of each version with the one before, and for the procurement team the form
 * that opens a change round.
 */
export function ContractVersions({ trajectoryId, chapters }: { trajectoryId: string; chapters: FinalChapterDto[] }) {
  const { t, i18n } = useTranslation();
  const versions = useResource((signal) => roundsApi.versions(trajectoryId, signal), [trajectoryId]);
  const [comparing, setComparing] = useState<{ before: ContractVersionDto; after: ContractVersionDto } | null>(null);
  const [compareError, setCompareError] = useState<ApiError | null>(null);
  const [formOpen, setFormOpen] = useState(false);
  useTrajectoryChanges(trajectoryId, (what) => {
    if (what === 'final') versions.reload();
  });

  const compare = async (label: string, previous: string) => {
    setCompareError(null);
    try {
      const [before, after] = await Promise.all([roundsApi.version(trajectoryId, previous), roundsApi.version(trajectoryId, label)]);
      setComparing({ before, after });
    } catch (caught) {
      setCompareError(asApiError(caught));
    }
  };

  const data = versions.data;
  if (versions.error) return <ErrorAlert error={versions.error} />;
  if (!data || data.versions.length === 0) return null;
  return (
    <section aria-labelledby="versions-heading" data-testid="contract-versions">
      <Heading2 id="versions-heading">{t('final.versions.title')}</Heading2>
      {data.inForce && <Paragraph>{t('final.versions.inForce', { version: data.inForce })}</Paragraph>}
      <Table className="dt-table" aria-labelledby="versions-heading">
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('final.versions.version')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('final.versions.status')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('final.versions.appliesFrom')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('final.versions.round')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('final.versions.actions')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {data.versions.map((v) => {
            const minor = Number(v.label.split('.')[1]);
            return (
              <TableRow key={v.label} data-testid={`version-${v.label}`}>
                <TableHeaderCell scope="row">{v.label}</TableHeaderCell>
                <TableCell>{v.status === 'sealed' && v.sealedAt ? t('final.versions.sealedOn', { date: formatDateTime(v.sealedAt, i18n.language) }) : t('final.versions.inDialogue')}</TableCell>
                <TableCell>{v.appliesFrom ? formatDate(v.appliesFrom, i18n.language) : '—'}</TableCell>
                <TableCell>
                  {v.round ? (
                    <>
                      <strong>{v.round.title}</strong>
                      <br />
                      {v.round.reason}
                      {v.round.topics.length > 0 && (
                        <>
                          <br />
                          {t('final.versions.topics', { topics: v.round.topics.map((x) => x.title).join(', ') })}
                        </>
                      )}
                    </>
                  ) : (
                    t('final.versions.original')
                  )}
                </TableCell>
                <TableCell>
                  {v.status === 'in_dialogue' && <RouterLink to={agreementPaths.agreement(trajectoryId)}>{t('final.versions.toDraft')}</RouterLink>}
                  {v.status === 'sealed' && minor > 0 && (
                    <Button appearance="subtle-button" onClick={() => void compare(v.label, `1.${minor - 1}`)} data-testid={`compare-${v.label}`}>
                      {t('final.versions.compare', { version: v.label, previous: `1.${minor - 1}` })}
                    </Button>
                  )}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
      {compareError && <ErrorAlert error={compareError} />}
      {comparing && (
        <>
          <Heading3>{t('final.versions.compareTitle', { version: comparing.after.label, previous: comparing.before.label })}</Heading3>
          <ContractVersionCompare before={comparing.before} after={comparing.after} />
        </>
      )}
      {data.mayOpenRound &&
        (formOpen ? (
          <OpenRoundForm trajectoryId={trajectoryId} chapters={chapters} onOpened={() => {
              setFormOpen(false);
              versions.reload();
            }} />
        ) : (
          <Button appearance="secondary-action-button" onClick={() => setFormOpen(true)} data-testid="open-round">
            {t('final.round.open')}
          </Button>
        ))}
    </section>
  );
}

function OpenRoundForm({ trajectoryId, chapters, onOpened }: { trajectoryId: string; chapters: FinalChapterDto[]; onOpened: () => void }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [title, setTitle] = useState('');
  const [reason, setReason] = useState('');
  const [appliesFrom, setAppliesFrom] = useState('');
  const [topics, setTopics] = useState('');
  const [clauseIds, setClauseIds] = useState<string[]>([]);
  // A refusal is said in a message; the form's own checks at the fields, focus on the first.
  const submission = useSubmission({
    fieldErrorsFor: () => ({}),
    focusFields: { title: 'round-title', reason: 'round-reason', appliesFrom: 'round-appliesFrom' },
  });
  const errors = submission.fieldErrors;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const local = {
      ...(title.trim() ? {} : { title: t('final.round.required') }),
      ...(reason.trim() ? {} : { reason: t('final.round.required') }),
      ...(/^\d{4}-\d{2}-\d{2}$/.test(appliesFrom) ? {} : { appliesFrom: t('final.round.dateRequired') }),
    };
    await submission.submit(async () => {
      await roundsApi.open(trajectoryId, { title: title.trim(), reason: reason.trim(), appliesFrom, clauseIds, topics: topics.split('\n').map((x) => x.trim()).filter(Boolean) });
      onOpened();
    }, local);
  };

  return (
    <section aria-labelledby="round-form-heading" className="dt-form-section" data-testid="round-form">
      <Heading3 id="round-form-heading">{t('final.round.open')}</Heading3>
      <Paragraph>{t('final.round.intro')}</Paragraph>
      <form onSubmit={(event) => void onSubmit(event)} noValidate>
        <TextField id="round-title" label={t('final.round.titleLabel')} value={title} onChange={setTitle} error={errors.title} />
        <TextAreaField id="round-reason" label={t('final.round.reasonLabel')} value={reason} onChange={setReason} error={errors.reason} rows={3} />
        <TextField id="round-appliesFrom" type="date" label={t('final.round.appliesFromLabel')} description={t('final.round.appliesFromHint')} value={appliesFrom} onChange={setAppliesFrom} error={errors.appliesFrom} />
        <CheckboxGroup
          id="round-clauses"
         
          legend={t('final.round.clausesLegend')}
          values={clauseIds}
          onChange={setClauseIds}
          options={chapters.flatMap((c) => c.clauses.map((k) => ({ value: k.id, label: t('final.versions.clause', { number: k.number, title: k.title }) })))}
        />
        <TextAreaField id="round-topics" label={t('final.round.topicsLabel')} description={t('final.round.topicsHint')} value={topics} onChange={setTopics} rows={3} />
        <Button type="submit" appearance="primary-action-button" aria-busy={submission.busy || undefined} data-testid="open-round-submit">
          {t('final.round.submit')}
        </Button>
      </form>
      {submission.failure && <FailureAlert className="dt-alert" message={errorMessage(submission.failure)} />}
    </section>
  );
}
