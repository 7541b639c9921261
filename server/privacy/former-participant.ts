import type { OrganisationType } from '../../shared/domain/roles';
import type { Models } from '../models';

/**
 * What an erased person is called from then on: "oud-deelnemer" and the stakeholder group they
 * spoke for, so that a report still reads which side said what, and nobody can tell who.
 */
const groupByOrganisationType: Record<OrganisationType, string> = {
  municipality: 'gemeente',
  procurement_office: 'gemeente',
  provider: 'aanbieder',
  client_representation: 'cliëntvertegenwoordiging',
  mediation: 'intermediair',
};

const formerParticipant = 'oud-deelnemer';

function formerParticipantLabel(type: OrganisationType | null): string {
  return type ? `${formerParticipant} (${groupByOrganisationType[type]})` : formerParticipant;
}

/** The label of a person by the organisation of their latest seat (memberships are indexed by user). */
export async function formerParticipantLabelOf(models: Models, userId: string): Promise<string> {
  const seats = await models.memberships.find({ userId }, { organisationId: 1, createdAt: 1 }).lean();
  const latest = seats.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())[0];
  if (!latest) return formerParticipantLabel(null);
  const organisation = await models.organisations.findById(latest.organisationId, { type: 1 }).lean();
  return formerParticipantLabel(organisation?.type ?? null);
}
