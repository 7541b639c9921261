/**
 * `npm run import -- <archive>`: restores a trajectory archive into an EMPTY database, then
 * verifies the audit chain. Exit codes: 2 target not empty, 3 archive damaged or unreadable,
 * 4 restored audit chain invalid. Uses MONGODB_URI, or else the local database in DATA_DIR.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ArchiveInvalid, decodeArchive, type Archive } from '../server/backup/archive-format';
import { importArchive, RestoredChainInvalid, TargetNotEmpty } from '../server/backup/trajectory-import';
import { runWithDatabase, ScriptFailure } from './database-script';

const usage = 'Usage: npm run import -- <archive file>';
const { positionals } = parseArgs({ allowPositionals: true, strict: false });
if (positionals.length !== 1) {
  process.stderr.write(`${usage}\n`);
  process.exit(64);
}

// Read and check the archive before touching any database.
let archive: Archive;
try {
  archive = decodeArchive(readFileSync(positionals[0]!));
} catch (error) {
  const message = error instanceof ArchiveInvalid ? error.message : `Could not read ${positionals[0]}: ${(error as Error).message}`;
  process.stderr.write(`Import refused: ${message}\n`);
  process.exit(3);
}

await runWithDatabase(async ({ database }, models) => {
  try {
    const result = await importArchive(database.connection, models, archive);
    process.stderr.write(
      `Restored "${archive.manifest.source.trajectoryName}" (${result.trajectoryId}): ${result.records} records; audit chain verified, ${result.audit.events} events, head ${result.audit.lastHash ?? '-'}.\n`,
    );
  } catch (error) {
    if (error instanceof TargetNotEmpty) throw new ScriptFailure(`Import refused: ${error.message}`, 2);
    if (error instanceof RestoredChainInvalid) throw new ScriptFailure(`Import finished, but ${error.message}`, 4);
    throw error;
  }
});
