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
  it('opens the playground to everyone and nothing else to anonymous visitors', () => {
    expect(documentAccess(anonymous, 'playground/x')).toBe('edit');
    expect(documentAccess(anonymous, 'trajectory/1/clause/2')).toBeNull();
    expect(documentAccess(anonymous, 'playground/../x')).toBeNull();
  });
});
