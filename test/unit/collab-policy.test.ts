import { describe, expect, it } from 'vitest';
import { isValidDocumentName } from '../../shared/domain/collab';
import { anonymous } from '../../server/policies/actor';
import { documentAccess } from '../../server/policies/collab-policy';

describe('collaboration document names and access', () => {
  it.each(['playground/a', 'trajectory/6b03fa00/clause/6b03fa01', 'a.b_c:d-e'])('accepts %s', (name) => {
    expect(isValidDocumentName(name)).toBe(true);
  });
  it.each(['', '/a', 'a/', 'a//b', '../etc', 'a b', 'ä', 'x'.repeat(201)])('refuses %j', (name) => {
    expect(isValidDocumentName(name)).toBe(false);
  });
  it('opens the playground only in the test suite, only to signed-in people, and nothing else to anonymous visitors', () => {
    const signedIn = { kind: 'user', userId: 'u', name: 'U', email: 'u@x', platformAdmin: false, sessionId: 's' } as const;
    expect(documentAccess(signedIn, 'playground/x', null, true)).toBe('edit');
    expect(documentAccess(signedIn, 'playground/x')).toBeNull();
    expect(documentAccess(anonymous, 'playground/x', null, true)).toBeNull();
    expect(documentAccess(anonymous, 'playground/x')).toBeNull();
    expect(documentAccess(anonymous, 'trajectory/1/clause/2')).toBeNull();
    expect(documentAccess(anonymous, 'playground/../x')).toBeNull();
  });
});

describe('access to a clause document', () => {
  const name = 'trajectory/6b03fa006b03fa006b03fa00/clause/6b03fa016b03fa016b03fa01';
  const user = { kind: 'user', userId: 'u', name: 'U', email: 'u@x', platformAdmin: false, sessionId: 's' } as const;
  const admin = { ...user, platformAdmin: true } as const;

  it('gives nothing to anonymous visitors, to people without a seat and for a clause that does not exist', () => {
    expect(documentAccess(anonymous, name, { role: 'procurement', status: 'in_dialogue' })).toBeNull();
    expect(documentAccess(user, name, { role: null, status: 'in_dialogue' })).toBeNull();
    expect(documentAccess(user, name, { role: 'procurement', status: null })).toBeNull();
    expect(documentAccess(user, name)).toBeNull();
    expect(documentAccess(user, 'trajectory/x/clause/y', { role: 'procurement', status: 'in_dialogue' })).toBeNull();
  });

  it.each([
    ['concept', { procurement: 'edit', municipality: 'comment', provider: 'comment', client: 'comment', facilitator: 'comment', observer: 'comment' }],
    ['in_dialogue', { procurement: 'edit', municipality: 'edit', provider: 'edit', client: 'comment', facilitator: 'comment', observer: 'comment' }],
    ['agreed', { procurement: 'edit', municipality: 'comment', provider: 'comment', client: 'comment', facilitator: 'comment', observer: 'comment' }],
    ['fixed', { procurement: 'read', municipality: 'read', provider: 'read', client: 'read', facilitator: 'read', observer: 'read' }],
  ] as const)('in status %s each role gets what the table says', (status, expected) => {
    for (const [role, access] of Object.entries(expected)) {
      expect(documentAccess(user, name, { role: role as keyof typeof expected, status }), `${role} in ${status}`).toBe(access);
      expect(documentAccess(user, `${name}/variant/6b03fa026b03fa026b03fa02`, { role: role as keyof typeof expected, status })).toBe(access);
    }
  });

  it('lets a platform administrator without a seat read, never write', () => {
    expect(documentAccess(admin, name, { role: null, status: 'in_dialogue' })).toBe('read');
  });
});
