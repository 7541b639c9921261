import { validateBallot } from '../../shared/live-table/tally';
import { onBehalfGroup } from '../../shared/schemas/on-behalf';
import { castBallotOnBehalf } from '../../shared/schemas/sessions';
import { canonicalJson } from '../audit/canonical-json';
import { AppError, notFound } from '../errors';
import { enforce, loadSeat, requireUser } from '../commands/access';
import { defineOperation, noParams } from '../commands/operation';
import { audienceOf } from '../commands/sessions/session-view';
import { decideTrajectoryAction } from '../policies/trajectory-policy';
import { ballotBookOf } from './ballot-book';
import { settingsOf } from './live-state';

/**
 * A vote the facilitator records for someone without an account (issue 16), e.g. "een jongere
 * van Team Ed", in a consultative poll only (policy poll.voteOnBehalf). It is counted in its own
 * group (`on_behalf`, the result's `onBehalf`), never in a stakeholder group's scores or turnout.
 *
 * Each recording is a voice of its own: the person is no member, so there is no voter to hold to
 * one ballot. Its `_id` is the form's recording key (`onbehalf:<poll>:<uuid>`), never a voter key,
 * and `voterId` is null: a retry of a recording whose answer was lost finds it stored and gets the
 * same answer, without a second voice or audit event; the same key with other input is refused. It is the same ballot a member casts, checked against the poll by the same shared rules.
 * It holds the poll's lock, which every closing holds too, so a closed poll takes none.
 * The audit event names the facilitator as actor and on whose behalf; the live results follow
 * through the `tally` effect like any ballot.
 */
export const castBallotOnBehalfOf = defineOperation({
  name: 'poll.voteOnBehalf',
  params: noParams,
  body: castBallotOnBehalf,
  lock: (_p, body) => `poll:${body.pollId}`,
  authorize: async (ctx, _p, body) => {
    requireUser(ctx);
    const poll = await ctx.services.models.polls.findById(body.pollId).lean();
    if (!poll) throw notFound();
    const seat = await loadSeat(ctx, String(poll.trajectoryId));
    const session = poll.sessionId ? await ctx.services.models.dialogueSessions.findById(poll.sessionId, { audience: 1 }).lean() : null;
    enforce(
      decideTrajectoryAction(ctx.actor, seat, 'poll.voteOnBehalf', {
        poll: { eligibleGroups: poll.eligibleGroups, outcomeKind: poll.declaration.outcomeKind },
        ...(session ? { session: { audience: audienceOf(session) } } : {}),
      }),
    );
    return poll;
  },
  run: async (ctx, _p, body, poll) => {
    const reason = validateBallot(settingsOf(poll), body.choice);
    if (reason) throw new AppError('validation_failed', reason, { choice: reason });
    const key = `onbehalf:${body.pollId}:${body.recordingId}`;
    const result = { pollId: body.pollId, ballotId: key, onBehalfOf: body.onBehalfOf, choice: body.choice };
    const stored = await ctx.services.models.ballots.findById(key, { onBehalfOf: 1, choice: 1 }).lean();
    if (stored) {
      if (stored.onBehalfOf === body.onBehalfOf && canonicalJson(stored.choice) === canonicalJson(body.choice)) return { result };
      throw new AppError('conflict', 'This recording was already stored with other input.', { recordingId: 'was already used' });
    }
    const now = new Date();
    if (poll.status !== 'open' || (poll.closesAt && poll.closesAt <= now)) throw new AppError('conflict', 'This poll is closed.');
    await ctx.services.models.ballots.create({
      _id: key,
      pollId: poll._id,
      voterKey: key,
      voterId: null,
      group: onBehalfGroup,
      onBehalfOf: body.onBehalfOf,
      providerKind: null,
      choice: body.choice,
      castAt: now,
      updatedAt: now,
    });
    ballotBookOf(ctx.services).stored(body.pollId, key, { group: onBehalfGroup, onBehalfOf: body.onBehalfOf, choice: body.choice, voterId: null, providerKind: null, updatedAt: now.getTime() });
    return {
      tally: [{ poll }],
      result,
      audit: [
        {
          chain: String(poll.trajectoryId),
          action: 'poll.ballot.onBehalf',
          objectType: 'poll',
          objectId: body.pollId,
          // The description is no member and is shown; the choice only where the poll names choices.
          summary: poll.anonymous ? { group: onBehalfGroup, onBehalfOf: body.onBehalfOf } : { group: onBehalfGroup, onBehalfOf: body.onBehalfOf, choice: body.choice },
        },
      ],
    };
  },
});
