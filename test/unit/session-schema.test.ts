import { describe, expect, it } from 'vitest';
import { createSessionRequest, endBeforeStart, updateSessionRequest } from '../../shared/schemas/sessions';

const planned = { title: 'Sessie', startsAt: '2026-05-01T13:00:00+02:00', declaration: { outcomeKind: 'advice', decidedBy: 'De gemeenteraad' } };

describe('the session schema: the end after the start', () => {
  it('accepts an end after the start, or none', () => {
    expect(createSessionRequest.safeParse({ ...planned, endsAt: '2026-05-01T16:00:00+02:00' }).success).toBe(true);
    expect(createSessionRequest.safeParse(planned).success).toBe(true);
    expect(updateSessionRequest.safeParse({ endsAt: null }).success).toBe(true);
  });
  it.each(['2026-05-01T13:00:00+02:00', '2026-05-01T12:00:00+02:00'])('refuses an end at %s with the message code the client form shows', (endsAt) => {
    for (const schema of [createSessionRequest, updateSessionRequest]) {
      const result = schema.safeParse({ ...planned, endsAt });
      expect(result.success).toBe(false);
      expect(result.error!.issues).toEqual([expect.objectContaining({ path: ['endsAt'], message: endBeforeStart })]);
    }
  });
});
