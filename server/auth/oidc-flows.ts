import { Schema, type Connection, type Model } from 'mongoose';
import type { Models } from '../models';
import type { OidcChecks } from './oidc-client';
import { hashToken } from './tokens';

/**
 * A started OpenID Connect sign-in, kept server-side until the provider sends the person back:
 * the nonce and PKCE verifier never leave the server, and taking the record deletes it, so a
 * state works once. `_id` is the SHA-256 of the state (found by `_id` alone), so a database copy
 * cannot finish anyone's sign-in. The browser holds the state in an HttpOnly cookie, which binds
 * the sign-in to the browser that started it.
 */
export interface OidcFlowRecord {
  _id: string;
  nonce: string;
  codeVerifier: string;
  /** The invitation link the sign-in was started from, if any. */
  invitationToken: string | null;
  /** Where to go afterwards: a path within this site. */
  returnPath: string;
  expiresAt: Date;
}

/** Long enough to sign in at the provider, with a second factor; short enough to be of no use later. */
export const oidcFlowLifetimeMs = 10 * 60 * 1000;

const schema = new Schema<OidcFlowRecord>(
  {
    _id: { type: String, required: true },
    nonce: { type: String, required: true },
    codeVerifier: { type: String, required: true },
    invitationToken: { type: String, default: null },
    returnPath: { type: String, required: true },
    expiresAt: { type: Date, required: true, index: true },
  },
  { collection: 'oidc_flows', versionKey: false },
);

const flowModel = (c: Connection): Model<OidcFlowRecord> => (c.models.OidcFlow as Model<OidcFlowRecord>) ?? c.model<OidcFlowRecord>('OidcFlow', schema);

export class OidcFlows {
  private readonly model: Model<OidcFlowRecord>;
  private purgedAt = 0;

  /** On the same connection as the other models (a collection of its own, not a shared model). */
  constructor(models: Models) {
    this.model = flowModel(models.sessions.db);
  }

  async save(checks: OidcChecks, extra: { invitationToken: string | null; returnPath: string }): Promise<void> {
    const now = new Date();
    if (now.getTime() - this.purgedAt > oidcFlowLifetimeMs) {
      // Abandoned sign-ins (FerretDB has no TTL index); the collection only ever holds minutes of them.
      this.purgedAt = now.getTime();
      await this.model.deleteMany({ expiresAt: { $lte: now } });
    }
    await this.model.create({
      _id: hashToken(checks.state),
      nonce: checks.nonce,
      codeVerifier: checks.codeVerifier,
      invitationToken: extra.invitationToken,
      returnPath: extra.returnPath,
      expiresAt: new Date(now.getTime() + oidcFlowLifetimeMs),
    });
  }

  /** Takes (and so ends) the sign-in started with this state, or null when there is none or it expired. */
  async take(state: string): Promise<(OidcFlowRecord & { state: string }) | null> {
    const flow = await this.model.findOneAndDelete({ _id: hashToken(state) }).lean();
    if (!flow || flow.expiresAt <= new Date()) return null;
    return { ...flow, state };
  }
}

const stores = new WeakMap<Models, OidcFlows>();
export function oidcFlowsFor(models: Models): OidcFlows {
  let found = stores.get(models);
  if (!found) stores.set(models, (found = new OidcFlows(models)));
  return found;
}
