import { useTranslation } from 'react-i18next';
import type { OrganisationType, ProviderKind, Role } from '../../shared/domain/roles';
import type { TopicDto } from '../../shared/schemas/topics';
import type { InvitationDto, TrajectoryDto } from '../../shared/schemas/trajectories';

type Model = TrajectoryDto['model'];
type MilestoneKind = TrajectoryDto['milestones'][number]['kind'];
type PhaseStatus = TrajectoryDto['phases'][number]['status'];
type TopicStatus = TopicDto['status'];
type InvitationStatus = InvitationDto['status'];

/** Readable names for the product's enumerations, in the user's language. */
export function useLabels() {
  const { t } = useTranslation();
  return {
    role: (role: Role) => t(`roles.${role}`),
    group: (role: Role) => t(`groups.${role}`),
    model: (model: Model) => t(`models.${model}`),
    milestoneKind: (kind: MilestoneKind) => t(`milestoneKinds.${kind}`),
    phaseStatus: (status: PhaseStatus) => t(`phaseStatuses.${status}`),
    topicStatus: (status: TopicStatus) => t(`topicStatuses.${status}`),
    invitationStatus: (status: InvitationStatus) => t(`invitationStatuses.${status}`),
    organisationType: (type: OrganisationType) => t(`organisationTypes.${type}`),
    providerKind: (kind: ProviderKind) => t(`providerKinds.${kind}`),
  };
}
