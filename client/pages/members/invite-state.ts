import type { TFunction } from 'i18next';
import type { InviteInput } from '../../api/invitations';
import type { FieldErrors } from '../../components/forms/field-errors';
import { organisationTypesByRole } from '../../../shared/domain/roles';
import type { OrganisationType, ProviderKind, Role } from '../../../shared/domain/roles';

export interface InviteDraft {
  email: string;
  name: string;
  role: Role | '';
  organisationMode: 'existing' | 'new';
  organisationId: string;
  organisationName: string;
  organisationType: OrganisationType | '';
  providerKind: ProviderKind | '';
}

export const emptyInvite: InviteDraft = {
  email: '',
  name: '',
  role: '',
  organisationMode: 'existing',
  organisationId: '',
  organisationName: '',
  organisationType: '',
  providerKind: '',
};

/** The organisation types that fit the chosen role (all when no role is chosen yet). */
export function typesFor(role: Role | ''): readonly OrganisationType[] {
  return role ? organisationTypesByRole[role] : [];
}

export function checkInvite(draft: InviteDraft, t: TFunction): FieldErrors {
  const errors: FieldErrors = {};
  if (!draft.email.trim()) errors.email = t('fieldError.emailRequired');
  if (!draft.role) errors.role = t('fieldError.choose');
  if (draft.organisationMode === 'existing' && !draft.organisationId) errors.organisation = t('fieldError.organisation');
  if (draft.organisationMode === 'new') {
    if (!draft.organisationName.trim()) errors['organisation.name'] = t('fieldError.required');
    if (!draft.organisationType) errors['organisation.type'] = t('fieldError.choose');
  }
  return errors;
}

export function toInviteRequest(draft: InviteDraft): InviteInput {
  const organisation: InviteInput['organisation'] =
    draft.organisationMode === 'existing'
      ? { id: draft.organisationId }
      : {
          name: draft.organisationName.trim(),
          type: draft.organisationType as OrganisationType,
          ...(draft.organisationType === 'provider' && draft.providerKind ? { providerKind: draft.providerKind } : {}),
        };
  return {
    email: draft.email.trim(),
    role: draft.role as Role,
    organisation,
    ...(draft.name.trim() ? { name: draft.name.trim() } : {}),
  };
}
