/** Who is asking: nobody signed in, a signed-in person, or the system itself acting on its own (a deadline, the end of a session). */
export type Actor =
  | { kind: 'anonymous' }
  | SystemActor
  | { kind: 'user'; userId: string; name: string; email: string; platformAdmin: boolean; sessionId: string };

export type UserActor = Extract<Actor, { kind: 'user' }>;

export const anonymous: Actor = { kind: 'anonymous' };

/** The system acting on its own, named by why: its audit events say so (`summary.system`), with no person as actor. */
export interface SystemActor {
  kind: 'system';
  name: 'poll-deadline' | 'session-end';
}

export const systemActor = (name: SystemActor['name']): SystemActor => ({ kind: 'system', name });
