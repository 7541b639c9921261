/**
 * What kind of provider an organisation is, and the breakdown of poll results and turnout by
 * that kind beside the stakeholder groups (issue 19 item 4): a one-person practice and an
 * institution with 2,000 staff then no longer disappear into one "providers" column.
 *
 * Also the rule of mandates (issue 19 item 3): a cooperative (or association: the same kind
 * here, see README "Bundled voices") holds mandates of independent practitioners, and the
 * session declares how a ballot cast with vote mandates counts. Pure: no I/O, no clock.
 */

/** The kinds of a provider organisation. The admission procedure uses the same values. */
export const providerKinds = ['institution', 'independent', 'cooperative', 'intermediary'] as const;
export type ProviderKind = (typeof providerKinds)[number];

/** A provider organisation that says nothing else is an institution. */
const defaultProviderKind: ProviderKind = 'institution';

/** Older databases stored the independent practitioner as `independent_practitioner`. */
export function providerKindOf(stored: string | null | undefined): ProviderKind | null {
  if (stored === null || stored === undefined) return null;
  if (stored === 'independent_practitioner') return 'independent';
  return (providerKinds as readonly string[]).includes(stored) ? (stored as ProviderKind) : defaultProviderKind;
}

/** Only these kinds hold mandates of independent practitioners (an association counts as a cooperative). */
const mandateHolderKinds: readonly ProviderKind[] = ['cooperative'];
export const mayHoldMandates = (kind: ProviderKind | null): boolean => kind !== null && mandateHolderKinds.includes(kind);

/** What a practitioner lets the organisation do on their behalf. */
export const mandateScopes = ['speak', 'comment', 'vote'] as const;
export type MandateScope = (typeof mandateScopes)[number];

/**
 * How a ballot cast with vote mandates counts, declared per session:
 * - `one_vote`: the organisation's ballot counts once, however many practices it speaks for;
 * - `per_practice`: one vote per mandating practice (at least one: the organisation itself).
 */
export const mandateRules = ['one_vote', 'per_practice'] as const;
export type MandateRule = (typeof mandateRules)[number];
export const defaultMandateRule: MandateRule = 'one_vote';

/** The weight of one ballot under `rule` when the voter's organisation holds `voteMandates` vote mandates. */
export function ballotWeight(rule: MandateRule, voteMandates: number): number {
  return rule === 'per_practice' ? Math.max(1, voteMandates) : 1;
}

/** Per kind: eligible voters and ballots (people, not weights). */
export type KindTurnout = Partial<Record<ProviderKind, { eligible: number; voted: number }>>;

/** What a result says about provider kinds and mandates, beside the stakeholder groups. */
export interface ProviderKindBreakdown {
  /** Per option id: its score per provider kind (weighted as declared). */
  byProviderKind: Record<string, Partial<Record<ProviderKind, number>>>;
  turnoutByProviderKind: KindTurnout;
  /** The session's declared rule and what it did: extra votes counted for mandating practices. */
  mandates: { rule: MandateRule; applied: boolean; extraVotes: number; ballotsWithMandates: number };
}

/** One counted ballot as this breakdown needs it. */
export interface KindBallot {
  providerKind?: ProviderKind | null;
  weight?: number;
  /** What the ballot gave each option, before weighting. */
  given: ReadonlyMap<string, number>;
}

/**
 * The breakdown by provider kind. `electorateByKind` counts eligible provider seats per kind;
 * ballots of other groups carry no kind and are left out here (they are in the groups).
 */
export function breakdownByProviderKind(
  optionIds: readonly string[],
  ballots: readonly KindBallot[],
  electorateByKind: Partial<Record<ProviderKind, number>>,
  mandates: { rule: MandateRule; applied: boolean },
): ProviderKindBreakdown {
  const byProviderKind: ProviderKindBreakdown['byProviderKind'] = {};
  for (const id of optionIds) byProviderKind[id] = {};
  const voted = new Map<ProviderKind, number>();
  let extraVotes = 0;
  let ballotsWithMandates = 0;
  for (const ballot of ballots) {
    const weight = ballot.weight ?? 1;
    if (weight > 1) {
      extraVotes += weight - 1;
      ballotsWithMandates += 1;
    }
    const kind = ballot.providerKind;
    if (!kind) continue;
    voted.set(kind, (voted.get(kind) ?? 0) + 1);
    for (const [id, points] of ballot.given) {
      const row = byProviderKind[id];
      if (row) row[kind] = (row[kind] ?? 0) + points * weight;
    }
  }
  const turnoutByProviderKind: KindTurnout = {};
  for (const kind of providerKinds) {
    if (electorateByKind[kind] === undefined && !voted.has(kind)) continue;
    turnoutByProviderKind[kind] = { eligible: electorateByKind[kind] ?? 0, voted: voted.get(kind) ?? 0 };
  }
  return { byProviderKind, turnoutByProviderKind, mandates: { ...mandates, extraVotes, ballotsWithMandates } };
}

/** "namens 14 vrijgevestigden" in data: how many practitioners an organisation acts for, per scope. */
export type MandateCounts = Record<MandateScope, number>;
export const noMandates = (): MandateCounts => ({ speak: 0, comment: 0, vote: 0 });
