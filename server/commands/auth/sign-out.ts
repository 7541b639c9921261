import { defineOperation, noBody, noParams } from '../operation';

export const signOut = defineOperation({
  name: 'auth.sign_out',
  params: noParams,
  body: noBody,
  authorize: async () => undefined,
  run: async (ctx) => {
    if (ctx.actor.kind === 'user') {
      await ctx.services.sessions.destroy(ctx.actor.sessionId);
      await ctx.services.publisher.endSessions({ sessionId: ctx.actor.sessionId });
    }
    return { result: undefined };
  },
});
