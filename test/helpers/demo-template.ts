import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import mongoose from 'mongoose';

const root = path.resolve(import.meta.dirname, '../..');

/**
 * The demo seeded once per test run: its database and the DATA_DIR it was seeded with (the session
 * secret keys the demo's ballots and join codes, the local audit key signs its chain heads).
 */
export interface DemoTemplate {
  uri: string;
  dataDir: string;
  /** The Amsterdam day it was seeded: the demo's dates ("today's session", deadlines) count from it. */
  day: string;
}

export const amsterdamDay = (at = new Date()) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(at);

/** Seeds the demo into `uri` with `npm run demo:seed` (the product's own seed, through the operations). */
export async function seedDemoTemplate(uri: string): Promise<DemoTemplate> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'dialoogtafel-demo-template-'));
  const day = amsterdamDay();
  const child = spawn(process.execPath, ['scripts/run.mjs', 'demo-seed'], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'test', DATA_DIR: dataDir, MONGODB_URI: uri, DEMO_CONTRACT: '0', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0 || !output.includes('The demo is seeded')) throw new Error(`the demo template was not seeded (exit ${code}):\n${output}`);
  return { uri, dataDir, day };
}

/**
 * Settings a test server may have that leave the demo seed as it is. Any other setting (a session
 * secret or audit key of its own, the running contract, production) gets a seed of its own.
 */
const seedNeutralSetting = /^(DEMO|PORT|HOST|LOG_LEVEL|PUBLIC_URL|REDIS_URL|ALLOWED_ORIGINS|THEME_CSS|PASSWORD_SIGNIN|MAX_ATTACHMENT_BYTES|RETENTION_SWEEP_MINUTES|EVENT_BURST|EVENTS_PER_SECOND|COLLAB_MESSAGE_BURST|COLLAB_MESSAGES_PER_SECOND|(SMTP|OIDC|NOTIFY|WORD_IMPORT)_[A-Z_]+)$/;

/** Whether a server started with these settings can start on a copy of the template instead of seeding. */
export function templateServes(template: DemoTemplate | undefined, env: Record<string, string | undefined>): template is DemoTemplate {
  if (!template || env.DEMO !== '1') return false;
  if (template.day !== amsterdamDay()) return false;
  return Object.entries(env).every(([key, value]) => value === undefined || seedNeutralSetting.test(key));
}

/**
 * Copies the template into an empty database, document for document, and its DATA_DIR files
 * into `dataDir`. The server finds the demo there and does not seed; it builds its indexes as on
 * every start.
 */
export async function copyDemoTemplate(template: DemoTemplate, uri: string, dataDir: string): Promise<void> {
  cpSync(template.dataDir, dataDir, { recursive: true });
  const [from, to] = await Promise.all([mongoose.createConnection(template.uri).asPromise(), mongoose.createConnection(uri).asPromise()]);
  try {
    const collections = await from.db!.listCollections({}, { nameOnly: true }).toArray();
    await Promise.all(
      collections.map(async ({ name }) => {
        const documents = await from.db!.collection(name).find({}).toArray();
        if (documents.length > 0) await to.db!.collection(name).insertMany(documents, { ordered: false });
      }),
    );
  } finally {
    await Promise.all([from.close(), to.close()]);
  }
}
