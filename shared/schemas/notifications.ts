import { z } from 'zod';
import { id } from './common';

/**
 * Notifications: what a person is told of, per trajectory and kind. The kinds, their delivery
 * modes and the defaults per role live here once; the server, the settings page and the README
 * follow this list.
 */
export const notificationKinds = [
  'answers.published',
  'session.planned',
  'session.changed',
  'session.cancelled',
  'session.reminder',
  'agenda.published',
  'consultation.opened',
  'consultation.closing',
  'report.comments',
  'report.published',
  'comment.reply',
  'amendment.decided',
  'final.signoff',
  'final.version',
  'member.role',
  'member.removed',
  // Admission under Open House (server/admission): a new or completed application, and a signed accession.
  'admission.application',
  'admission.accession',
  'member.invited',
  'poll.open_after_session',
  'action.assigned',
  'action.due',
  'planning.changed',
  // Bundled voices and mediation (issue 19): a mandate revoked, a mediation request's steps, the confidential thread.
  'mandate.changed',
  'mediation.update',
  'mediation.message',
] as const;
export type NotificationKind = (typeof notificationKinds)[number];

/** Mail one gets by procedure: no unsubscribe link, no preference. */
export const mandatoryKinds: readonly NotificationKind[] = ['member.role', 'member.removed', 'member.invited'];

export const deliveryModes = ['immediate', 'digest', 'off'] as const;
export type DeliveryMode = (typeof deliveryModes)[number];

export const mailLanguages = ['nl', 'en'] as const;
export type MailLanguage = (typeof mailLanguages)[number];

/** The procurement steps: providers (and the procurement team) get them at once by default. */
const procurementSteps: readonly NotificationKind[] = ['answers.published', 'consultation.opened', 'consultation.closing', 'session.planned', 'session.changed', 'session.cancelled', 'session.reminder', 'planning.changed', 'poll.open_after_session'];

/** A role's default for a kind: procurement steps and what concerns oneself at once, the rest in the daily digest. */
export function defaultMode(role: string | null, kind: NotificationKind): DeliveryMode {
  if (mandatoryKinds.includes(kind)) return 'immediate';
  if (['comment.reply', 'amendment.decided', 'final.signoff', 'final.version', 'action.assigned', 'action.due'].includes(kind)) return 'immediate';
  // Admission has a review period: the procurement team hears of an application at once.
  if (kind === 'admission.application' || kind === 'admission.accession') return role === 'procurement' ? 'immediate' : 'digest';
  if (procurementSteps.includes(kind)) return role === 'observer' ? 'digest' : 'immediate';
  return 'digest';
}

const notificationItemDto = z.object({
  id: z.string(),
  kind: z.enum(notificationKinds),
  trajectoryId: z.string(),
  trajectoryName: z.string(),
  title: z.string(),
  link: z.string(),
  createdAt: z.string(),
  read: z.boolean(),
});
export type NotificationItemDto = z.infer<typeof notificationItemDto>;

export const notificationCentreDto = z.object({ unread: z.number().int(), items: z.array(notificationItemDto) });
export type NotificationCentreDto = z.infer<typeof notificationCentreDto>;

export const markReadRequest = z.object({ ids: z.array(z.string().max(40)).max(200).optional(), all: z.boolean().optional() }).strict();

export const notificationPreferencesDto = z.object({
  language: z.enum(mailLanguages),
  trajectories: z.array(
    z.object({
      trajectoryId: z.string(),
      name: z.string(),
      kinds: z.array(z.object({ kind: z.enum(notificationKinds), mode: z.enum(deliveryModes), mandatory: z.boolean() })),
    }),
  ),
});
export type NotificationPreferencesDto = z.infer<typeof notificationPreferencesDto>;

export const setPreferenceRequest = z
  .object({
    language: z.enum(mailLanguages).optional(),
    choices: z.array(z.object({ trajectoryId: id, kind: z.enum(notificationKinds), mode: z.enum(deliveryModes) }).strict()).max(500).optional(),
  })
  .strict();
export type SetPreferenceRequest = z.infer<typeof setPreferenceRequest>;

