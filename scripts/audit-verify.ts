/**
 * `npm run audit:verify -- <document.docx|document.pdf|archive.dtarchive.gz> [--public-key <file>]`:
 * checks that the audit chain head printed in a published document (or stored with the
 * publications in a trajectory archive) is signed by the server's key and is still in the chain:
 * in the database (MONGODB_URI, or the local database in DATA_DIR) for a document, in the archive
 * itself for an archive. Prints OK or what is wrong; exits 0 only when every head checks out.
 * The key: --public-key (PEM or base64 SPKI, e.g. saved from GET /api/audit/public-key), else the
 * server's own (AUDIT_SIGNING_KEY, or the local key in DATA_DIR).
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { KeyObject } from 'node:crypto';
import { loadConfig } from '../server/config';
import { auditSigner, parsePublicKey } from '../server/audit/signing';
import { archiveEventAt, checkHead, readSource, type HeadCheck } from '../server/audit/signing-verify';
import { runWithDatabase, ScriptFailure } from './database-script';

const usage = 'Usage: npm run audit:verify -- <document.docx|document.pdf|archive.dtarchive.gz> [--public-key <file>]';
const { positionals, values } = parseArgs({ allowPositionals: true, options: { 'public-key': { type: 'string' } }, strict: false });
if (positionals.length !== 1) {
  process.stderr.write(`${usage}\n`);
  process.exit(64);
}
const file = positionals[0]!;

function publicKey(): KeyObject {
  const given = values['public-key'];
  if (typeof given === 'string') {
    const text = readFileSync(given, 'utf8');
    // Also accepts the JSON answer of GET /api/audit/public-key as saved.
    return parsePublicKey(text.trim().startsWith('{') ? (JSON.parse(text) as { publicKey: string }).publicKey : text);
  }
  return auditSigner(loadConfig()).publicKey;
}

function report(checks: HeadCheck[]): void {
  for (const c of checks) {
    if (c.ok) process.stdout.write(`OK: chain ${c.head.chain} held hash ${c.head.hash} at event ${c.head.seq}, signed by key ${c.head.keyFingerprint}.\n`);
    else process.stdout.write(`FAILED: chain ${c.head.chain} event ${c.head.seq}:\n${c.problems.map((p) => `  - ${p}\n`).join('')}`);
  }
  if (checks.some((c) => !c.ok)) throw new ScriptFailure('The audit chain does not match what was published.', 1);
}

let bytes: Buffer;
try {
  bytes = readFileSync(file);
} catch (error) {
  process.stderr.write(`Cannot read ${file}: ${(error as Error).message}\n`);
  process.exit(66);
}
const source = await readSource(bytes).catch((error: Error) => {
  process.stderr.write(`${error.message}\n`);
  process.exit(65);
});
if (source.heads.length === 0) {
  process.stderr.write(`FAILED: ${file} carries no signed audit chain head (published before heads were signed, or not a published document).\n`);
  process.exit(2);
}
const key = publicKey();
if (source.kind === 'archive') {
  const eventAt = archiveEventAt(source.events);
  const checks: HeadCheck[] = [];
  for (const head of source.heads) checks.push(await checkHead(head, key, eventAt));
  try {
    report(checks);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(1);
  }
  process.exit(0);
}
await runWithDatabase(async (_db, models) => {
  const checks: HeadCheck[] = [];
  for (const head of source.heads) {
    checks.push(await checkHead(head, key, (chain, seq) => models.auditEvents.findOne({ chain, seq }).lean()));
  }
  report(checks);
});
