import { Schema, type Connection, type Model } from 'mongoose';
import type { Models } from '../models';
import { absoluteTimeoutMs } from './session-store';

/**
 * The ID token of a session that was signed in through OpenID Connect, kept server-side by the
 * session's id so that signing out can end the provider's session too (`id_token_hint`). A
 * session signed in with a password has none.
 */
export interface OidcSignInRecord {
  /** The session id, as the session store resolves it (not the cookie's token). */
  _id: string;
  idToken: string;
  expiresAt: Date;
}

const schema = new Schema<OidcSignInRecord>(
  {
    _id: { type: String, required: true },
    idToken: { type: String, required: true },
    expiresAt: { type: Date, required: true, index: true },
  },
  { collection: 'oidc_sign_ins', versionKey: false },
);

const signInModel = (c: Connection): Model<OidcSignInRecord> => (c.models.OidcSignIn as Model<OidcSignInRecord>) ?? c.model<OidcSignInRecord>('OidcSignIn', schema);

const purgeEveryMs = 60 * 60 * 1000;

export class OidcSignIns {
  private readonly model: Model<OidcSignInRecord>;
  private purgedAt = 0;

  constructor(models: Models) {
    this.model = signInModel(models.sessions.db);
  }

  async remember(sessionId: string, idToken: string): Promise<void> {
    const now = Date.now();
    if (now - this.purgedAt > purgeEveryMs) {
      // Records of sessions that ended without a sign-out; no session outlives the absolute timeout.
      this.purgedAt = now;
      await this.model.deleteMany({ expiresAt: { $lte: new Date(now) } });
    }
    await this.model.create({ _id: sessionId, idToken, expiresAt: new Date(now + absoluteTimeoutMs) });
  }

  /** Takes the ID token of a session that is ending, or null for a password sign-in. */
  async take(sessionId: string): Promise<string | null> {
    const found = await this.model.findOneAndDelete({ _id: sessionId }).lean();
    return found?.idToken ?? null;
  }
}

const stores = new WeakMap<Models, OidcSignIns>();
export function oidcSignInsFor(models: Models): OidcSignIns {
  let found = stores.get(models);
  if (!found) stores.set(models, (found = new OidcSignIns(models)));
  return found;
}
