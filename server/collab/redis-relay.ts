import { randomBytes } from 'node:crypto';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import type { RedisClients } from '../cluster/redis-clients';
import type { Logger } from '../logger';
import type { DocumentRelay, RelayMembership, RelayPeer } from './document-relay';

/** Kinds of relay messages; every message starts with the sending node's id. */
const update = 0;
const awareness = 1;
const catchUpRequest = 2;
const catchUpReply = 3;

const channelOf = (name: string) => `dialoogtafel:collab:${name}`;

/**
 * Relays collaboration documents between nodes over Redis pub/sub: one channel per document,
 * subscribed by exactly the nodes that have it loaded. A node publishes the updates and awareness
 * changes that arise on it (already merged per few milliseconds by the document) and applies what
 * the others publish. A node that loads a document asks the others for what they hold beyond the
 * database (updates still being written), so no edit is missed between loading and subscribing.
 */
export class RedisRelay implements DocumentRelay {
  private readonly members = new Map<string, Member>();
  private lastWarned = 0;

  constructor(
    private readonly redis: RedisClients,
    private readonly log: Logger,
    private readonly catchUpWaitMs = 1500,
  ) {
    // After Redis was away, messages of that time are lost: every document asks the others again,
    // until their state vectors agree (see Member.converge).
    let connectedBefore = false;
    redis.relaySubscriber.on('ready', () => {
      if (connectedBefore) for (const member of this.members.values()) void member.converge();
      connectedBefore = true;
    });
    if (redis.relaySubscriber.isReady) connectedBefore = true;
  }

  async join(name: string, peer: RelayPeer): Promise<RelayMembership> {
    const member = new Member(this, name, peer);
    this.members.set(name, member);
    const subscribed = this.redis.relaySubscriber.subscribe(channelOf(name), member.listener, true);
    // While Redis is away the subscription waits in the client's queue; the document opens
    // anyway (this node alone), and catches up with the others once Redis is back (see 'ready').
    let timer: NodeJS.Timeout | undefined;
    const waited = new Promise<void>((resolve) => (timer = setTimeout(resolve, this.catchUpWaitMs)));
    await Promise.race([subscribed.catch((error: unknown) => this.warn(name, error)), waited]);
    clearTimeout(timer);
    return member;
  }

  /** @internal */
  get nodeId(): string {
    return this.redis.nodeId;
  }

  /** @internal */
  async leave(member: Member): Promise<void> {
    if (this.members.get(member.name) === member) this.members.delete(member.name);
    await this.redis.relaySubscriber.unsubscribe(channelOf(member.name), member.listener, true).catch((error: unknown) => this.warn(member.name, error));
  }

  /** @internal */
  publish(name: string, message: Uint8Array): void {
    this.redis.command.publish(channelOf(name), Buffer.from(message.buffer, message.byteOffset, message.byteLength)).catch((error: unknown) => this.warn(name, error));
  }

  /** @internal How many other nodes have the document loaded (each node subscribes once per document). */
  async otherNodes(name: string): Promise<number> {
    const counts = await this.redis.command.pubSubNumSub(channelOf(name));
    return Math.max(0, Number(counts[channelOf(name)] ?? 0) - 1);
  }

  /** @internal */
  get waitMs(): number {
    return this.catchUpWaitMs;
  }

  /** @internal */
  warn(doc: string, error: unknown): void {
    if (Date.now() - this.lastWarned < 5000) return;
    this.lastWarned = Date.now();
    this.log.warn({ doc, err: error instanceof Error ? error.message : String(error) }, 'relaying a collaboration document failed');
  }
}

/** What one round of catching up found. */
interface CatchUpRound {
  /** Other nodes that have the document loaded, as Redis counted them. */
  others: number;
  /** Nodes that answered within the wait. */
  answers: number;
  /** Every answer held what this node holds: their state vectors and this node's are the same. */
  agreed: boolean;
}

/** Rounds of converging stop after this long without any other node (a node alone agrees with itself). */
const aloneRounds = 8;
const maxRetryDelayMs = 4000;

/** One loaded document's membership of its channel. */
class Member implements RelayMembership {
  /** Answers awaited per request id, each with the answering node's state vector. */
  private readonly waiting = new Map<string, (theirs: Uint8Array) => void>();
  private left = false;
  /** The newest converge loop; an older one stops when a newer one starts. */
  private convergeRun = 0;

  constructor(
    private readonly relay: RedisRelay,
    readonly name: string,
    private readonly peer: RelayPeer,
  ) {}

  readonly listener = (message: Buffer): void => {
    try {
      this.receive(new Uint8Array(message.buffer, message.byteOffset, message.byteLength));
    } catch (error) {
      this.relay.warn(this.name, error);
    }
  };

  publishUpdate(data: Uint8Array): void {
    this.relay.publish(this.name, this.message(update, (e) => encoding.writeVarUint8Array(e, data)));
  }

  publishAwareness(data: Uint8Array): void {
    this.relay.publish(this.name, this.message(awareness, (e) => encoding.writeVarUint8Array(e, data)));
  }

  /**
   * @param reciprocal asks every answering node to catch up from this one too: after a Redis
   * outage both sides may hold what the other missed, and deletions do not show in a state vector.
   */
  async catchUp(reciprocal = false): Promise<void> {
    await this.catchUpRound(reciprocal).catch((error: unknown) => {
      // Without Redis this node serves the document alone for now; 'ready' asks again later.
      this.relay.warn(this.name, error);
    });
  }

  /**
   * One round: asks the others for what they hold beyond this node's state, applies the answers,
   * and sends each answering node what it lacks of this node's (its answer carries its state
   * vector; what is sent also carries this node's deletions, which no state vector shows).
   * Throws when Redis does not answer.
   */
  private async catchUpRound(reciprocal: boolean): Promise<CatchUpRound> {
    const stateVector = this.peer.stateVector();
    const others = await withTimeout(this.relay.otherNodes(this.name), this.relay.waitMs);
    if (others === 0) return { others, answers: 0, agreed: true };
    const requestId = randomBytes(6).toString('base64url');
    let answers = 0;
    let agreed = true;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(done, this.relay.waitMs);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.waiting.set(requestId, (theirs) => {
        if (this.left) return done();
        // Their answer is applied already: whatever they lack is this node's, and goes to them now.
        if (!sameStateVector(theirs, this.peer.stateVector())) agreed = false;
        this.publishUpdate(this.peer.answerCatchUp(theirs).update);
        if (++answers >= others) done();
      });
      this.relay.publish(
        this.name,
        this.message(catchUpRequest, (e) => {
          encoding.writeVarString(e, requestId);
          encoding.writeVarUint8Array(e, stateVector);
          encoding.writeVarUint(e, reciprocal ? 1 : 0);
        }),
      );
    });
    this.waiting.delete(requestId);
    return { others, answers, agreed: agreed && answers >= others };
  }

  /**
   * After a Redis outage the others may hold what was published while this node could not hear
   * it, and the other way round. Catches up round after round, with growing pauses, until two
   * rounds in which every other node answered with the same state as this node's. Two, because a
   * state vector does not show deletions: equal vectors after a round whose update with this
   * node's deletions was lost (published while Redis was still coming back) would leave the texts
   * apart, and every round sends the deletions again. On a busy machine a round may time out or
   * find a node not yet subscribed again; that is no reason to stop. Stops when the document is
   * unloaded, or when no other node has it loaded for several rounds.
   */
  async converge(): Promise<void> {
    const run = ++this.convergeRun;
    let delay = Math.max(100, Math.floor(this.relay.waitMs / 3));
    let alone = 0;
    let agreedRounds = 0;
    while (!this.left && run === this.convergeRun) {
      const round = await this.catchUpRound(true).catch((error: unknown) => {
        this.relay.warn(this.name, error);
        return null;
      });
      if (round && round.others > 0 && round.agreed && ++agreedRounds >= 2) return;
      if (round && round.others === 0 && ++alone >= aloneRounds) return;
      await new Promise((r) => setTimeout(r, delay));
      delay = Math.min(delay * 2, maxRetryDelayMs);
    }
  }

  leave(): Promise<void> {
    this.left = true;
    for (const resolve of this.waiting.values()) resolve(new Uint8Array([0])); // an empty state vector: ends the wait
    this.waiting.clear();
    return this.relay.leave(this);
  }

  private message(type: number, body: (encoder: encoding.Encoder) => void): Uint8Array {
    const encoder = encoding.createEncoder();
    encoding.writeVarString(encoder, this.relay.nodeId);
    encoding.writeVarUint(encoder, type);
    body(encoder);
    return encoding.toUint8Array(encoder);
  }

  private receive(data: Uint8Array): void {
    const decoder = decoding.createDecoder(data);
    const from = decoding.readVarString(decoder);
    // Redis delivers a node's own messages back to it.
    if (from === this.relay.nodeId) return;
    switch (decoding.readVarUint(decoder)) {
      case update:
        this.peer.applyRemoteUpdate(decoding.readVarUint8Array(decoder));
        break;
      case awareness:
        this.peer.applyRemoteAwareness(decoding.readVarUint8Array(decoder));
        break;
      case catchUpRequest: {
        const requestId = decoding.readVarString(decoder);
        const answer = this.peer.answerCatchUp(decoding.readVarUint8Array(decoder));
        if (decoding.readVarUint(decoder) === 1) void this.catchUp().catch((error: unknown) => this.relay.warn(this.name, error));
        this.relay.publish(
          this.name,
          this.message(catchUpReply, (e) => {
            encoding.writeVarString(e, from);
            encoding.writeVarString(e, requestId);
            encoding.writeVarUint8Array(e, answer.update);
            encoding.writeVarUint8Array(e, answer.awareness);
            encoding.writeVarUint8Array(e, this.peer.stateVector());
          }),
        );
        break;
      }
      case catchUpReply: {
        if (decoding.readVarString(decoder) !== this.relay.nodeId) return;
        const requestId = decoding.readVarString(decoder);
        this.peer.applyRemoteUpdate(decoding.readVarUint8Array(decoder));
        this.peer.applyRemoteAwareness(decoding.readVarUint8Array(decoder));
        const theirs = decoding.readVarUint8Array(decoder);
        this.waiting.get(requestId)?.(theirs);
        break;
      }
      default:
        throw new Error('unknown relay message');
    }
  }
}

/** Two encoded state vectors name the same clock for every client. */
function sameStateVector(a: Uint8Array, b: Uint8Array): boolean {
  const left = Y.decodeStateVector(a);
  const right = Y.decodeStateVector(b);
  if (left.size !== right.size) return false;
  for (const [client, clock] of left) if (right.get(client) !== clock) return false;
  return true;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => (timer = setTimeout(() => reject(new Error('redis did not answer in time')), ms))),
  ]).finally(() => clearTimeout(timer));
}
