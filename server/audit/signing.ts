import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The server's Ed25519 key that signs audit chain heads printed in published documents. Whoever
 * can write the database can recompute a whole chain; they cannot recompute a signature without
 * this key, and a document already handed out keeps the head it was published with. So a rewrite
 * of any event up to that head shows: the chain no longer holds that hash at that sequence.
 */
export interface SignedHead {
  chain: string;
  seq: number;
  hash: string;
  /** Base64 Ed25519 signature over `headMessage(chain, seq, hash)`. */
  signature: string;
  /** SHA-256 of the public key (SPKI DER), hex in groups of four. */
  keyFingerprint: string;
  signedAt: string;
}

/** What is signed: a fixed prefix (so the key signs nothing else by accident) and the head. */
export const headMessage = (chain: string, seq: number, hash: string) => Buffer.from(`dialoogtafel-audit-head:v1\n${chain}\n${seq}\n${hash}`, 'utf8');

export function fingerprintOf(publicKey: KeyObject): string {
  const hex = createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('hex');
  return hex.match(/.{4}/g)!.join(':');
}

/** Reads a private key given as PKCS#8 PEM or as base64 of PKCS#8 DER; throws with a reason. */
export function parseSigningKey(value: string): KeyObject {
  const text = value.trim();
  const key = text.includes('-----BEGIN') ? createPrivateKey({ key: text, format: 'pem' }) : createPrivateKey({ key: Buffer.from(text, 'base64'), format: 'der', type: 'pkcs8' });
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`is a ${key.asymmetricKeyType ?? 'unknown'} key, not Ed25519`);
  return key;
}

/** Reads a public key given as SPKI PEM or base64 SPKI DER. */
export function parsePublicKey(value: string): KeyObject {
  const text = value.trim();
  const key = text.includes('-----BEGIN') ? createPublicKey({ key: text, format: 'pem' }) : createPublicKey({ key: Buffer.from(text, 'base64'), format: 'der', type: 'spki' });
  if (key.asymmetricKeyType !== 'ed25519') throw new Error('not an Ed25519 public key');
  return key;
}

export const localKeyFile = (dataDir: string) => path.join(dataDir, 'audit-signing-key.pem');

/** Outside production the key is generated once and kept beside the data, like the session secret. */
function loadOrCreateLocalKey(dataDir: string): KeyObject {
  const file = localKeyFile(dataDir);
  if (existsSync(file)) return parseSigningKey(readFileSync(file, 'utf8'));
  mkdirSync(dataDir, { recursive: true });
  const { privateKey } = generateKeyPairSync('ed25519');
  try {
    // `wx`: two processes starting at once keep one key, the first one written.
    writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return parseSigningKey(readFileSync(file, 'utf8'));
}

export class AuditSigner {
  readonly publicKey: KeyObject;
  readonly fingerprint: string;

  constructor(private readonly privateKey: KeyObject) {
    this.publicKey = createPublicKey(privateKey);
    this.fingerprint = fingerprintOf(this.publicKey);
  }

  get publicKeyPem(): string {
    return String(this.publicKey.export({ type: 'spki', format: 'pem' }));
  }

  signHead(head: { chain: string; seq: number; hash: string }, at = new Date()): SignedHead {
    const signature = sign(null, headMessage(head.chain, head.seq, head.hash), this.privateKey).toString('base64');
    return { chain: head.chain, seq: head.seq, hash: head.hash, signature, keyFingerprint: this.fingerprint, signedAt: at.toISOString() };
  }
}

export function verifyHeadSignature(head: Pick<SignedHead, 'chain' | 'seq' | 'hash' | 'signature'>, publicKey: KeyObject): boolean {
  try {
    return verify(null, headMessage(head.chain, head.seq, head.hash), publicKey, Buffer.from(head.signature, 'base64'));
  } catch {
    return false;
  }
}

const signers = new WeakMap<object, AuditSigner>();

/** The signer of a configuration: from AUDIT_SIGNING_KEY, or the local key in DATA_DIR (not in production; config refuses that). */
export function auditSigner(config: { auditSigningKey?: string | undefined; dataDir: string }): AuditSigner {
  let signer = signers.get(config);
  if (!signer) {
    signer = new AuditSigner(config.auditSigningKey ? parseSigningKey(config.auditSigningKey) : loadOrCreateLocalKey(config.dataDir));
    signers.set(config, signer);
  }
  return signer;
}
