import { Alert, Button, ButtonGroup, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { catalogueApi } from '../../api/trajectories';
import { invitationAdminApi } from '../../api/invitations';
import { useResource } from '../../api/useResource';
import { ErrorSummary } from '../../components/forms/ErrorSummary';
import { errorFor } from '../../components/forms/field-errors';
import { SelectField } from '../../components/forms/SelectField';
import { TextField } from '../../components/forms/TextField';
import { useSubmission } from '../../components/forms/useSubmission';
import { useLabels } from '../../labels/useLabels';
import { roles } from '../../../shared/domain/roles';
import type { Role } from '../../../shared/domain/roles';
import type { InvitationDto } from '../../../shared/schemas/trajectories';
import { checkInvite, emptyInvite, toInviteRequest, typesFor } from './invite-state';
import type { InviteDraft } from './invite-state';
import { OrganisationChoice } from './OrganisationChoice';

export interface InviteFormProps {
  trajectoryId: string;
  onInvited: (invitation: InvitationDto) => void;
}

/** Invites someone by e-mail: they get a link to join with the chosen role and organisation. */
export function InviteForm({ trajectoryId, onInvited }: InviteFormProps) {
  const { t } = useTranslation();
  const labels = useLabels();
  const submission = useSubmission();
  const organisations = useResource((signal) => catalogueApi.organisations(signal), []);
  const [draft, setDraft] = useState<InviteDraft>(emptyInvite);
  const [sent, setSent] = useState<InvitationDto | undefined>(undefined);
  const update = (patch: Partial<InviteDraft>) => {
    setSent(undefined);
    setDraft((current) => ({ ...current, ...patch }));
  };
  // Without a list of organisations (not loaded, or none fit) only a new one can be named.
  const mode = organisations.data ? draft.organisationMode : 'new';

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const effective = { ...draft, organisationMode: mode };
    let created: InvitationDto | undefined;
    const ok = await submission.submit(async () => {
      created = await invitationAdminApi.invite(trajectoryId, toInviteRequest(effective));
    }, checkInvite(effective, t));
    if (ok && created) {
      setSent(created);
      setDraft(emptyInvite);
      onInvited(created);
    }
  };

  const summary = submission.summary({
    email: { target: 'invite-email', label: t('invite.email') },
    name: { target: 'invite-name', label: t('invite.nameOptional') },
    role: { target: 'invite-role', label: t('invite.role') },
    organisation: { target: mode === 'existing' ? 'invite-organisation' : 'invite-organisation-name', label: t('invite.organisation') },
    'organisation.name': { target: 'invite-organisation-name', label: t('invite.organisationName') },
    'organisation.type': { target: 'invite-organisation-type', label: t('invite.organisationType') },
    'organisation.providerKind': { target: 'invite-provider-kind', label: t('invite.providerKind') },
  });
  const errors = submission.fieldErrors;

  return (
    <section aria-labelledby="invite-heading" className="dt-form-section">
      <Heading2 id="invite-heading">{t('invite.title')}</Heading2>
      <Paragraph>{t('invite.intro')}</Paragraph>
      <div role="status">
        {sent && (
          <Alert type="ok" role="none">
            <Paragraph>{t('invite.sent', { email: sent.email })}</Paragraph>
          </Alert>
        )}
      </div>
      <form noValidate onSubmit={(event) => void onSubmit(event)} className="dt-form">
        {summary && <ErrorSummary summaryRef={submission.summaryRef} {...summary} />}
        <TextField
          id="invite-email"
          type="email"
          autoComplete="off"
          label={t('invite.email')}
          value={draft.email}
          onChange={(email) => update({ email })}
          required
          error={errorFor(errors, 'email')}
        />
        <TextField
          id="invite-name"
          autoComplete="off"
          label={t('invite.nameOptional')}
          description={t('invite.nameHint')}
          value={draft.name}
          onChange={(name) => update({ name })}
          error={errorFor(errors, 'name')}
        />
        <SelectField
          id="invite-role"
          label={t('invite.role')}
          placeholder={t('invite.chooseRole')}
          value={draft.role}
          onChange={(value) => {
            const role = value as Role | '';
            // A chosen organisation or type that does not fit the new role is cleared.
            const fits = typesFor(role);
            const org = organisations.data?.find((o) => o.id === draft.organisationId);
            update({
              role,
              organisationId: org && fits.includes(org.type) ? draft.organisationId : '',
              organisationType: draft.organisationType && fits.includes(draft.organisationType) ? draft.organisationType : fits.length === 1 ? fits[0]! : '',
            });
          }}
          options={roles.map((role) => ({ value: role, label: labels.role(role) }))}
          required
          error={errorFor(errors, 'role')}
        />
        <OrganisationChoice
          draft={{ ...draft, organisationMode: mode }}
          organisations={organisations.data}
          update={update}
          errors={errors}
        />
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" busy={submission.busy}>
            {t('invite.submit')}
          </Button>
        </ButtonGroup>
      </form>
    </section>
  );
}
