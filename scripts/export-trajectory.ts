/**
 * `npm run export -- <trajectory id or exact name> [--out <file>]`: writes one self-contained
 * archive of the trajectory (see server/backup/archive-format.ts) and prints its path.
 * Uses MONGODB_URI, or else starts the local database in DATA_DIR as the server does.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { exportTrajectory, findTrajectory, TrajectoryNotFound } from '../server/backup/trajectory-export';
import { runWithDatabase, ScriptFailure } from './database-script';

const usage = 'Usage: npm run export -- <trajectory id or exact name> [--out <file>]';
const { positionals, values } = parseArgs({ allowPositionals: true, options: { out: { type: 'string', short: 'o' } }, strict: false });
if (positionals.length !== 1) {
  process.stderr.write(`${usage}\n`);
  process.exit(64);
}

await runWithDatabase(async ({ database }, models) => {
  let trajectory;
  try {
    trajectory = await findTrajectory(models, positionals[0]!);
  } catch (error) {
    if (error instanceof TrajectoryNotFound) throw new ScriptFailure(error.message, 2);
    throw error;
  }
  const { bytes, manifest } = await exportTrajectory(models, trajectory, {
    database: database.connection.name,
    appVersion: process.env.npm_package_version ?? '0.1.0',
  });
  const stamp = manifest.createdAt.replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  const out = path.resolve(typeof values.out === 'string' ? values.out : `dialoogtafel-${manifest.source.trajectoryId}-${stamp}.dtarchive.gz`);
  writeFileSync(out, bytes, { mode: 0o600 });
  const records = Object.values(manifest.collections).reduce((n, c) => n + c.count, 0);
  process.stderr.write(`Exported "${trajectory.name}": ${records} records, ${manifest.audit.events} audit events${manifest.audit.valid ? '' : ' (WARNING: the audit chain did not verify)'}.\n`);
  process.stdout.write(`${out}\n`);
});
