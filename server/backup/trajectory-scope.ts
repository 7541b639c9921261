import type { Model } from 'mongoose';
import type { Models } from '../models';

/**
 * How each model takes part in a trajectory backup. Every model whose records carry a
 * `trajectoryId` is exported by that filter without being named here, so new features are
 * backed up by themselves; the rest is handled explicitly, or left out on purpose.
 */
const excludedFromBackup = {
  sessions: 'sign-in sessions belong to a server, not to the trajectory',
  passwordResets: 'reset links are short-lived secrets',
  outbox: 'sent mail is not part of the trajectory',
  locks: 'locks are held by running processes',
  notificationQueue: 'mail still to send belongs to the server that sends it',
  notificationSent: 'the sent log is delivery bookkeeping, pruned like the outbox',
  notificationInboxes: 'a person’s notification centre is theirs, not the trajectory’s',
  notificationPreferences: 'a person’s notification choices are theirs, not the trajectory’s',
  notificationMarks: 'reminder marks are delivery bookkeeping',
  calendarSubscriptions: 'a person’s secret calendar address is theirs (stored hashed), not the trajectory’s',
  visitMarks: 'when a person last looked is theirs, only for the “nieuw” labels',
} as const satisfies Partial<Record<keyof Models, string>>;

/** Models exported by their own rule (see trajectory-export.ts). */
const handledExplicitly = [
  'trajectories',
  'regions',
  'organisations',
  'users',
  'ballots',
  'auditEvents',
  'auditHeads',
  'collabUpdates',
  'collabSnapshots',
  // One per trajectory, keyed by the trajectory's id itself.
  'finalAgreements',
  'finalSeals',
  // The admission book (settings and the applications' lines), keyed by the trajectory's id.
  'admissionBooks',
  // The change rounds' state (the round in dialogue, the index of sealed versions), keyed by the trajectory's id.
  'changeRounds',
] as const satisfies ReadonlyArray<keyof Models>;

export type ModelName = keyof Models;

function isTrajectoryScoped(model: Model<any>): boolean {
  return Boolean(model.schema.path('trajectoryId'));
}

/**
 * The models exported by their `trajectoryId`. A model that is neither scoped, explicit nor
 * excluded stops the export: a backup must never leave out records silently.
 */
export function trajectoryScopedModels(models: Models): Array<[ModelName, Model<any>]> {
  const scoped: Array<[ModelName, Model<any>]> = [];
  const unclassified: string[] = [];
  for (const [name, model] of Object.entries(models) as Array<[ModelName, Model<any>]>) {
    if (name in excludedFromBackup || (handledExplicitly as readonly string[]).includes(name)) continue;
    if (isTrajectoryScoped(model)) scoped.push([name, model]);
    else unclassified.push(name);
  }
  if (unclassified.length > 0) {
    throw new Error(
      `The backup does not know how to export ${unclassified.join(', ')}: give the records a trajectoryId, or add the model to server/backup/trajectory-scope.ts.`,
    );
  }
  return scoped;
}
