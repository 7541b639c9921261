import mongoose, { Types } from 'mongoose';
import { clauseDocumentName } from '../shared/domain/agreement';
import { hashToken, newToken } from '../server/auth/tokens';
import { idleTimeoutMs } from '../server/auth/session-store';
import { createModels } from '../server/models';

/**
 * Bench data beside the demo data: hundreds of signed-in people with a provider seat in the
 * demo trajectory, written straight into the database with the server's own models. Signing
 * them in through the sign-in route would meet its rate limits, which stay as they are.
 */
export interface BenchData {
  trajectoryId: string;
  /** Session tokens (the `dt_session` cookie) of the bench people, each with a provider seat. */
  tokens: string[];
  /** One fresh clause document per co-editing step, in status in_dialogue (providers edit). */
  clauseDocuments: string[];
  /** Tokens of the demo procurement officer and facilitator, who plan and run the live session. */
  procurementToken: string;
  facilitatorToken: string;
}

export async function seedBenchData(mongoUri: string, people: number, clauseCount: number): Promise<BenchData> {
  const connection = await mongoose.createConnection(mongoUri).asPromise();
  try {
    const models = createModels(connection);
    const seat = await models.memberships.findOne({ role: 'provider', removedAt: null }).lean();
    const template = seat && (await models.clauses.findOne({ trajectoryId: seat.trajectoryId }).lean());
    if (!seat || !template) throw new Error('the demo data has no provider seat or clause to copy');
    const trajectoryId = seat.trajectoryId;
    const now = new Date();
    const expiresAt = new Date(now.getTime() + idleTimeoutMs);

    const users = await models.users.insertMany(
      Array.from({ length: people }, (_, i) => ({ email: `bench-${i}-${now.getTime()}@bench.example`, name: `Bench ${i}`, passwordHash: 'no-password', createdAt: now })),
    );
    await models.memberships.insertMany(users.map((u) => ({ trajectoryId, userId: u._id, organisationId: seat.organisationId, role: 'provider', createdAt: now, removedAt: null })));
    const session = (userId: Types.ObjectId) => {
      const { token, hash } = newToken();
      return { token, record: { _id: hash, userId, createdAt: now, lastSeenAt: now, expiresAt } };
    };
    const sessions = users.map((u) => session(u._id));
    const staff = await Promise.all(
      ['inkoop@dialoogtafel.example', 'facilitator@dialoogtafel.example'].map(async (email) => {
        const user = await models.users.findOne({ email }).lean();
        if (!user) throw new Error(`demo user ${email} is missing`);
        return session(user._id);
      }),
    );
    await models.sessions.insertMany([...sessions, ...staff].map((s) => s.record));
    if (sessions[0] && hashToken(sessions[0].token) !== sessions[0].record._id) throw new Error('token hashing changed');

    const clauses = await models.clauses.insertMany(
      Array.from({ length: clauseCount }, (_, i) => ({
        trajectoryId,
        chapterId: template.chapterId,
        position: 1000 + i,
        title: `Benchmarkartikel ${i + 1}`,
        status: 'in_dialogue',
        topicIds: [],
        variants: [],
        createdBy: null,
        createdAt: now,
        updatedAt: now,
      })),
    );
    return {
      trajectoryId: String(trajectoryId),
      tokens: sessions.map((s) => s.token),
      clauseDocuments: clauses.map((c) => clauseDocumentName(String(trajectoryId), String(c._id))),
      procurementToken: staff[0]!.token,
      facilitatorToken: staff[1]!.token,
    };
  } finally {
    await connection.close();
  }
}
