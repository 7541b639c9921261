import { Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { RadioGroup } from '../../components/forms/ChoiceGroup';
import type { FieldErrors } from '../../components/forms/field-errors';
import { SelectField } from '../../components/forms/SelectField';
import { TextField } from '../../components/forms/TextField';
import { useLabels } from '../../labels/useLabels';
import { organisationTypes, providerKinds } from '../../../shared/domain/roles';
import type { OrganisationType, ProviderKind } from '../../../shared/domain/roles';
import type { OrganisationDto } from '../../../shared/schemas/trajectories';
import { typesFor } from './invite-state';
import type { InviteDraft } from './invite-state';

export interface OrganisationChoiceProps {
  draft: InviteDraft;
  organisations: OrganisationDto[] | undefined;
  update: (patch: Partial<InviteDraft>) => void;
  errors: FieldErrors;
}

/** For which organisation the person takes part: one that exists, or a new one. */
export function OrganisationChoice({ draft, organisations, update, errors }: OrganisationChoiceProps) {
  const { t } = useTranslation();
  const labels = useLabels();
  const fits = typesFor(draft.role);
  const types = fits.length ? fits : organisationTypes;
  const existing = (organisations ?? [])
    .filter((o) => !draft.role || fits.includes(o.type))
    .sort((a, b) => a.name.localeCompare(b.name, 'nl'));

  return (
    <>
      {organisations && (
        <RadioGroup
          id="invite-organisation-mode"
          name="organisationMode"
          legend={t('invite.organisation')}
          value={draft.organisationMode}
          onChange={(value) => update({ organisationMode: value as InviteDraft['organisationMode'] })}
          options={[
            { value: 'existing', label: t('invite.existingOrganisation') },
            { value: 'new', label: t('invite.newOrganisation') },
          ]}
        />
      )}
      {draft.organisationMode === 'existing' ? (
        existing.length > 0 ? (
          <SelectField
            id="invite-organisation"
            label={t('invite.chooseOrganisationLabel')}
            placeholder={t('invite.chooseOrganisation')}
            value={draft.organisationId}
            onChange={(organisationId) => update({ organisationId })}
            options={existing.map((o) => ({ value: o.id, label: `${o.name} (${labels.organisationType(o.type)})` }))}
            required
            error={errors.organisation ?? errors['organisation.id']}
          />
        ) : (
          <Paragraph id="invite-organisation">{t('invite.noFittingOrganisation')}</Paragraph>
        )
      ) : (
        <>
          <TextField
            id="invite-organisation-name"
            label={t('invite.organisationName')}
            value={draft.organisationName}
            onChange={(organisationName) => update({ organisationName })}
            required
            error={errors['organisation.name'] ?? errors.organisation}
          />
          <SelectField
            id="invite-organisation-type"
            label={t('invite.organisationType')}
            placeholder={t('invite.chooseType')}
            value={draft.organisationType}
            onChange={(value) => update({ organisationType: value as OrganisationType | '' })}
            options={types.map((type) => ({ value: type, label: labels.organisationType(type) }))}
            required
            error={errors['organisation.type']}
          />
          {draft.organisationType === 'provider' && (
            <SelectField
              id="invite-provider-kind"
              label={t('invite.providerKindOptional')}
              placeholder={t('invite.chooseProviderKind')}
              value={draft.providerKind}
              onChange={(value) => update({ providerKind: value as ProviderKind | '' })}
              options={providerKinds.map((kind) => ({ value: kind, label: labels.providerKind(kind) }))}
              error={errors['organisation.providerKind']}
            />
          )}
        </>
      )}
    </>
  );
}
