import { z } from 'zod';
import { organisationTypes, providerKinds, roles } from '../domain/roles';
import { email, id, isoDate, longText, personName, title } from './common';

export const procurementModels = ['open_house', 'dialogue_tender', 'other'] as const;
export const phaseStatuses = ['planned', 'active', 'done'] as const;
export const milestoneKinds = [
  'publication',
  'questions_deadline',
  'answers_published',
  'dialogue_start',
  'go_no_go',
  'dialogue_end',
  'final_submission',
  'award',
  'contract_start',
  'other',
] as const;

/** A phase: a name, where it stands and (optionally) from when to when it runs. */
export const phaseInput = z
  .object({ name: title, status: z.enum(phaseStatuses), startsOn: isoDate.nullable().optional(), endsOn: isoDate.nullable().optional() })
  .strict()
  .refine((p) => !p.startsOn || !p.endsOn || p.startsOn <= p.endsOn, { path: ['endsOn'], message: 'is before the start' });
export const milestoneInput = z.object({ kind: z.enum(milestoneKinds), title, date: isoDate }).strict();

export const createRegionRequest = z
  .object({ name: title, municipalities: z.array(title).min(1, 'needs at least one municipality').max(60) })
  .strict();

export const createTrajectoryRequest = z
  .object({
    regionId: id,
    name: title,
    description: longText.default(''),
    model: z.enum(procurementModels),
    /** Names of the region's municipalities that take part. */
    municipalities: z.array(title).min(1, 'needs at least one municipality').max(60),
    phases: z.array(phaseInput).max(20).default([]),
    milestones: z.array(milestoneInput).max(60).default([]),
    /** The first procurement-team member; a platform administrator appoints them. Optional when the creator is on the team. */
    procurementLead: z.object({ email, name: personName.optional() }).strict().optional(),
  })
  .strict();

export const updateTrajectoryRequest = z
  .object({
    name: title.optional(),
    description: longText.optional(),
    model: z.enum(procurementModels).optional(),
    municipalities: z.array(title).min(1).max(60).optional(),
    phases: z.array(phaseInput).max(20).optional(),
    milestones: z.array(milestoneInput).max(60).optional(),
  })
  .strict();

export const trajectoryDto = z.object({
  id: z.string(),
  regionId: z.string(),
  regionName: z.string(),
  name: z.string(),
  description: z.string(),
  model: z.enum(procurementModels),
  municipalities: z.array(z.string()),
  phases: z.array(z.object({ name: z.string(), status: z.enum(phaseStatuses), startsOn: z.string().nullable(), endsOn: z.string().nullable() })),
  milestones: z.array(z.object({ id: z.string(), kind: z.enum(milestoneKinds), title: z.string(), date: z.string() })),
  /** The viewer's own role here (null for a platform administrator who is not a member). */
  myRole: z.enum(roles).nullable(),
  createdAt: z.string(),
});
export type TrajectoryDto = z.infer<typeof trajectoryDto>;

export const regionDto = z.object({ id: z.string(), name: z.string(), municipalities: z.array(z.string()) });
export type RegionDto = z.infer<typeof regionDto>;

const organisationRef = z.union([
  z.object({ id }).strict(),
  z
    .object({
      name: title,
      type: z.enum(organisationTypes),
      providerKind: z.enum(providerKinds).optional(),
    })
    .strict(),
]);

export const inviteRequest = z
  .object({ email, role: z.enum(roles), organisation: organisationRef, name: personName.optional() })
  .strict();
export const changeRoleRequest = z.object({ role: z.enum(roles) }).strict();

export const memberDto = z.object({
  id: z.string(),
  userId: z.string(),
  name: z.string(),
  email: z.string().optional(),
  role: z.enum(roles),
  organisation: z.object({ id: z.string(), name: z.string(), type: z.enum(organisationTypes) }),
  joinedAt: z.string(),
});
export type MemberDto = z.infer<typeof memberDto>;

export const invitationDto = z.object({
  id: z.string(),
  email: z.string(),
  role: z.enum(roles),
  organisationName: z.string(),
  status: z.enum(['open', 'accepted', 'expired', 'revoked']),
  expiresAt: z.string(),
  createdAt: z.string(),
});
export type InvitationDto = z.infer<typeof invitationDto>;

export const organisationDto = z.object({
  id: z.string(),
  name: z.string(),
  type: z.enum(organisationTypes),
  providerKind: z.enum(providerKinds).nullable(),
});
export type OrganisationDto = z.infer<typeof organisationDto>;
