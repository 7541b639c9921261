/** Roles a person can hold in one trajectory. A person acts for one organisation per trajectory. */
export const roles = ['procurement', 'municipality', 'provider', 'client', 'facilitator', 'observer', 'intermediair'] as const;
export type Role = (typeof roles)[number];

/** The stakeholder group a role belongs to; results and presence are shown per group. */
export const stakeholderGroupByRole: Record<Role, 'procurement' | 'municipality' | 'provider' | 'client' | 'facilitator' | 'observer' | 'intermediair'> = {
  procurement: 'procurement',
  municipality: 'municipality',
  provider: 'provider',
  client: 'client',
  facilitator: 'facilitator',
  observer: 'observer',
  // The mediator (issue 19): seated by a platform administrator on a mediation request; takes part, never votes.
  intermediair: 'intermediair',
};

export const organisationTypes = ['municipality', 'provider', 'client_representation', 'procurement_office', 'mediation'] as const;
export type OrganisationType = (typeof organisationTypes)[number];

export { providerKinds, type ProviderKind } from './provider-kinds';

/** Which organisation types fit which role; an invitation with a mismatch is refused. */
export const organisationTypesByRole: Record<Role, readonly OrganisationType[]> = {
  procurement: ['procurement_office', 'municipality'],
  municipality: ['municipality'],
  provider: ['provider'],
  client: ['client_representation'],
  facilitator: ['procurement_office', 'client_representation', 'provider', 'municipality'],
  observer: ['municipality', 'procurement_office', 'client_representation', 'provider'],
  // An independent mediator comes from outside (in the pilots: the VNG); seated under a neutral organisation.
  intermediair: ['mediation'],
};

/**
 * One colour per stakeholder group for carets, selections and the presence list. Each is dark
 * enough for white text on the caret labels (at least 6.5:1 against white, WCAG 1.4.3 asks
 * 4.5:1), and the groups differ in hue as well as in name, which is always shown beside it.
 */
export const stakeholderColours: Record<Role, string> = {
  procurement: '#1f4f8a',
  municipality: '#9c1d3f',
  provider: '#0b6b3a',
  client: '#6b2c91',
  facilitator: '#8a4b00',
  observer: '#4d4d4d',
  intermediair: '#005a66',
};
