import type { Connection } from 'mongoose';
import { AuditLog } from '../audit/audit-log';
import { Locks } from '../db/locks';
import { ensureIndexes, type Models } from '../models';
import type { Archive } from './archive-format';

/** Thrown when the target database already holds records: a restore never mixes with other data. */
export class TargetNotEmpty extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TargetNotEmpty';
  }
}

/** Thrown when the restored audit chain does not verify or does not end where the archive says. */
export class RestoredChainInvalid extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RestoredChainInvalid';
  }
}

/** Collections of the database that hold records, with their counts. */
async function nonEmptyCollections(connection: Connection): Promise<Array<{ name: string; count: number }>> {
  const db = connection.db;
  if (!db) throw new Error('the database connection is not open');
  const found: Array<{ name: string; count: number }> = [];
  for (const { name } of await db.listCollections({}, { nameOnly: true }).toArray()) {
    if (name.startsWith('system.')) continue;
    const count = await db.collection(name).countDocuments({}, { limit: 1 });
    if (count > 0) found.push({ name, count });
  }
  return found;
}

export interface ImportResult {
  trajectoryId: string;
  records: number;
  audit: { events: number; lastHash: string | null };
}

/**
 * Restores an archive (already decoded and checked against its manifest) into an empty
 * database: indexes first, so unique keys hold, then every record as stored, then the audit
 * chain is verified and must end at the head the archive recorded.
 */
export async function importArchive(connection: Connection, models: Models, archive: Archive): Promise<ImportResult> {
  const byCollection = new Map(Object.values(models).map((m) => [m.collection.collectionName, m] as const));
  const unknown = [...archive.collections.keys()].filter((name) => !byCollection.has(name));
  if (unknown.length > 0) throw new Error(`The archive holds collections this version does not know: ${unknown.join(', ')}. Restore it with the version that made it, or a newer one.`);

  const filled = await nonEmptyCollections(connection);
  if (filled.length > 0) {
    throw new TargetNotEmpty(`The target database is not empty (${filled.map((c) => c.name).join(', ')}). Restore into an empty database; nothing was changed.`);
  }

  await ensureIndexes(models);
  let records = 0;
  for (const [name, docs] of archive.collections) {
    if (docs.length === 0) continue;
    await byCollection.get(name)!.collection.insertMany(docs, { ordered: true });
    records += docs.length;
  }

  const trajectoryId = archive.manifest.source.trajectoryId;
  const verification = await new AuditLog(models, new Locks(models.locks)).verify(trajectoryId);
  if (!verification.valid) {
    throw new RestoredChainInvalid(`The restored audit chain does not verify (broken at event ${verification.brokenAt?.seq}: ${verification.brokenAt?.reason}).`);
  }
  if (verification.events !== archive.manifest.audit.events || verification.lastHash !== archive.manifest.audit.lastHash) {
    throw new RestoredChainInvalid(`The restored audit chain ends at event ${verification.events}, the archive recorded ${archive.manifest.audit.events}.`);
  }
  return { trajectoryId, records, audit: { events: verification.events, lastHash: verification.lastHash } };
}
