import { generateKeyPairSync } from 'node:crypto';

/** A fresh Ed25519 private key as PKCS#8 PEM, as an operator makes one with `openssl genpkey -algorithm ed25519`. */
export function ed25519Pem(): string {
  return String(generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }));
}

/** The settings production requires of every server (see refuseUnsafeProductionSettings in server/config.ts). */
export const productionSettings = {
  NODE_ENV: 'production',
  SESSION_SECRET: 'a-production-secret-of-at-least-32-characters',
  PUBLIC_URL: 'https://dialoogtafel.example',
  AUDIT_SIGNING_KEY: ed25519Pem(),
} as const;
