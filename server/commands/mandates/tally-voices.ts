import { stakeholderGroupByRole } from '../../../shared/domain/roles';
import { ballotWeight, defaultMandateRule, type MandateRule, type ProviderKind } from '../../../shared/domain/provider-kinds';
import { tallyOnBehalf, tallyPoll } from '../../../shared/live-table/tally';
import { onBehalfGroup } from '../../../shared/schemas/on-behalf';
import { mayVote } from '../../../shared/policy';
import type { BallotChoice, BallotGroup, CountedBallot, PollResult, PollSettings, StakeholderGroup } from '../../../shared/live-table/polls';
import type { PollRecord } from '../../models/poll';
import { readCacheOf } from '../../models/read-cache';
import type { Services } from '../../services';
import { heldVoicesOf } from './held-voices';

/** A ballot as held or stored, with its voter key (the tally's order) and, for named polls, the voter. */
export interface VoicedBallot {
  key: string;
  group: BallotGroup;
  choice: BallotChoice;
  voterId: string | null;
  providerKind?: ProviderKind | null;
  /** A vote recorded on someone's behalf (group `on_behalf`): the description, and when it was recorded (ms). */
  onBehalfOf?: string | null;
  at?: number;
}

const isMember = (ballot: VoicedBallot): ballot is VoicedBallot & { group: StakeholderGroup } => ballot.group !== onBehalfGroup;

/** The session's declared rule for ballots with vote mandates (a poll outside a session: one vote). */
async function mandateRuleOf(services: Services, poll: Pick<PollRecord, 'sessionId'>): Promise<MandateRule> {
  if (!poll.sessionId) return defaultMandateRule;
  const session = await services.models.dialogueSessions.findById(poll.sessionId, { mandateRule: 1 }).lean();
  return session?.mandateRule ?? defaultMandateRule;
}

/**
 * Counts a poll with the provider kinds and mandates beside the groups. Everything it needs is
 * held in memory (seats, organisation kinds, active mandates), except the session's rule, read
 * by `_id`. The mandates of an organisation count once, on its first ballot by voter key (two of
 * its members voting do not double its practices), and only in named polls: an anonymous ballot
 * names nobody, so nothing may tie it to the organisation it was cast for; the result says so.
 */
export async function tallyWithVoices(
  services: Services,
  poll: PollRecord,
  settings: PollSettings,
  ballots: readonly VoicedBallot[],
  electorate: Partial<Record<StakeholderGroup, number>>,
): Promise<PollResult> {
  const trajectoryId = String(poll.trajectoryId);
  const voices = heldVoicesOf(services);
  const [seats, kinds, mandates, rule] = await Promise.all([readCacheOf(services).seatsOf(trajectoryId), voices.organisationKinds(), voices.mandateCounts(trajectoryId), mandateRuleOf(services, poll)]);
  const applied = !poll.anonymous;

  const electorateByKind: Partial<Record<ProviderKind, number>> = {};
  for (const seat of seats.values()) {
    const group = stakeholderGroupByRole[seat.role];
    if (group !== 'provider' || !mayVote(group, settings)) continue;
    const kind = kinds.get(seat.organisationId)?.providerKind ?? 'institution';
    electorateByKind[kind] = (electorateByKind[kind] ?? 0) + 1;
  }

  const weighted = new Set<string>();
  const counted: CountedBallot[] = ballots
    .filter(isMember)
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((ballot) => {
      const organisationId = ballot.voterId ? seats.get(ballot.voterId)?.organisationId : undefined;
      const providerKind = ballot.group === 'provider' ? (ballot.providerKind ?? (organisationId ? (kinds.get(organisationId)?.providerKind ?? null) : null)) : null;
      let weight = 1;
      if (applied && organisationId && !weighted.has(organisationId)) {
        const votes = mandates.get(organisationId)?.vote ?? 0;
        if (votes > 0) {
          weighted.add(organisationId);
          weight = ballotWeight(rule, votes);
        }
      }
      return { group: ballot.group, choice: ballot.choice, providerKind, weight };
    });
  const result = tallyPoll(settings, counted, electorate, { electorateByKind, mandateRule: rule, mandatesApplied: applied });
  // Input on someone's behalf (issue 16) is counted apart, never in a group that decides.
  const onBehalf = ballots
    .filter((ballot) => ballot.group === onBehalfGroup)
    .sort((a, b) => (a.at ?? 0) - (b.at ?? 0) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((ballot) => ({ description: ballot.onBehalfOf ?? '—', choice: ballot.choice }));
  if (onBehalf.length > 0) result.onBehalf = tallyOnBehalf(settings, onBehalf);
  return result;
}
