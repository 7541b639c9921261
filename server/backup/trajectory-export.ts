import mongoose, { type Model, type Types } from 'mongoose';
import { AuditLog } from '../audit/audit-log';
import { CollabPersistence } from '../collab/persistence';
import { Locks } from '../db/locks';
import type { Models } from '../models';
import type { TrajectoryRecord } from '../models/trajectory';
import { encodeArchive, type ArchiveManifest, type StoredRecord } from './archive-format';
import { trajectoryScopedModels } from './trajectory-scope';
import { idPattern } from '../../shared/schemas/common';

const { ObjectId, Binary } = mongoose.mongo;

/** Thrown when the trajectory to export cannot be named unambiguously. */
export class TrajectoryNotFound extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TrajectoryNotFound';
  }
}

/** The trajectory with this id, or else with exactly this name. */
export async function findTrajectory(models: Models, idOrName: string): Promise<TrajectoryRecord> {
  if (idPattern.test(idOrName.toLowerCase())) {
    const byId = await models.trajectories.findById(idOrName).lean();
    if (byId) return byId;
  }
  const byName = await models.trajectories.find({ name: idOrName }).lean();
  if (byName.length === 1) return byName[0]!;
  if (byName.length > 1) throw new TrajectoryNotFound(`Several trajectories are called "${idOrName}"; name one by its id: ${byName.map((t) => String(t._id)).join(', ')}.`);
  const all = await models.trajectories.find({}, { name: 1 }).sort({ name: 1 }).lean();
  const known = all.map((t) => `  ${String(t._id)}  ${t.name}`).join('\n');
  throw new TrajectoryNotFound(`No trajectory has the id or name "${idOrName}".${known ? `\nTrajectories in this database:\n${known}` : ' This database holds no trajectories.'}`);
}

/** Raw records as stored (number types kept), oldest id first. */
function rawFind(model: Model<any>, filter: Record<string, unknown>, sort: Record<string, 1 | -1> = { _id: 1 }): Promise<StoredRecord[]> {
  return model.collection.find(filter, { promoteValues: false }).sort(sort).toArray() as Promise<StoredRecord[]>;
}

/** Every id a record mentions: ObjectIds anywhere in it and 24-hex strings (audit actors are stored as text). */
function collectIds(value: unknown, into: Set<string>, depth = 0): void {
  if (depth > 20 || value === null || value === undefined) return;
  if (value instanceof ObjectId) return void into.add(value.toHexString());
  if (typeof value === 'string') {
    if (idPattern.test(value)) into.add(value);
    return;
  }
  if (value instanceof Date || value instanceof Binary || value instanceof Uint8Array) return;
  if (Array.isArray(value)) return value.forEach((v) => collectIds(v, into, depth + 1));
  if (typeof value === 'object') for (const v of Object.values(value)) collectIds(v, into, depth + 1);
}

export interface ExportResult {
  bytes: Buffer;
  manifest: ArchiveManifest;
}

/**
 * Collects everything of one trajectory: its records (every model with a trajectoryId), the
 * ballots of its polls, the region, the organisations and people its records mention (people
 * with their password hashes, so they can sign in after a restore), its audit chain and head,
 * and each collaboration document's merged state.
 */
export async function exportTrajectory(models: Models, trajectory: TrajectoryRecord, source: { database: string; appVersion: string }): Promise<ExportResult> {
  const id = trajectory._id as Types.ObjectId;
  const idText = id.toHexString();
  const collections = new Map<string, StoredRecord[]>();
  const put = (model: Model<any>, records: StoredRecord[]) => collections.set(model.collection.collectionName, records);

  put(models.trajectories, await rawFind(models.trajectories, { _id: id }));
  for (const [, model] of trajectoryScopedModels(models)) put(model, await rawFind(model, { trajectoryId: { $in: [id, idText] } }));
  const pollIds = (collections.get(models.polls.collection.collectionName) ?? []).map((p) => p._id);
  put(models.ballots, pollIds.length ? await rawFind(models.ballots, { pollId: { $in: pollIds } }) : []);
  put(models.auditEvents, await rawFind(models.auditEvents, { chain: idText }, { seq: 1 }));
  put(models.auditHeads, await rawFind(models.auditHeads, { _id: idText }));
  put(models.collabSnapshots, await documentStates(models, `trajectory/${idText}/`));
  put(models.finalAgreements, await rawFind(models.finalAgreements, { _id: id }));
  put(models.finalSeals, await rawFind(models.finalSeals, { _id: id }));
  put(models.admissionBooks, await rawFind(models.admissionBooks, { _id: id }));
  put(models.changeRounds, await rawFind(models.changeRounds, { _id: id }));

  // People and organisations named anywhere in the trajectory's records, and the people's organisations in turn.
  const mentioned = new Set<string>();
  for (const records of collections.values()) collectIds(records, mentioned);
  const ids = [...mentioned].map((h) => new ObjectId(h));
  const users = await rawFind(models.users, { _id: { $in: ids } });
  collectIds(users, mentioned);
  const organisations = await rawFind(models.organisations, { _id: { $in: [...mentioned].map((h) => new ObjectId(h)) } });
  put(models.regions, await rawFind(models.regions, { _id: trajectory.regionId }));
  put(models.organisations, organisations);
  put(models.users, users);

  const audit = await new AuditLog(models, new Locks(models.locks)).verify(idText);
  return encodeArchive(
    {
      format: 'dialoogtafel-trajectory-archive',
      version: 1,
      createdAt: new Date().toISOString(),
      source: { trajectoryId: idText, trajectoryName: trajectory.name, ...source },
      audit: { events: audit.events, lastHash: audit.lastHash, valid: audit.valid },
    },
    collections,
  );
}

/** Each collaboration document under `prefix` as one snapshot of its merged state (stored snapshot plus update log). */
async function documentStates(models: Models, prefix: string): Promise<StoredRecord[]> {
  const pattern = new RegExp(`^${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);
  const names = new Set<string>([
    ...((await models.collabUpdates.distinct('doc', { doc: pattern })) as string[]),
    ...(await models.collabSnapshots.find({ _id: pattern }, { _id: 1 }).lean()).map((s) => s._id),
  ]);
  const persistence = new CollabPersistence(models);
  const records: StoredRecord[] = [];
  for (const name of [...names].sort()) {
    const { state } = await persistence.load(name);
    if (state) records.push({ _id: name, state: new Binary(Buffer.from(state)), updatedAt: new Date() });
  }
  return records;
}
