import { platformChain } from '../../audit/audit-log';
import { authorizePlatform } from '../access';
import { defineOperation, noBody, noParams } from '../operation';

/** Verifies the platform's own audit chain: accounts, regions, sign-ins (platform administrators). */
export const verifyPlatformAudit = defineOperation({
  name: 'audit.platform',
  params: noParams,
  body: noBody,
  authorize: (ctx) => authorizePlatform(ctx, 'audit.platform'),
  run: async (ctx) => ({ result: await ctx.services.audit.verify(platformChain) }),
});
