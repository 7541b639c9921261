import { Alert, Button, ButtonGroup, Heading3, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { mandateApi } from '../../api/mandates';
import { CheckboxGroup } from '../../components/forms/ChoiceGroup';
import { ErrorSummary } from '../../components/forms/ErrorSummary';
import { errorFor, type FieldErrors } from '../../components/forms/field-errors';
import { SelectField } from '../../components/forms/SelectField';
import { TextField } from '../../components/forms/TextField';
import { useSubmission } from '../../components/forms/useSubmission';
import { mandateScopes, type MandateScope } from '../../../shared/domain/provider-kinds';

const eightDigits = /^\d{8}$/;

/** A member of a cooperative registers a practitioner's mandate (name, KvK/AGB optional, scopes). */
export function GrantMandateForm({ trajectoryId, organisations, onGranted }: { trajectoryId: string; organisations: Array<{ id: string; name: string }>; onGranted: () => void }) {
  const { t } = useTranslation();
  const submission = useSubmission();
  const [organisationId, setOrganisationId] = useState(organisations[0]?.id ?? '');
  const [name, setName] = useState('');
  const [kvk, setKvk] = useState('');
  const [agb, setAgb] = useState('');
  const [email, setEmail] = useState('');
  const [scopes, setScopes] = useState<MandateScope[]>(['speak', 'comment', 'vote']);
  const [done, setDone] = useState<string | null>(null);

  const localErrors = (): FieldErrors => {
    const errors: FieldErrors = {};
    if (!name.trim()) errors['practitioner.name'] = t('mandates.grant.nameRequired');
    if (kvk.trim() && !eightDigits.test(kvk.trim())) errors['practitioner.kvk'] = t('mandates.grant.digitsInvalid');
    if (agb.trim() && !eightDigits.test(agb.trim())) errors['practitioner.agb'] = t('mandates.grant.digitsInvalid');
    if (scopes.length === 0) errors.scopes = t('mandates.grant.scopesRequired');
    return errors;
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    const granted = name.trim();
    const ok = await submission.submit(async () => {
      await mandateApi.grant(trajectoryId, {
        organisationId,
        practitioner: { name: granted, ...(kvk.trim() ? { kvk: kvk.trim() } : {}), ...(agb.trim() ? { agb: agb.trim() } : {}), ...(email.trim() ? { email: email.trim() } : {}) },
        scopes,
      });
    }, localErrors());
    if (!ok) return;
    setName('');
    setKvk('');
    setAgb('');
    setEmail('');
    setDone(granted);
    onGranted();
  };

  const errors = submission.fieldErrors;
  const summary = submission.summary({
    'practitioner.name': { target: 'mandate-name', label: t('mandates.grant.name') },
    'practitioner.kvk': { target: 'mandate-kvk', label: t('mandates.grant.kvk') },
    'practitioner.agb': { target: 'mandate-agb', label: t('mandates.grant.agb') },
    'practitioner.email': { target: 'mandate-email', label: t('mandates.grant.email') },
    scopes: { target: 'mandate-scopes', label: t('mandates.grant.scopes') },
    organisationId: { target: 'mandate-organisation', label: t('mandates.grant.organisation') },
  });
  return (
    <section aria-labelledby="grant-heading">
      <Heading3 id="grant-heading">{t('mandates.grant.title')}</Heading3>
      <Paragraph>{t('mandates.grant.intro')}</Paragraph>
      <div role="status" data-testid="grant-status">
        {done && (
          <Alert type="ok" role="none">
            <Paragraph>{t('mandates.grant.done', { name: done })}</Paragraph>
          </Alert>
        )}
      </div>
      <form noValidate onSubmit={(event) => void onSubmit(event)} className="dt-form" data-testid="grant-form">
        {summary && <ErrorSummary summaryRef={submission.summaryRef} {...summary} />}
        {organisations.length > 1 && (
          <SelectField
            id="mandate-organisation"
            label={t('mandates.grant.organisation')}
            value={organisationId}
            onChange={setOrganisationId}
            options={organisations.map((o) => ({ value: o.id, label: o.name }))}
          />
        )}
        <TextField id="mandate-name" label={t('mandates.grant.name')} value={name} onChange={setName} required autoComplete="off" error={errorFor(errors, 'practitioner.name')} />
        <TextField id="mandate-kvk" label={t('mandates.grant.kvk')} description={t('mandates.grant.digitsHint')} value={kvk} onChange={setKvk} inputMode="numeric" autoComplete="off" error={errorFor(errors, 'practitioner.kvk')} />
        <TextField id="mandate-agb" label={t('mandates.grant.agb')} description={t('mandates.grant.digitsHint')} value={agb} onChange={setAgb} inputMode="numeric" autoComplete="off" error={errorFor(errors, 'practitioner.agb')} />
        <TextField id="mandate-email" type="email" label={t('mandates.grant.email')} description={t('mandates.grant.emailHint')} value={email} onChange={setEmail} autoComplete="off" error={errorFor(errors, 'practitioner.email')} />
        <CheckboxGroup
          id="mandate-scopes"
          legend={t('mandates.grant.scopes')}
          values={scopes}
          onChange={(values) => setScopes(mandateScopes.filter((s) => values.includes(s)))}
          options={mandateScopes.map((s) => ({ value: s, label: t(`mandates.scopeNames.${s}`) }))}
          error={errorFor(errors, 'scopes')}
        />
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" busy={submission.busy}>
            {t('mandates.grant.submit')}
          </Button>
        </ButtonGroup>
      </form>
    </section>
  );
}
