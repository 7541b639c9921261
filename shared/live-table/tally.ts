/**
 * The pure voting logic, shared by client and server: which options a poll has, whether its
 * settings and a ballot are valid, who may vote, and how ballots add up to a result.
 *
 * Votes at the table are advisory (domain principle 1), so a result never collapses the table
 * into one verdict: every score is also broken down per stakeholder group, and turnout is
 * counted per group. No I/O, no clock (pass `now` where time matters), deterministic output.
 */
import {
  consentOptions,
  stakeholderGroups,
  type BallotChoice,
  type ConsentOption,
  type CountedBallot,
  type OnBehalfResult,
  type OptionResult,
  type PollOption,
  type PollResult,
  type PollSettings,
  type StakeholderGroup,
} from './polls';
import { mayVote } from '../policy';
import { breakdownByProviderKind, type MandateRule, type ProviderKind } from '../domain/provider-kinds';

const consentLabels: Record<ConsentOption, string> = {
  agree: 'Akkoord',
  abstain: 'Onthouding',
  object: 'Bezwaar',
  block: 'Blokkade',
};

/** The options a poll offers: the four fixed consent options, or the options it was set up with. */
export function pollOptionsOf(settings: Pick<PollSettings, 'kind' | 'options'>): PollOption[] {
  if (settings.kind === 'consent') return consentOptions.map((id) => ({ id, label: consentLabels[id] }));
  return settings.options.map((option) => ({ ...option }));
}

/** multiple_choice: how many options a voter may pick (all of them when not set). */
function maxChoicesOf(settings: Pick<PollSettings, 'options' | 'maxChoices'>): number {
  return settings.maxChoices ?? settings.options.length;
}

/**
 * Checks the settings beyond their schema. Returns messages keyed by field (in the style of
 * `ErrorBody.fields`) or null when the settings are fine. `closesAt` is only checked against
 * `now` when a clock is passed in.
 */
export function validatePollSettings(settings: PollSettings, now?: Date): Record<string, string> | null {
  const errors: Record<string, string> = {};
  if (settings.kind !== 'consent') {
    const ids = settings.options.map((option) => option.id);
    if (ids.length < 2) errors.options = 'needs at least 2 options';
    else if (new Set(ids).size !== ids.length) errors.options = 'must not contain the same option twice';
  }
  if (settings.kind === 'multiple_choice' && maxChoicesOf(settings) > settings.options.length) {
    errors.maxChoices = `must be at most the number of options (${settings.options.length})`;
  }
  if (settings.kind === 'dot_voting' && settings.points === undefined) {
    errors.points = 'is required for dot voting';
  }
  if (now && settings.closesAt !== undefined) {
    const closesAt = Date.parse(settings.closesAt);
    if (Number.isNaN(closesAt)) errors.closesAt = 'is not a valid date and time';
    else if (closesAt <= now.getTime()) errors.closesAt = 'must be in the future';
  }
  return Object.keys(errors).length > 0 ? errors : null;
}

function firstDuplicate(values: readonly string[]): string | undefined {
  const seen = new Set<string>();
  for (const value of values) {
    if (seen.has(value)) return value;
    seen.add(value);
  }
  return undefined;
}

/**
 * Why a ballot does not fit the poll, as a code with the numbers a message needs (the client
 * says it in its own words) and in plain English (the server's answer), or null when it fits.
 */
export type BallotProblem = { message: string } & (
  | { code: 'wrong_kind' | 'unknown_option' | 'chosen_twice' | 'no_points_to_give' }
  | { code: 'reason_required' }
  | { code: 'choose_at_least_one' }
  | { code: 'too_many'; max: number; given: number }
  | { code: 'points_invalid'; option: string }
  | { code: 'no_points' }
  | { code: 'too_many_points'; given: number; total: number }
);

type BallotRules = Pick<PollSettings, 'kind' | 'options' | 'maxChoices' | 'points'>;

export function ballotProblem(settings: BallotRules, choice: BallotChoice): BallotProblem | null {
  if (choice.kind !== settings.kind) return { code: 'wrong_kind', message: `This poll takes a ${settings.kind} ballot, not a ${choice.kind} ballot.` };
  const known = new Set(pollOptionsOf(settings).map((option) => option.id));
  const unknown = (ids: Iterable<string>) => [...ids].find((id) => !known.has(id));
  const notAnOption = (id: string): BallotProblem => ({ code: 'unknown_option', message: `"${id}" is not an option of this poll.` });

  switch (choice.kind) {
    case 'consent': {
      if (!known.has(choice.option)) return { code: 'unknown_option', message: `"${choice.option}" is not a consent option.` };
      if (choice.option === 'block' && !choice.reason?.trim()) return { code: 'reason_required', message: 'A block needs a reason.' };
      return null;
    }
    case 'single_choice': {
      if (!known.has(choice.option)) return notAnOption(choice.option);
      return null;
    }
    case 'multiple_choice': {
      if (choice.options.length === 0) return { code: 'choose_at_least_one', message: 'Choose at least one option.' };
      const missing = unknown(choice.options);
      if (missing !== undefined) return notAnOption(missing);
      const duplicate = firstDuplicate(choice.options);
      if (duplicate !== undefined) return { code: 'chosen_twice', message: `"${duplicate}" is chosen more than once.` };
      const max = maxChoicesOf(settings);
      if (choice.options.length > max) return { code: 'too_many', max, given: choice.options.length, message: `Choose at most ${max} option${max === 1 ? '' : 's'}.` };
      return null;
    }
    case 'ranking': {
      if (choice.ranking.length === 0) return { code: 'choose_at_least_one', message: 'Rank at least one option.' };
      const missing = unknown(choice.ranking);
      if (missing !== undefined) return notAnOption(missing);
      const duplicate = firstDuplicate(choice.ranking);
      if (duplicate !== undefined) return { code: 'chosen_twice', message: `"${duplicate}" is ranked more than once.` };
      return null;
    }
    case 'dot_voting': {
      if (settings.points === undefined) return { code: 'no_points_to_give', message: 'This poll has no points to give.' };
      const entries = Object.entries(choice.points);
      const missing = unknown(entries.map(([id]) => id));
      if (missing !== undefined) return notAnOption(missing);
      const invalid = entries.find(([, points]) => !Number.isInteger(points) || points < 0);
      if (invalid) return { code: 'points_invalid', option: invalid[0], message: `The points for "${invalid[0]}" must be a whole number of 0 or more.` };
      const total = entries.reduce((sum, [, points]) => sum + points, 0);
      if (total <= 0) return { code: 'no_points', message: 'Give at least one point.' };
      if (total > settings.points) return { code: 'too_many_points', given: total, total: settings.points, message: `You gave ${total} points; at most ${settings.points} are available.` };
      return null;
    }
  }
}

/** Why a ballot does not fit the poll, in plain English, or null when it does. */
export function validateBallot(settings: BallotRules, choice: BallotChoice): string | null {
  return ballotProblem(settings, choice)?.message ?? null;
}

/**
 * Whether a group may vote in a poll: the shared policy's poll.vote rule (shared/policy). No
 * groups listed means every group that votes; facilitators and observers never vote.
 */
export function isEligible(settings: Pick<PollSettings, 'eligibleGroups'>, group: StakeholderGroup): boolean {
  return mayVote(group, settings);
}

/** What one ballot gives each option it names: votes, Borda points or dots. Options it leaves out get nothing. */
function contributions(choice: BallotChoice, optionCount: number): Map<string, number> {
  const given = new Map<string, number>();
  switch (choice.kind) {
    case 'consent':
    case 'single_choice':
      given.set(choice.option, 1);
      break;
    case 'multiple_choice':
      for (const id of choice.options) given.set(id, 1);
      break;
    case 'ranking':
      // Borda: with n options, rank 1 earns n-1 points, rank 2 n-2, ...; unranked options earn 0.
      choice.ranking.forEach((id, index) => given.set(id, optionCount - 1 - index));
      break;
    case 'dot_voting':
      for (const [id, points] of Object.entries(choice.points)) if (points > 0) given.set(id, points);
      break;
  }
  return given;
}

/**
 * Adds up the ballots of a poll. Ballots that fail `validateBallot`, and ballots from groups
 * that may not vote in this poll, are ignored entirely: they count towards no score, no
 * turnout and no ballot total. `electorate` gives the number of eligible voters per group.
 */
export function tallyPoll(
  settings: PollSettings,
  ballots: readonly CountedBallot[],
  electorate: Partial<Record<StakeholderGroup, number>>,
  voices?: { electorateByKind: Partial<Record<ProviderKind, number>>; mandateRule: MandateRule; mandatesApplied: boolean },
): PollResult {
  const options = pollOptionsOf(settings);
  const counted = ballots.filter(
    (ballot) => isEligible(settings, ballot.group) && validateBallot(settings, ballot.choice) === null,
  );

  const votedByGroup = new Map<StakeholderGroup, number>();
  for (const ballot of counted) votedByGroup.set(ballot.group, (votedByGroup.get(ballot.group) ?? 0) + 1);

  // Canonical group order keeps the output deterministic whatever order the input has.
  const turnoutGroups = stakeholderGroups.filter((g) => electorate[g] !== undefined || votedByGroup.has(g));
  const breakdownGroups = stakeholderGroups.filter((g) => (electorate[g] ?? 0) > 0 || votedByGroup.has(g));

  const turnout: PollResult['turnout'] = {};
  for (const group of turnoutGroups) {
    turnout[group] = { eligible: electorate[group] ?? 0, voted: votedByGroup.get(group) ?? 0 };
  }

  const results = new Map<string, OptionResult>();
  for (const option of options) {
    const byGroup: OptionResult['byGroup'] = {};
    for (const group of breakdownGroups) byGroup[group] = 0;
    results.set(option.id, { optionId: option.id, score: 0, voters: 0, byGroup });
  }
  const given = counted.map((ballot) => contributions(ballot.choice, options.length));
  counted.forEach((ballot, index) => {
    // A ballot cast with vote mandates may count for several votes (the session's declared rule).
    const weight = ballot.weight ?? 1;
    for (const [id, points] of given[index]!) {
      const result = results.get(id);
      if (!result) continue; // cannot happen for a validated ballot
      result.score += points * weight;
      result.voters += 1;
      result.byGroup[ballot.group] = (result.byGroup[ballot.group] ?? 0) + points * weight;
    }
  });

  const optionResults = options.map((option) => results.get(option.id)!);
  const top = Math.max(0, ...optionResults.map((result) => result.score));
  const leaders = top > 0 ? optionResults.filter((result) => result.score === top).map((result) => result.optionId) : [];

  const result: PollResult = {
    kind: settings.kind,
    ballots: counted.length,
    turnout,
    options: optionResults,
    leaders,
  };
  if (settings.kind === 'consent') {
    const blocks = results.get('block')?.score ?? 0;
    const objections = results.get('object')?.score ?? 0;
    result.consent = { reached: blocks === 0 && counted.length > 0, blocks, objections };
  }
  if (voices) {
    const kinds = breakdownByProviderKind(
      options.map((option) => option.id),
      counted.map((ballot, index) => ({ providerKind: ballot.providerKind ?? null, weight: ballot.weight ?? 1, given: given[index]! })),
      voices.electorateByKind,
      { rule: voices.mandateRule, applied: voices.mandatesApplied },
    );
    Object.assign(result, kinds);
  }
  return result;
}

/**
 * Adds up the votes recorded on someone's behalf (issue 16) on their own, in the same way as a
 * member's ballot but without a group, weight or turnout: the result's `onBehalf`, never part of
 * its scores. Invalid ballots are ignored like in `tallyPoll`. `inputs` come in the order recorded.
 */
export function tallyOnBehalf(settings: PollSettings, inputs: ReadonlyArray<{ description: string; choice: BallotChoice }>): OnBehalfResult {
  const options = pollOptionsOf(settings);
  const counted = inputs.filter((input) => validateBallot(settings, input.choice) === null);
  const scores = new Map(options.map((option) => [option.id, { optionId: option.id, score: 0, voters: 0 }]));
  for (const input of counted) {
    for (const [id, points] of contributions(input.choice, options.length)) {
      const result = scores.get(id);
      if (!result) continue;
      result.score += points;
      result.voters += 1;
    }
  }
  return {
    ballots: counted.length,
    options: options.map((option) => scores.get(option.id)!),
    inputs: counted.map((input) => (settings.anonymous ? { description: input.description } : { description: input.description, choice: input.choice })),
  };
}

/** `part` as a percentage of `whole`, rounded to `decimals` places; 0 when `whole` is 0. */
export function formatPercentage(part: number, whole: number, decimals = 0): number {
  if (!whole) return 0;
  const factor = 10 ** decimals;
  return Math.round((part / whole) * 100 * factor) / factor;
}
