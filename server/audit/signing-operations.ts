import type { AuditPublicKeyDto } from '../../shared/schemas/privacy';
import { defineOperation, noBody, noParams } from '../commands/operation';
import { auditSigner } from './signing';

/** The key that signs chain heads in published documents: public, so anyone holding a document can check it. */
export const auditPublicKey = defineOperation({
  name: 'audit.public_key',
  params: noParams,
  body: noBody,
  authorize: async () => undefined,
  run: async (ctx) => {
    const signer = auditSigner(ctx.services.config);
    const result: AuditPublicKeyDto = { algorithm: 'Ed25519', publicKey: signer.publicKeyPem, fingerprint: signer.fingerprint };
    return { result };
  },
});
