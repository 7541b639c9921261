import { z } from 'zod';
import { AppError, notFound } from '../errors';
import { isDatabaseUnavailable } from '../db/unavailable';
import { authorizeTrajectory } from './access';
import { checkGuards, guards, lockKeys, type GuardName, type LockName } from './guards';
import type { AuditDraft } from '../audit/audit-log';
import type { Actor } from '../policies/actor';
import type { ChangeKind, Services } from '../services';
import type { TrajectoryAction } from '../../shared/domain/permissions';
import type { TrajectoryRecord } from '../models/trajectory';
import type { PollRecord } from '../models/poll';
import type { UserActor } from '../policies/actor';
import type { Seat } from '../policies/trajectory-policy';
import { produceAfterWrite, type NotificationDraft } from '../notifications/produce';

export interface OperationContext {
  services: Services;
  actor: Actor;
  /** Client IP, for rate limits; never logged with personal data. */
  ip?: string;
}

export interface Effect<R> {
  result: R;
  /**
   * `anonymous` events record no actor: used for ballots of anonymous polls. `actorId` names the
   * person an event is about when it is not the one acting (attendance recorded as a session starts).
   */
  audit?: Array<Omit<AuditDraft, 'actorId'> & { anonymous?: boolean; actorId?: string }>;
  publish?: Array<{ trajectoryId: string; what: ChangeKind }>;
  /** Dialogue sessions whose live state changed; their rooms get the new state. */
  live?: string[];
  /** Trajectories in which who may write in a document may have changed (a clause's status, a seat). */
  access?: string[];
  /** Who is told of it (server/notifications): every recipient's mail is queued in one write, after the write. */
  notify?: NotificationDraft[];
  /**
   * Polls whose live tally changed (a ballot stored) or that closed: after the audit step, the
   * tally broadcaster sends the new count to the session's room, or stops counting a closed poll.
   */
  tally?: Array<{ poll: PollRecord; closed?: boolean }>;
  /**
   * Operations that follow this one, each on its own road (with its own actor, audit and publish),
   * once this one's effects are done: e.g. the polls a session's end closes, by the system.
   */
  follow?: Array<(services: Services) => Promise<unknown>>;
}

export interface OperationSpec<P extends z.ZodType, B extends z.ZodType, A, R> {
  /** A name such as `topic.propose`; the audit action of what it writes. */
  name: string;
  params: P;
  body: B;
  /**
   * Keys to hold a lock on while authorizing and running: operations that read, decide and
   * write the same record. Several keys are taken in sorted order, so two operations never wait
   * on each other crosswise.
   */
  lock?: (params: z.infer<P>, body: z.infer<B>) => string | readonly string[];
  authorize: (ctx: OperationContext, params: z.infer<P>, body: z.infer<B>) => Promise<A>;
  run: (ctx: OperationContext, params: z.infer<P>, body: z.infer<B>, auth: A) => Promise<Effect<R>>;
}

export interface Operation<P extends z.ZodType, B extends z.ZodType, R> {
  operationName: string;
  params: P;
  body: B;
  /** The policy action it asks, when declared in its spec (trajectory and session operations): the socket contract names it too. */
  action?: TrajectoryAction;
  (ctx: OperationContext, input: { params?: unknown; body?: unknown }): Promise<R>;
}

export const noParams = z.object({});
export const noBody = z.unknown().transform(() => ({}));

/**
 * The one road of every operation: parse → authorize → write → audit → publish. REST routes
 * and socket handlers are thin adapters over the same operation. Unparseable path parameters
 * (an id that cannot exist) are answered as not found.
 */
export function defineOperation<P extends z.ZodType, B extends z.ZodType, A, R>(spec: OperationSpec<P, B, A, R>): Operation<P, B, R> {
  const operation = async (ctx: OperationContext, input: { params?: unknown; body?: unknown }): Promise<R> => {
    const params = spec.params.safeParse(input.params ?? {});
    if (!params.success) throw notFound();
    const body = spec.body.safeParse(input.body ?? {});
    if (!body.success) throw AppError.fromZod(body.error);
    const decideAndWrite = async () => spec.run(ctx, params.data, body.data, await spec.authorize(ctx, params.data, body.data));
    const keys = [...new Set([spec.lock?.(params.data, body.data) ?? []].flat())].sort();
    const effect = await keys.reduceRight<() => Promise<Effect<R>>>((inner, key) => () => ctx.services.locks.withLock(key, inner), decideAndWrite)();
    const actorId = ctx.actor.kind === 'user' ? ctx.actor.userId : null;
    // The system acting on its own is no person: its events carry no actor and say which part of the system acted.
    const system = ctx.actor.kind === 'system' ? { system: ctx.actor.name } : {};
    for (const { anonymous, actorId: about, ...draft } of effect.audit ?? []) {
      await appendAfterWrite(ctx.services, { ...draft, summary: { ...draft.summary, ...system }, actorId: anonymous ? null : (about ?? actorId) });
      if (draft.chain !== 'platform') ctx.services.publisher.trajectoryChanged(draft.chain, 'audit');
    }
    for (const { poll, closed } of effect.tally ?? []) {
      if (closed) ctx.services.liveTable.tally.forget(String(poll._id));
      else if (poll.sessionId && poll.status === 'open') ctx.services.liveTable.tally.ballotStored(poll);
    }
    for (const p of effect.publish ?? []) ctx.services.publisher.trajectoryChanged(p.trajectoryId, p.what);
    // From the moment the answer is sent, open document connections follow a changed status or seat.
    const access = new Set([...(effect.access ?? []), ...(effect.publish ?? []).filter((p) => p.what === 'members').map((p) => p.trajectoryId)]);
    for (const trajectoryId of access) await ctx.services.publisher.accessChanged(trajectoryId);
    for (const sessionId of effect.live ?? []) ctx.services.publisher.sessionChanged(sessionId);
    if (effect.notify?.length) await produceAfterWrite(ctx.services, effect.notify);
    for (const next of effect.follow ?? []) await next(ctx.services);
    return effect.result;
  };
  return Object.assign(operation, { operationName: spec.name, params: spec.params, body: spec.body }) as Operation<P, B, R>;
}

/**
 * The write is done, so its audit event must follow, also through a brief database outage:
 * retried for about half a minute before the request fails (and the loss is logged).
 */
async function appendAfterWrite(services: Services, draft: AuditDraft): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await services.audit.append(draft);
      return;
    } catch (error) {
      if (attempt >= 5 || !isDatabaseUnavailable(error)) {
        services.log.error({ err: (error as Error).message, chain: draft.chain, action: draft.action, objectType: draft.objectType, objectId: draft.objectId }, 'the audit event of a completed write could not be stored');
        throw error;
      }
      await new Promise((r) => setTimeout(r, 500 * 2 ** attempt));
    }
  }
}

export interface TrajectoryAccess {
  user: UserActor;
  seat: Seat | null;
  trajectory: TrajectoryRecord;
}

/**
 * An operation inside one trajectory: authorization is the trajectory policy for `action`,
 * asked with the trajectory id from the path, before anything else runs. `locks` names the
 * locks it holds (server/commands/guards.ts: `lockKeys`), `lock` adds a key of its own, and
 * `guards` names checks that run after authorization, under those locks, before `run`
 * (e.g. `guards: ['agreementOpen'], locks: ['agreement']` for every change of the agreement).
 */
export function defineTrajectoryOperation<P extends z.ZodType<{ trajectoryId: string }>, B extends z.ZodType, R>(spec: {
  name: string;
  action: TrajectoryAction;
  locks?: readonly LockName[];
  guards?: readonly GuardName[];
  lock?: (params: z.infer<P>, body: z.infer<B>) => string;
  params: P;
  body: B;
  run: (ctx: OperationContext, params: z.infer<P>, body: z.infer<B>, access: TrajectoryAccess) => Promise<Effect<R>>;
}): Operation<P, B, R> {
  checkGuards(spec.name, spec.action, spec);
  const named = spec.locks ?? [];
  const custom = spec.lock;
  const keysOf = (params: z.infer<P>, body: z.infer<B>) => [...named.map((name) => lockKeys[name](params)), ...(custom ? [custom(params, body)] : [])];
  const operation = defineOperation({
    name: spec.name,
    params: spec.params,
    body: spec.body,
    ...(named.length > 0 || custom ? { lock: keysOf } : {}),
    authorize: async (ctx, params) => {
      const access = await authorizeTrajectory(ctx, params.trajectoryId, spec.action);
      for (const guard of spec.guards ?? []) await guards[guard](ctx, params, access, spec.action);
      return access;
    },
    run: spec.run,
  });
  return Object.assign(operation, { action: spec.action });
}
