/** Who is asking: nobody signed in, or a signed-in person. */
export type Actor =
  | { kind: 'anonymous' }
  | { kind: 'user'; userId: string; name: string; email: string; platformAdmin: boolean; sessionId: string };

export type UserActor = Extract<Actor, { kind: 'user' }>;

export const anonymous: Actor = { kind: 'anonymous' };
/** The system itself, e.g. when seeding demo data. */
export const systemActorId = null;
