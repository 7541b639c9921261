import { Alert, Button, Heading3, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { mandateApi } from '../../api/mandates';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SelectField } from '../../components/forms/SelectField';
import { useSubmission } from '../../components/forms/useSubmission';
import { formatDateTime } from '../../format/dates';
import { mandateRules, type MandateRule } from '../../../shared/domain/provider-kinds';

interface Session {
  id: string;
  title: string;
  startsAt: string;
  mandateRule: MandateRule;
}

/**
 * How a vote with a mandate counts is each session's declared rule (issue 19 item 3): the
 * procurement team chooses it per session; everyone else reads it here and beside every result.
 */
export function MandateRuleForm({ trajectoryId, sessions, mayDeclare, onSaved }: { trajectoryId: string; sessions: Session[]; mayDeclare: boolean; onSaved: () => void }) {
  const { t, i18n } = useTranslation();
  if (sessions.length === 0) return null;
  const when = (s: Session) => formatDateTime(s.startsAt, i18n.language);
  return (
    <section aria-labelledby="rule-heading" data-testid="mandate-rules">
      <Heading3 id="rule-heading">{t('mandates.rule.title')}</Heading3>
      <Paragraph>{t('mandates.rule.intro')}</Paragraph>
      {mayDeclare ? (
        sessions.map((s) => <RuleRow key={s.id} trajectoryId={trajectoryId} session={s} when={when(s)} onSaved={onSaved} />)
      ) : (
        <UnorderedList>
          {sessions.map((s) => (
            <UnorderedListItem key={s.id} data-testid="mandate-rule-item">
              <strong>{s.title}</strong> ({when(s)}): {t(`mandates.rule.names.${s.mandateRule}`)}
            </UnorderedListItem>
          ))}
        </UnorderedList>
      )}
    </section>
  );
}

function RuleRow({ trajectoryId, session, when, onSaved }: { trajectoryId: string; session: Session; when: string; onSaved: () => void }) {
  const { t } = useTranslation();
  const submission = useSubmission();
  const [rule, setRule] = useState<MandateRule>(session.mandateRule);
  const [saved, setSaved] = useState(false);
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const ok = await submission.submit(async () => {
      await mandateApi.declareRule(trajectoryId, session.id, rule);
    });
    if (ok) {
      setSaved(true);
      onSaved();
    }
  };
  return (
    <form noValidate onSubmit={(event) => void onSubmit(event)} className="dt-form dt-form--inline" data-testid="rule-form">
      {submission.error && <ErrorAlert error={submission.error} />}
      <SelectField
        id={`rule-${session.id}`}
        label={t('mandates.rule.label', { title: session.title, when })}
        value={rule}
        onChange={(value) => {
          setRule(value as MandateRule);
          setSaved(false);
        }}
        options={mandateRules.map((r) => ({ value: r, label: t(`mandates.rule.names.${r}`) }))}
      />
      <Button type="submit" appearance="secondary-action-button" busy={submission.busy}>
        {t('mandates.rule.save')}
      </Button>
      <div role="status">
        {saved && (
          <Alert type="ok" role="none">
            <Paragraph>{t('mandates.rule.saved', { title: session.title, rule: t(`mandates.rule.names.${rule}`) })}</Paragraph>
          </Alert>
        )}
      </div>
    </form>
  );
}
