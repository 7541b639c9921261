import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import mongoose from 'mongoose';

const { EJSON } = mongoose.mongo.BSON;

/**
 * A trajectory archive is one gzip file of Extended JSON lines (canonical mode, so ObjectIds,
 * Dates, Binary and number types come back exactly): the manifest first, then one line per
 * record, `{"c": <collection>, "d": <record>}`, grouped by collection. The manifest carries
 * the count and a SHA-256 of each collection's lines, so a damaged archive is refused whole.
 */
const archiveFormat = 'dialoogtafel-trajectory-archive';
const archiveVersion = 1;

export type StoredRecord = Record<string, unknown>;

export interface ArchiveManifest {
  format: typeof archiveFormat;
  version: number;
  createdAt: string;
  source: { trajectoryId: string; trajectoryName: string; database: string; appVersion: string };
  /** Per collection name: how many records and the SHA-256 (hex) of their lines. */
  collections: Record<string, { count: number; sha256: string }>;
  /** The head of the trajectory's audit chain at export, and whether it verified then. */
  audit: { events: number; lastHash: string | null; valid: boolean };
}

export interface Archive {
  manifest: ArchiveManifest;
  /** Records per collection name, in archive order. */
  collections: Map<string, StoredRecord[]>;
}

/** Thrown for an archive that cannot be read or does not match its manifest. */
export class ArchiveInvalid extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ArchiveInvalid';
  }
}

const recordLine = (collection: string, record: StoredRecord) => EJSON.stringify({ c: collection, d: record }, { relaxed: false });

export function encodeArchive(manifest: Omit<ArchiveManifest, 'collections'>, collections: Map<string, StoredRecord[]>): { bytes: Buffer; manifest: ArchiveManifest } {
  const lines: string[] = [];
  const summary: ArchiveManifest['collections'] = {};
  for (const [name, records] of collections) {
    const hash = createHash('sha256');
    for (const record of records) {
      const line = recordLine(name, record);
      hash.update(`${line}\n`);
      lines.push(line);
    }
    summary[name] = { count: records.length, sha256: hash.digest('hex') };
  }
  const full: ArchiveManifest = { ...manifest, collections: summary };
  const text = `${EJSON.stringify({ manifest: full }, { relaxed: false })}\n${lines.map((l) => `${l}\n`).join('')}`;
  return { bytes: gzipSync(text), manifest: full };
}

/** Reads and checks an archive: format, version, and every collection's count and checksum. */
export function decodeArchive(bytes: Buffer): Archive {
  let text: string;
  try {
    text = gunzipSync(bytes).toString('utf8');
  } catch (error) {
    throw new ArchiveInvalid(`The file is not a readable archive (damaged or not gzip): ${(error as Error).message}.`);
  }
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  // The manifest is read with plain numbers; records keep their exact BSON number types.
  const manifest = parseLine(lines[0] ?? '', 1, true) as { manifest?: ArchiveManifest };
  const m = manifest.manifest;
  if (!m || m.format !== archiveFormat) throw new ArchiveInvalid('The file is not a Dialoogtafel trajectory archive (no manifest on the first line).');
  if (m.version !== archiveVersion) throw new ArchiveInvalid(`The archive has format version ${String(m.version)}; this version of Dialoogtafel reads version ${archiveVersion}.`);
  const hashes = new Map<string, ReturnType<typeof createHash>>();
  const collections = new Map<string, StoredRecord[]>();
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    const entry = parseLine(line, i + 1) as { c?: unknown; d?: unknown };
    if (typeof entry.c !== 'string' || typeof entry.d !== 'object' || entry.d === null) throw new ArchiveInvalid(`Line ${i + 1} of the archive is not a record.`);
    if (!(entry.c in m.collections)) throw new ArchiveInvalid(`Line ${i + 1} belongs to collection "${entry.c}", which the manifest does not list.`);
    if (!hashes.has(entry.c)) hashes.set(entry.c, createHash('sha256'));
    hashes.get(entry.c)!.update(`${line}\n`);
    if (!collections.has(entry.c)) collections.set(entry.c, []);
    collections.get(entry.c)!.push(entry.d as StoredRecord);
  }
  for (const [name, expected] of Object.entries(m.collections)) {
    const count = collections.get(name)?.length ?? 0;
    const sha256 = (hashes.get(name) ?? createHash('sha256')).digest('hex');
    if (count !== expected.count) throw new ArchiveInvalid(`The archive is damaged: collection "${name}" has ${count} records, the manifest says ${expected.count}.`);
    if (sha256 !== expected.sha256) throw new ArchiveInvalid(`The archive is damaged: the checksum of collection "${name}" does not match the manifest.`);
    if (!collections.has(name)) collections.set(name, []);
  }
  return { manifest: m, collections };
}

function parseLine(line: string, number: number, relaxed = false): unknown {
  try {
    return EJSON.parse(line, { relaxed });
  } catch {
    throw new ArchiveInvalid(`The archive is damaged: line ${number} is not valid Extended JSON.`);
  }
}
