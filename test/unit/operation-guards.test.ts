import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { defineTrajectoryOperation } from '../../server/commands/operation';

const spec = { params: z.object({ trajectoryId: z.string() }), body: z.object({}), run: async () => ({ result: null }) };

describe('guards and locks declared in an operation', () => {
  it('accepts the seal guard with the agreement lock on an action the seal covers', () => {
    expect(() => defineTrajectoryOperation({ ...spec, name: 'x', action: 'comment.create', locks: ['agreement'], guards: ['agreementOpen'] })).not.toThrow();
  });
  it('refuses, at definition, the seal guard without the lock that makes it hold', () => {
    expect(() => defineTrajectoryOperation({ ...spec, name: 'x', action: 'comment.create', guards: ['agreementOpen'] })).toThrow(/needs locks: \['agreement'\]/);
  });
  it('refuses, at definition, the seal guard on an action the policy does not seal', () => {
    expect(() => defineTrajectoryOperation({ ...spec, name: 'x', action: 'topic.propose', locks: ['agreement'], guards: ['agreementOpen'] })).toThrow(/sealedActions/);
  });
});
