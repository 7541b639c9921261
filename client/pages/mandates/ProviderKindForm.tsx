import { Alert, Button, Heading3, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { mandateApi } from '../../api/mandates';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SelectField } from '../../components/forms/SelectField';
import { useSubmission } from '../../components/forms/useSubmission';
import { providerKinds, type ProviderKind } from '../../../shared/domain/provider-kinds';

interface Organisation {
  id: string;
  name: string;
  providerKind: ProviderKind | null;
}

/** The procurement team sets the kind of each seated provider organisation, one small form each. */
export function ProviderKindForm({ trajectoryId, organisations, onSaved }: { trajectoryId: string; organisations: Organisation[]; onSaved: () => void }) {
  const { t } = useTranslation();
  if (organisations.length === 0) return null;
  return (
    <section aria-labelledby="kind-heading">
      <Heading3 id="kind-heading">{t('mandates.kind.title')}</Heading3>
      <Paragraph>{t('mandates.kind.intro')}</Paragraph>
      {organisations.map((o) => (
        <KindRow key={o.id} trajectoryId={trajectoryId} organisation={o} onSaved={onSaved} />
      ))}
    </section>
  );
}

function KindRow({ trajectoryId, organisation, onSaved }: { trajectoryId: string; organisation: Organisation; onSaved: () => void }) {
  const { t } = useTranslation();
  const submission = useSubmission();
  const [kind, setKind] = useState<string>(organisation.providerKind ?? '');
  const [saved, setSaved] = useState(false);
  const id = `kind-${organisation.id}`;
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    if (!kind) return;
    const ok = await submission.submit(async () => {
      await mandateApi.setProviderKind(trajectoryId, organisation.id, kind as ProviderKind);
    });
    if (ok) {
      setSaved(true);
      onSaved();
    }
  };
  return (
    <form noValidate onSubmit={(event) => void onSubmit(event)} className="dt-form dt-form--inline" data-testid="kind-form">
      {submission.error && <ErrorAlert error={submission.error} />}
      <SelectField
        id={id}
        label={t('mandates.kind.label', { name: organisation.name })}
        value={kind}
        onChange={(value) => {
          setKind(value);
          setSaved(false);
        }}
        placeholder={t('mandates.kind.none')}
        options={providerKinds.map((k) => ({ value: k, label: t(`mandates.kinds.${k}`) }))}
      />
      <Button type="submit" appearance="secondary-action-button" busy={submission.busy}>
        {t('mandates.kind.save')}
      </Button>
      <div role="status">
        {saved && (
          <Alert type="ok" role="none">
            <Paragraph>{t('mandates.kind.saved', { name: organisation.name })}</Paragraph>
          </Alert>
        )}
      </div>
    </form>
  );
}
