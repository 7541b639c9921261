import { describe, expect, it } from 'vitest';
import type { BallotChoice, CountedBallot, PollResult, PollSettings, StakeholderGroup } from '../../shared/live-table/polls';
import {
  formatPercentage,
  isEligible,
  pollOptionsOf,
  tallyOnBehalf,
  tallyPoll,
  validateBallot,
  ballotProblem,
  validatePollSettings,
} from '../../shared/live-table/tally';

const topics = [
  { id: 'continuity', label: 'Zorgcontinuïteit' },
  { id: 'transition', label: '18- / 18+' },
  { id: 'waitlists', label: 'Wachtlijstproblematiek' },
  { id: 'small', label: 'Kleine, lokale en vrijgevestigde praktijken' },
];

function poll(overrides: Partial<PollSettings> & Pick<PollSettings, 'kind'>): PollSettings {
  return {
    question: 'Welk thema bespreken we eerst?',
    options: overrides.kind === 'consent' ? [] : topics,
    anonymous: false,
    resultsVisibility: 'live',
    eligibleGroups: [],
    ...overrides,
  };
}

const ballot = (group: StakeholderGroup, choice: BallotChoice): CountedBallot => ({ group, choice });
const single = (group: StakeholderGroup, option: string) => ballot(group, { kind: 'single_choice', option });
const consent = (group: StakeholderGroup, option: 'agree' | 'abstain' | 'object' | 'block', reason?: string) =>
  ballot(group, reason === undefined ? { kind: 'consent', option } : { kind: 'consent', option, reason });

const scores = (result: PollResult) => Object.fromEntries(result.options.map((o) => [o.optionId, o.score]));
const voters = (result: PollResult) => Object.fromEntries(result.options.map((o) => [o.optionId, o.voters]));

function expectBreakdownSumsToScore(result: PollResult) {
  for (const option of result.options) {
    const sum = Object.values(option.byGroup).reduce<number>((total, value) => total + (value ?? 0), 0);
    expect(sum, option.optionId).toBe(option.score);
  }
}

describe('pollOptionsOf', () => {
  it('gives a consent poll the four fixed options with Dutch labels, whatever options it carries', () => {
    expect(pollOptionsOf({ kind: 'consent', options: topics })).toEqual([
      { id: 'agree', label: 'Akkoord' },
      { id: 'abstain', label: 'Onthouding' },
      { id: 'object', label: 'Bezwaar' },
      { id: 'block', label: 'Blokkade' },
    ]);
  });
  it('gives other polls their own options in their own order', () => {
    expect(pollOptionsOf({ kind: 'ranking', options: topics })).toEqual(topics);
  });
});

describe('validatePollSettings', () => {
  it('accepts sensible settings of every kind', () => {
    expect(validatePollSettings(poll({ kind: 'consent' }))).toBeNull();
    expect(validatePollSettings(poll({ kind: 'single_choice' }))).toBeNull();
    expect(validatePollSettings(poll({ kind: 'multiple_choice' }))).toBeNull();
    expect(validatePollSettings(poll({ kind: 'multiple_choice', maxChoices: 2 }))).toBeNull();
    expect(validatePollSettings(poll({ kind: 'ranking' }))).toBeNull();
    expect(validatePollSettings(poll({ kind: 'dot_voting', points: 5 }))).toBeNull();
  });
  it('does not ask a consent poll for options', () => {
    expect(validatePollSettings(poll({ kind: 'consent', options: [] }))).toBeNull();
  });
  it.each(['single_choice', 'multiple_choice', 'ranking', 'dot_voting'] as const)('needs two options for %s', (kind) => {
    const errors = validatePollSettings(poll({ kind, options: [topics[0]!], points: 3 }));
    expect(errors).toEqual({ options: expect.any(String) });
  });
  it('refuses the same option id twice', () => {
    const errors = validatePollSettings(poll({ kind: 'single_choice', options: [...topics, { id: 'small', label: 'Nog eens' }] }));
    expect(errors?.options).toMatch(/twice/);
  });
  it('refuses more choices than there are options', () => {
    expect(validatePollSettings(poll({ kind: 'multiple_choice', maxChoices: 5 }))).toEqual({ maxChoices: expect.any(String) });
    expect(validatePollSettings(poll({ kind: 'multiple_choice', maxChoices: 4 }))).toBeNull();
  });
  it('needs points for dot voting', () => {
    expect(validatePollSettings(poll({ kind: 'dot_voting' }))).toEqual({ points: expect.any(String) });
  });
  it('checks closesAt only when given a clock', () => {
    const settings = poll({ kind: 'consent', closesAt: '2025-03-01T10:00:00Z' });
    expect(validatePollSettings(settings)).toBeNull();
    expect(validatePollSettings(settings, new Date('2025-02-28T10:00:00Z'))).toBeNull();
    expect(validatePollSettings(settings, new Date('2025-03-01T10:00:00Z'))).toEqual({ closesAt: 'must be in the future' });
    expect(validatePollSettings(settings, new Date('2025-04-01T10:00:00Z'))).toEqual({ closesAt: 'must be in the future' });
  });
  it('reports several fields at once', () => {
    const errors = validatePollSettings(poll({ kind: 'dot_voting', options: [], closesAt: '2020-01-01T00:00:00Z' }), new Date('2025-01-01'));
    expect(Object.keys(errors ?? {}).sort()).toEqual(['closesAt', 'options', 'points']);
  });
});

describe('validateBallot', () => {
  it('refuses a ballot of the wrong kind', () => {
    expect(validateBallot(poll({ kind: 'single_choice' }), { kind: 'consent', option: 'agree' })).toMatch(/single_choice/);
    expect(validateBallot(poll({ kind: 'ranking' }), { kind: 'multiple_choice', options: ['small'] })).not.toBeNull();
  });
  it('accepts consent ballots and demands a reason for a block', () => {
    const settings = poll({ kind: 'consent' });
    expect(validateBallot(settings, { kind: 'consent', option: 'agree' })).toBeNull();
    expect(validateBallot(settings, { kind: 'consent', option: 'object' })).toBeNull();
    expect(validateBallot(settings, { kind: 'consent', option: 'block' })).toBe('A block needs a reason.');
    expect(validateBallot(settings, { kind: 'consent', option: 'block', reason: '   ' })).toBe('A block needs a reason.');
    expect(validateBallot(settings, { kind: 'consent', option: 'block', reason: 'Tarief dekt de kosten niet.' })).toBeNull();
  });
  it('refuses a single choice for an option the poll does not have', () => {
    const settings = poll({ kind: 'single_choice' });
    expect(validateBallot(settings, { kind: 'single_choice', option: 'waitlists' })).toBeNull();
    expect(validateBallot(settings, { kind: 'single_choice', option: 'beds' })).toMatch(/"beds" is not an option/);
  });
  it('checks multiple choices for unknown options, duplicates and the maximum', () => {
    const settings = poll({ kind: 'multiple_choice', maxChoices: 2 });
    expect(validateBallot(settings, { kind: 'multiple_choice', options: ['continuity', 'small'] })).toBeNull();
    expect(validateBallot(settings, { kind: 'multiple_choice', options: ['small', 'small'] })).toMatch(/more than once/);
    expect(validateBallot(settings, { kind: 'multiple_choice', options: ['continuity', 'transition', 'small'] })).toBe('Choose at most 2 options.');
    expect(validateBallot(settings, { kind: 'multiple_choice', options: ['beds'] })).toMatch(/not an option/);
    expect(validateBallot(settings, { kind: 'multiple_choice', options: [] })).not.toBeNull();
  });
  it('lets a multiple choice pick every option when no maximum is set', () => {
    const settings = poll({ kind: 'multiple_choice' });
    expect(validateBallot(settings, { kind: 'multiple_choice', options: topics.map((t) => t.id) })).toBeNull();
  });
  it('checks rankings for unknown options and duplicates, and allows partial rankings', () => {
    const settings = poll({ kind: 'ranking' });
    expect(validateBallot(settings, { kind: 'ranking', ranking: ['waitlists'] })).toBeNull();
    expect(validateBallot(settings, { kind: 'ranking', ranking: ['waitlists', 'small', 'waitlists'] })).toMatch(/ranked more than once/);
    expect(validateBallot(settings, { kind: 'ranking', ranking: ['waitlists', 'beds'] })).toMatch(/"beds"/);
  });
  it('checks dot votes against the options and the points budget', () => {
    const settings = poll({ kind: 'dot_voting', points: 5 });
    expect(validateBallot(settings, { kind: 'dot_voting', points: { continuity: 3, small: 2 } })).toBeNull();
    expect(validateBallot(settings, { kind: 'dot_voting', points: { continuity: 3, small: 0 } })).toBeNull();
    expect(validateBallot(settings, { kind: 'dot_voting', points: { continuity: 4, small: 2 } })).toBe(
      'You gave 6 points; at most 5 are available.',
    );
    expect(validateBallot(settings, { kind: 'dot_voting', points: { continuity: 0 } })).toBe('Give at least one point.');
    expect(validateBallot(settings, { kind: 'dot_voting', points: {} })).toBe('Give at least one point.');
    expect(validateBallot(settings, { kind: 'dot_voting', points: { beds: 1 } })).toMatch(/"beds"/);
    expect(validateBallot(settings, { kind: 'dot_voting', points: { continuity: -1, small: 2 } })).toMatch(/whole number/);
    expect(validateBallot(poll({ kind: 'dot_voting' }), { kind: 'dot_voting', points: { small: 1 } })).not.toBeNull();
  });
});

describe('ballotProblem', () => {
  it('gives the code and the numbers a form needs to say it in its own words', () => {
    expect(ballotProblem(poll({ kind: 'consent' }), { kind: 'consent', option: 'block' })).toMatchObject({ code: 'reason_required' });
    expect(ballotProblem(poll({ kind: 'multiple_choice', maxChoices: 1 }), { kind: 'multiple_choice', options: ['small', 'continuity'] })).toMatchObject({ code: 'too_many', max: 1, given: 2 });
    expect(ballotProblem(poll({ kind: 'dot_voting', points: 3 }), { kind: 'dot_voting', points: { small: 4 } })).toMatchObject({ code: 'too_many_points', given: 4, total: 3 });
    expect(ballotProblem(poll({ kind: 'dot_voting', points: 3 }), { kind: 'dot_voting', points: {} })).toMatchObject({ code: 'no_points' });
    expect(ballotProblem(poll({ kind: 'single_choice' }), { kind: 'single_choice', option: 'small' })).toBeNull();
  });
});

describe('isEligible', () => {
  it('lets every group that votes vote when no groups are listed: not the facilitator, not observers (the poll.vote rule)', () => {
    const settings = poll({ kind: 'consent' });
    for (const group of ['municipality', 'provider', 'client', 'procurement'] as const) {
      expect(isEligible(settings, group), group).toBe(true);
    }
    expect(isEligible(settings, 'facilitator')).toBe(false);
    expect(isEligible(settings, 'observer')).toBe(false);
  });
  it('lets only the listed groups vote', () => {
    const settings = poll({ kind: 'consent', eligibleGroups: ['provider', 'client'] });
    expect(isEligible(settings, 'provider')).toBe(true);
    expect(isEligible(settings, 'client')).toBe(true);
    expect(isEligible(settings, 'municipality')).toBe(false);
  });
  it('never lets observers or the facilitator vote, even when listed', () => {
    expect(isEligible(poll({ kind: 'consent', eligibleGroups: ['observer', 'provider'] }), 'observer')).toBe(false);
    expect(isEligible(poll({ kind: 'consent', eligibleGroups: ['facilitator', 'provider'] }), 'facilitator')).toBe(false);
  });
});

describe('tallyPoll', () => {
  it('counts a consent proposal and reaches consent without blocks', () => {
    const settings = poll({ kind: 'consent', question: 'Acceptatieplicht voor alle gecontracteerde aanbieders' });
    const result = tallyPoll(
      settings,
      [
        consent('municipality', 'agree'),
        consent('municipality', 'agree'),
        consent('provider', 'agree'),
        consent('provider', 'object', 'Zonder plafondruimte lastig voor kleine praktijken.'),
        consent('client', 'abstain'),
      ],
      { municipality: 3, provider: 5, client: 2 },
    );
    expect(result.kind).toBe('consent');
    expect(result.ballots).toBe(5);
    expect(scores(result)).toEqual({ agree: 3, abstain: 1, object: 1, block: 0 });
    expect(result.leaders).toEqual(['agree']);
    expect(result.consent).toEqual({ reached: true, blocks: 0, objections: 1 });
    expect(result.options.find((o) => o.optionId === 'agree')?.byGroup).toEqual({ municipality: 2, provider: 1, client: 0 });
    expectBreakdownSumsToScore(result);
  });
  it('does not reach consent when someone blocks', () => {
    const result = tallyPoll(
      poll({ kind: 'consent' }),
      [consent('municipality', 'agree'), consent('provider', 'block', 'Tarief dekt de kosten niet.'), consent('provider', 'object')],
      { municipality: 1, provider: 2 },
    );
    expect(result.consent).toEqual({ reached: false, blocks: 1, objections: 1 });
  });
  it('does not reach consent when nobody voted', () => {
    const result = tallyPoll(poll({ kind: 'consent' }), [], { provider: 4 });
    expect(result.consent).toEqual({ reached: false, blocks: 0, objections: 0 });
  });
  it('leaves out the consent summary for other kinds', () => {
    expect(tallyPoll(poll({ kind: 'single_choice' }), [], {}).consent).toBeUndefined();
  });

  it('counts single choices per option and per group', () => {
    const result = tallyPoll(
      poll({ kind: 'single_choice' }),
      [single('provider', 'waitlists'), single('provider', 'waitlists'), single('municipality', 'continuity'), single('client', 'waitlists')],
      { provider: 4, municipality: 2, client: 1 },
    );
    expect(scores(result)).toEqual({ continuity: 1, transition: 0, waitlists: 3, small: 0 });
    expect(voters(result)).toEqual({ continuity: 1, transition: 0, waitlists: 3, small: 0 });
    expect(result.leaders).toEqual(['waitlists']);
    expect(result.options[2]!.byGroup).toEqual({ municipality: 0, provider: 2, client: 1 });
    expectBreakdownSumsToScore(result);
  });

  it('reports every tied option as a leader', () => {
    const result = tallyPoll(
      poll({ kind: 'single_choice' }),
      [single('provider', 'small'), single('municipality', 'continuity'), single('client', 'small'), single('procurement', 'continuity')],
      {},
    );
    expect(result.leaders).toEqual(['continuity', 'small']);
  });

  it('counts multiple choices as one vote per chosen option', () => {
    const settings = poll({ kind: 'multiple_choice', maxChoices: 2 });
    const result = tallyPoll(
      settings,
      [
        ballot('provider', { kind: 'multiple_choice', options: ['small', 'waitlists'] }),
        ballot('provider', { kind: 'multiple_choice', options: ['small'] }),
        ballot('municipality', { kind: 'multiple_choice', options: ['continuity', 'waitlists'] }),
      ],
      { provider: 2, municipality: 1 },
    );
    expect(result.ballots).toBe(3);
    expect(scores(result)).toEqual({ continuity: 1, transition: 0, waitlists: 2, small: 2 });
    expect(result.leaders).toEqual(['waitlists', 'small']);
    expectBreakdownSumsToScore(result);
  });

  it('scores rankings with a Borda count, partial rankings included', () => {
    // n = 4 options: rank 1 → 3 points, rank 2 → 2, rank 3 → 1, rank 4 → 0; unranked → 0.
    const result = tallyPoll(
      poll({ kind: 'ranking' }),
      [
        ballot('provider', { kind: 'ranking', ranking: ['small', 'waitlists', 'continuity', 'transition'] }),
        ballot('municipality', { kind: 'ranking', ranking: ['continuity', 'transition'] }),
        ballot('client', { kind: 'ranking', ranking: ['waitlists'] }),
      ],
      { provider: 1, municipality: 1, client: 1 },
    );
    expect(scores(result)).toEqual({ continuity: 1 + 3, transition: 0 + 2, waitlists: 2 + 3, small: 3 });
    expect(voters(result)).toEqual({ continuity: 2, transition: 2, waitlists: 2, small: 1 });
    expect(result.leaders).toEqual(['waitlists']);
    expect(result.options.find((o) => o.optionId === 'waitlists')?.byGroup).toEqual({ municipality: 0, provider: 2, client: 3 });
    expectBreakdownSumsToScore(result);
  });

  it('sums the points of dot votes, counting voters who gave an option any points', () => {
    const result = tallyPoll(
      poll({ kind: 'dot_voting', points: 5 }),
      [
        ballot('provider', { kind: 'dot_voting', points: { small: 5 } }),
        ballot('provider', { kind: 'dot_voting', points: { small: 2, waitlists: 3, continuity: 0 } }),
        ballot('municipality', { kind: 'dot_voting', points: { continuity: 4, waitlists: 1 } }),
      ],
      { provider: 6, municipality: 3 },
    );
    expect(scores(result)).toEqual({ continuity: 4, transition: 0, waitlists: 4, small: 7 });
    expect(voters(result)).toEqual({ continuity: 1, transition: 0, waitlists: 2, small: 2 });
    expect(result.leaders).toEqual(['small']);
    expectBreakdownSumsToScore(result);
  });

  it('returns an empty result for a poll without ballots', () => {
    const result = tallyPoll(poll({ kind: 'ranking' }), [], { municipality: 7, provider: 12 });
    expect(result.ballots).toBe(0);
    expect(result.leaders).toEqual([]);
    expect(result.turnout).toEqual({ municipality: { eligible: 7, voted: 0 }, provider: { eligible: 12, voted: 0 } });
    expect(result.options.map((o) => o.optionId)).toEqual(topics.map((t) => t.id));
    for (const option of result.options) {
      expect(option).toMatchObject({ score: 0, voters: 0, byGroup: { municipality: 0, provider: 0 } });
    }
  });

  it('has no leaders when every score is zero', () => {
    const result = tallyPoll(poll({ kind: 'dot_voting', points: 3 }), [], {});
    expect(result.leaders).toEqual([]);
  });

  it('counts turnout per group, including groups that voted without a known electorate', () => {
    const result = tallyPoll(
      poll({ kind: 'single_choice' }),
      [single('provider', 'small'), single('provider', 'continuity'), single('client', 'small')],
      { municipality: 7, provider: 10 },
    );
    expect(result.turnout).toEqual({
      municipality: { eligible: 7, voted: 0 },
      provider: { eligible: 10, voted: 2 },
      client: { eligible: 0, voted: 1 },
    });
    expect(result.options[3]!.byGroup).toEqual({ municipality: 0, provider: 1, client: 1 });
  });

  it('keeps the poll option order, whatever the order of the ballots', () => {
    const settings = poll({ kind: 'single_choice', options: [...topics].reverse() });
    const votes = [single('provider', 'continuity'), single('provider', 'small'), single('client', 'small')];
    const forward = tallyPoll(settings, votes, {});
    const backward = tallyPoll(settings, [...votes].reverse(), {});
    expect(forward.options.map((o) => o.optionId)).toEqual(['small', 'waitlists', 'transition', 'continuity']);
    expect(backward).toEqual(forward);
  });

  it('ignores invalid ballots entirely', () => {
    const settings = poll({ kind: 'dot_voting', points: 5, eligibleGroups: ['provider', 'municipality'] });
    const result = tallyPoll(
      settings,
      [
        ballot('provider', { kind: 'dot_voting', points: { small: 5 } }),
        ballot('provider', { kind: 'dot_voting', points: { small: 6 } }), // over budget
        ballot('municipality', { kind: 'dot_voting', points: { beds: 1 } }), // unknown option
        ballot('municipality', { kind: 'single_choice', option: 'small' }), // wrong kind
        ballot('client', { kind: 'dot_voting', points: { small: 1 } }), // group may not vote
        ballot('observer', { kind: 'dot_voting', points: { small: 1 } }), // observers never vote
      ],
      { provider: 3, municipality: 2 },
    );
    expect(result.ballots).toBe(1);
    expect(scores(result)).toEqual({ continuity: 0, transition: 0, waitlists: 0, small: 5 });
    expect(result.turnout).toEqual({ provider: { eligible: 3, voted: 1 }, municipality: { eligible: 2, voted: 0 } });
    expect(result.options[3]!.byGroup).toEqual({ municipality: 0, provider: 5 });
  });

  it('ignores a block without a reason in a consent poll', () => {
    const result = tallyPoll(poll({ kind: 'consent' }), [consent('provider', 'agree'), consent('provider', 'block')], { provider: 2 });
    expect(result.ballots).toBe(1);
    expect(result.consent).toEqual({ reached: true, blocks: 0, objections: 0 });
    expect(result.turnout.provider).toEqual({ eligible: 2, voted: 1 });
  });
});

describe('formatPercentage', () => {
  it('rounds a share to a percentage and gives 0 for an empty whole', () => {
    expect(formatPercentage(1, 3)).toBe(33);
    expect(formatPercentage(2, 3)).toBe(67);
    expect(formatPercentage(1, 3, 1)).toBe(33.3);
    expect(formatPercentage(5, 5)).toBe(100);
    expect(formatPercentage(0, 0)).toBe(0);
  });
});

describe('tallyOnBehalf: votes recorded on someone’s behalf, apart', () => {
  const settings = { kind: 'single_choice', question: 'Waar?', options: [{ id: 'wijk', label: 'Wijk' }, { id: 'school', label: 'School' }], anonymous: false, resultsVisibility: 'live', eligibleGroups: [] } as const;
  const inputs = [
    { description: 'een jongere van Team Ed', choice: { kind: 'single_choice', option: 'school' } },
    { description: 'een ouder', choice: { kind: 'single_choice', option: 'school' } },
    { description: 'ongeldig', choice: { kind: 'single_choice', option: 'zee' } },
  ] as const;

  it('counts each valid input once per option, in the order recorded, and ignores invalid ones', () => {
    const result = tallyOnBehalf({ ...settings, options: [...settings.options], eligibleGroups: [] }, inputs);
    expect(result.ballots).toBe(2);
    expect(result.options).toEqual([
      { optionId: 'wijk', score: 0, voters: 0 },
      { optionId: 'school', score: 2, voters: 2 },
    ]);
    expect(result.inputs.map((i) => i.description)).toEqual(['een jongere van Team Ed', 'een ouder']);
    expect(result.inputs[0]!.choice).toEqual({ kind: 'single_choice', option: 'school' });
  });

  it('names on whose behalf but not each choice in an anonymous poll', () => {
    const result = tallyOnBehalf({ ...settings, options: [...settings.options], eligibleGroups: [], anonymous: true }, inputs);
    expect(result.inputs).toEqual([{ description: 'een jongere van Team Ed' }, { description: 'een ouder' }]);
  });
});
