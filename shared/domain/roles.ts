/** Roles a person can hold in one trajectory. A person acts for one organisation per trajectory. */
export const roles = ['procurement', 'municipality', 'provider', 'client', 'facilitator', 'observer'] as const;
export type Role = (typeof roles)[number];

/** The stakeholder group a role belongs to; results and presence are shown per group. */
export const stakeholderGroupByRole: Record<Role, 'procurement' | 'municipality' | 'provider' | 'client' | 'facilitator' | 'observer'> = {
  procurement: 'procurement',
  municipality: 'municipality',
  provider: 'provider',
  client: 'client',
  facilitator: 'facilitator',
  observer: 'observer',
};

export const organisationTypes = ['municipality', 'provider', 'client_representation', 'procurement_office'] as const;
export type OrganisationType = (typeof organisationTypes)[number];

export const providerKinds = ['institution', 'independent_practitioner', 'cooperative'] as const;
export type ProviderKind = (typeof providerKinds)[number];

/** Which organisation types fit which role; an invitation with a mismatch is refused. */
export const organisationTypesByRole: Record<Role, readonly OrganisationType[]> = {
  procurement: ['procurement_office', 'municipality'],
  municipality: ['municipality'],
  provider: ['provider'],
  client: ['client_representation'],
  facilitator: ['procurement_office', 'client_representation', 'provider', 'municipality'],
  observer: ['municipality', 'procurement_office', 'client_representation', 'provider'],
};
