import type { OrganisationType } from './roles';

/**
 * The municipality an organisation speaks for. Organisations of type municipality are named as
 * the municipality calls itself ("Gemeente Haarlem"), while a trajectory lists its participating
 * municipalities by their plain names ("Haarlem"). Null for any other organisation.
 */
export function municipalityOfOrganisation(organisation: { name: string; type: OrganisationType }): string | null {
  if (organisation.type !== 'municipality') return null;
  const name = organisation.name.trim().replace(/^gemeente(\s+|$)/i, '').trim();
  return name.length > 0 ? name : null;
}

/**
 * The participating municipality of a trajectory that the organisation represents, compared
 * without regard to case, or null when it represents none of them.
 */
export function participatingMunicipality(organisation: { name: string; type: OrganisationType }, municipalities: readonly string[]): string | null {
  const own = municipalityOfOrganisation(organisation);
  if (!own) return null;
  return municipalities.find((m) => m.localeCompare(own, 'nl', { sensitivity: 'accent' }) === 0) ?? null;
}
