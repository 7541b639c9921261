import { describe, expect, it } from 'vitest';
import { clauseStatuses } from '../../shared/domain/agreement';
import { platformActions, trajectoryActions, trajectoryPermissions } from '../../shared/domain/permissions';
import { roles, type Role } from '../../shared/domain/roles';
import { allowed, asMember, clauseAccess, clauseWriters, decide, mayVote, sealedActions, votingGroups, type Subject } from '../../shared/policy';

const member = (role: Role | null, userId = 'u1'): Subject => ({ kind: 'user', userId, platformAdmin: false, role });
const admin: Subject = { kind: 'user', userId: 'a', platformAdmin: true, role: null };

describe('decide(): role × action', () => {
  it.each(roles.flatMap((role) => trajectoryActions.map((action) => [role, action] as const)))('%s → %s follows the permission table', (role, action) => {
    const listed = (trajectoryPermissions[action] as readonly Role[]).includes(role);
    expect(decide(member(role), action)).toEqual(listed ? { allowed: true } : { allowed: false, code: 'forbidden' });
  });

  it('asks anonymous visitors to sign in, hides trajectories from people without a seat, lets administrators administer', () => {
    for (const action of [...trajectoryActions, ...platformActions]) expect(decide({ kind: 'anonymous' }, action)).toEqual({ allowed: false, code: 'unauthenticated' });
    for (const action of trajectoryActions) {
      expect(decide(member(null), action)).toEqual({ allowed: false, code: 'not_found' });
      expect(decide(admin, action).allowed).toBe(true);
    }
  });
});

describe('decide(): platform rules', () => {
  it('gives every platform action to administrators and only listing and creating trajectories to procurement teams', () => {
    const procurement: Subject = { kind: 'user', platformAdmin: false, role: null, procurementSomewhere: true };
    for (const action of platformActions) {
      expect(decide(admin, action).allowed).toBe(true);
      expect(decide(member('procurement'), action)).toEqual({ allowed: false, code: 'forbidden' });
      expect(decide(procurement, action).allowed).toBe(['region.list', 'organisation.list', 'trajectory.create'].includes(action));
    }
  });
});

describe('decide(): a clause by status', () => {
  it('lets the parties write only during the dialogue, the procurement team before and after, nobody once fixed', () => {
    expect(clauseWriters('concept')).toEqual(['procurement']);
    expect(clauseWriters('in_dialogue')).toEqual(['procurement', 'municipality', 'provider']);
    expect(clauseWriters('agreed')).toEqual(['procurement']);
    expect(clauseWriters('fixed')).toEqual([]);
  });
  it.each(clauseStatuses.map((s) => [s]))('in status %s everyone at the table comments unless the clause is fixed', (status) => {
    for (const role of roles) {
      expect(decide(member(role), 'clause.comment', { clauseStatus: status })).toEqual(status === 'fixed' ? { allowed: false, code: 'clause_closed' } : { allowed: true });
      expect(clauseAccess(role, status)).toBe(clauseWriters(status).includes(role) ? 'edit' : status === 'fixed' ? 'read' : 'comment');
    }
  });
  it('gives nothing in a clause to someone without a seat', () => {
    expect(decide(admin, 'clause.edit', { clauseStatus: 'concept' }).allowed).toBe(false);
    expect(decide(admin, 'clause.comment', { clauseStatus: 'concept' }).allowed).toBe(false);
  });
});

describe('decide(): who votes', () => {
  it('lets procurement, municipalities, providers and client representatives vote; never the facilitator or observers', () => {
    expect([...votingGroups].sort()).toEqual(['client', 'municipality', 'procurement', 'provider']);
    for (const role of roles) {
      const votes = votingGroups.includes(role);
      expect(mayVote(role, { eligibleGroups: [] }), role).toBe(votes);
      // Listing a group that never votes does not make it vote.
      expect(mayVote(role, { eligibleGroups: [role] }), role).toBe(votes);
    }
  });
  it('lets only the groups a poll invites vote in it, and says so', () => {
    const poll = { eligibleGroups: ['provider'] as const };
    expect(decide(member('provider'), 'poll.vote', { poll })).toEqual({ allowed: true });
    expect(decide(member('municipality'), 'poll.vote', { poll })).toEqual({ allowed: false, code: 'not_eligible' });
    expect(decide(member('facilitator'), 'poll.vote', { poll })).toEqual({ allowed: false, code: 'forbidden' });
    expect(decide(admin, 'poll.vote', { poll: { eligibleGroups: [] } })).toEqual({ allowed: false, code: 'not_eligible' });
  });
  it('lets only the facilitator record a vote on someone’s behalf, and only in a consultative poll', () => {
    const advice = { eligibleGroups: [], outcomeKind: 'advice' } as const;
    expect(decide(member('facilitator'), 'poll.voteOnBehalf', { poll: advice })).toEqual({ allowed: true });
    for (const outcomeKind of ['proposal', 'decision'] as const) {
      expect(decide(member('facilitator'), 'poll.voteOnBehalf', { poll: { eligibleGroups: [], outcomeKind } })).toEqual({ allowed: false, code: 'not_consultative' });
    }
    for (const role of ['procurement', 'municipality', 'provider', 'client', 'observer', 'intermediair'] as const) {
      expect(decide(member(role), 'poll.voteOnBehalf', { poll: advice }), role).toEqual({ allowed: false, code: 'forbidden' });
    }
  });
});

describe('decide(): anonymity and moderation', () => {
  it('lets only client representatives contribute anonymously and only the facilitator see who wrote it', () => {
    for (const role of roles) {
      expect(allowed(asMember(role), 'comment.anonymous'), role).toBe(role === 'client');
      expect(allowed(asMember(role), 'comment.revealAuthor'), role).toBe(role === 'facilitator');
    }
  });
  it('lets authors resolve their own comments and the procurement team and facilitator every comment', () => {
    for (const role of roles) {
      expect(decide(member(role, 'me'), 'comment.moderate', { authorId: 'me' }).allowed, role).toBe(true);
      expect(decide(member(role, 'me'), 'comment.moderate', { authorId: 'other' }).allowed, role).toBe(role === 'procurement' || role === 'facilitator');
    }
  });
});

describe('decide(): the final seal', () => {
  it('refuses every change of a final agreement to everyone, after the role says yes', () => {
    for (const action of sealedActions) {
      for (const role of roles) {
        const open = decide(member(role), action, { clauseStatus: 'in_dialogue' });
        const sealed = decide(member(role), action, { clauseStatus: 'in_dialogue', agreementFinal: true });
        expect(sealed, `${role} ${action}`).toEqual(open.allowed ? { allowed: false, code: 'agreement_final' } : open);
      }
    }
    // Reading goes on.
    expect(decide(member('municipality'), 'agreement.view', { agreementFinal: true })).toEqual({ allowed: true });
    expect(clauseAccess('procurement', 'concept', true)).toBe('read');
  });
});
