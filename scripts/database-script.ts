/**
 * What the operator scripts (export, import) share: the settings as the server reads them, the
 * database opened the way the server opens it, and one line on stderr per failure with an exit code.
 */
import { ConfigError, loadConfig } from '../server/config';
import { LocalDatabaseUnavailable } from '../server/db/local-database';
import { openDatabase, type OpenedDatabase } from '../server/db/open-database';
import { createModels, type Models } from '../server/models';

export class ScriptFailure extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}

export async function runWithDatabase(work: (db: OpenedDatabase, models: Models) => Promise<void>): Promise<never> {
  let opened: OpenedDatabase | undefined;
  let code = 0;
  try {
    const config = loadConfig();
    opened = await openDatabase(config, (message) => process.stderr.write(`${message}\n`));
    await work(opened, createModels(opened.database.connection));
  } catch (error) {
    code = error instanceof ScriptFailure ? error.exitCode : 1;
    const message =
      error instanceof ConfigError || error instanceof LocalDatabaseUnavailable || error instanceof ScriptFailure
        ? error.message
        : `${(error as Error).message}`;
    process.stderr.write(`${message}\n`);
  } finally {
    await opened?.close();
  }
  process.exit(code);
}
