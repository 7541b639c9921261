import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditSigner, headMessage, localKeyFile, parseSigningKey, verifyHeadSignature } from '../../server/audit/signing';
import { headFromText } from '../../server/audit/signing-verify';
import { loadConfig } from '../../server/config';

const dataDir = () => mkdtempSync(path.join(tmpdir(), 'dialoogtafel-privacy-'));
const secret = 'a-session-secret-of-at-least-32-characters';
const ed25519Pem = () => String(generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }));

describe('privacy and audit settings', () => {
  it('retention has safe defaults and names a bad value', () => {
    expect(loadConfig({ DATA_DIR: dataDir() }).retention).toEqual({ signInsDays: 0, linksDays: 30, outboxDays: 30, attendanceDays: 730, sweepMinutes: 60, refusedApplicationsMonths: 12 });
    expect(() => loadConfig({ DATA_DIR: dataDir(), RETAIN_LINKS_DAYS: 'soon' })).toThrow(/^Invalid setting RETAIN_LINKS_DAYS: must be a whole number of days/);
    expect(() => loadConfig({ DATA_DIR: dataDir(), RETAIN_ATTENDANCE_DAYS: '7' })).toThrow(/^Invalid setting RETAIN_ATTENDANCE_DAYS: must be at least 30 days/);
    expect(() => loadConfig({ DATA_DIR: dataDir(), RETAIN_REFUSED_APPLICATIONS_MONTHS: '0' })).toThrow(/^Invalid setting RETAIN_REFUSED_APPLICATIONS_MONTHS: must be at least 1 month/);
  });

  it('requires AUDIT_SIGNING_KEY in production and refuses a key that is not Ed25519', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', SESSION_SECRET: secret, PUBLIC_URL: 'https://dialoog.example.nl', MONGODB_URI: 'mongodb://db.example.nl:27017/dialoogtafel', DATA_DIR: dataDir() })).toThrow(/^Invalid setting AUDIT_SIGNING_KEY: is required in production/);
    const rsa = String(generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' }));
    expect(() => loadConfig({ DATA_DIR: dataDir(), AUDIT_SIGNING_KEY: rsa })).toThrow(/^Invalid setting AUDIT_SIGNING_KEY: must be an Ed25519 private key/);
    expect(() => loadConfig({ DATA_DIR: dataDir(), AUDIT_SIGNING_KEY: 'not a key' })).toThrow(/^Invalid setting AUDIT_SIGNING_KEY/);
    const pem = ed25519Pem();
    expect(loadConfig({ NODE_ENV: 'production', SESSION_SECRET: secret, PUBLIC_URL: 'https://dialoog.example.nl', MONGODB_URI: 'mongodb://db.example.nl:27017/dialoogtafel', DATA_DIR: dataDir(), AUDIT_SIGNING_KEY: pem }).auditSigningKey).toBe(pem);
    // The same key as base64 PKCS#8 DER.
    const der = parseSigningKey(pem).export({ type: 'pkcs8', format: 'der' }).toString('base64');
    expect(auditSigner({ dataDir: dataDir(), auditSigningKey: der }).fingerprint).toBe(auditSigner({ dataDir: dataDir(), auditSigningKey: pem }).fingerprint);
  });

  it('generates the local key once into DATA_DIR and signs heads that verify, and only those', () => {
    const dir = dataDir();
    const first = auditSigner({ dataDir: dir });
    expect(auditSigner({ dataDir: dir }).fingerprint).toBe(first.fingerprint);
    expect(readFileSync(localKeyFile(dir), 'utf8')).toContain('BEGIN PRIVATE KEY');
    const head = first.signHead({ chain: 'a'.repeat(24), seq: 41, hash: 'f'.repeat(64) });
    expect(verifyHeadSignature(head, first.publicKey)).toBe(true);
    expect(verifyHeadSignature({ ...head, seq: 42 }, first.publicKey)).toBe(false);
    expect(verifyHeadSignature({ ...head, hash: 'e'.repeat(64) }, first.publicKey)).toBe(false);
    expect(headMessage('c', 1, 'h').toString()).toBe('dialoogtafel-audit-head:v1\nc\n1\nh');
  });

  it('reads a printed head back from document text, also when values wrap over lines', () => {
    const signer = auditSigner({ dataDir: dataDir() });
    const head = signer.signHead({ chain: 'b'.repeat(24), seq: 7, hash: '0123456789abcdef'.repeat(4) });
    const wrapped = `Controle van het logboek\naudit-head-chain: ${head.chain}\naudit-head-seq: 7\naudit-head-hash: ${head.hash.slice(0, 40)}\n${head.hash.slice(40)}\naudit-head-signature: ${head.signature.slice(0, 50)}\n${head.signature.slice(50)}\naudit-head-key: ${head.keyFingerprint}\n`;
    expect(headFromText(wrapped)).toEqual({ chain: head.chain, seq: 7, hash: head.hash, signature: head.signature, keyFingerprint: head.keyFingerprint });
    expect(headFromText('no head here')).toBeNull();
  });
});
