import { presenceAnonymityRequest, type PresenceAnonymity } from '../../../shared/schemas/anonymity';
import { roleMay } from '../../../shared/domain/permissions';
import { defineTrajectoryOperation, noBody } from '../operation';
import { trajectoryParams } from '../trajectories/trajectory-operations';

/** One's own choice for this trajectory. */
export const getPresenceAnonymity = defineTrajectoryOperation({
  name: 'member.anonymity.view',
  action: 'trajectory.view',
  params: trajectoryParams,
  body: noBody,
  run: async (ctx, _p, _b, { seat }) => {
    if (!seat) return { result: { anonymous: false, canChoose: false } satisfies PresenceAnonymity };
    const membership = await ctx.services.models.memberships.findById(seat.membershipId, { anonymousPresence: 1 }).lean();
    const canChoose = roleMay(seat.role, 'member.chooseAnonymity');
    return { result: { anonymous: canChoose && membership?.anonymousPresence === true, canChoose } satisfies PresenceAnonymity };
  },
});

/**
 * A client representative chooses to be shown as "een cliëntvertegenwoordiger" (or by name again).
 * Open connections follow at once: document presence is decided again, the live table is redrawn.
 */
export const setPresenceAnonymity = defineTrajectoryOperation({
  name: 'member.anonymity',
  action: 'member.chooseAnonymity',
  params: trajectoryParams,
  body: presenceAnonymityRequest,
  run: async (ctx, p, body, { seat }) => {
    // The policy let only a client representative with a seat through.
    await ctx.services.models.memberships.updateOne({ _id: seat!.membershipId }, { $set: { anonymousPresence: body.anonymous } });
    return {
      result: { anonymous: body.anonymous, canChoose: true } satisfies PresenceAnonymity,
      // The seat, not the person: the event names no one beyond the actor the log already keeps.
      audit: [{ chain: p.trajectoryId, action: 'member.anonymity', objectType: 'membership', objectId: seat!.membershipId, summary: { anonymous: body.anonymous } }],
      access: [p.trajectoryId],
    };
  },
});
