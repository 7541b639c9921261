import { describe, expect, it } from 'vitest';
import { consultationPhase } from '../../shared/domain/consultation';

describe('consultationPhase', () => {
  it('is open through the whole closing day and closed from the next day', () => {
    expect(consultationPhase('open', '2026-12-07', '2026-12-06')).toBe('open');
    expect(consultationPhase('open', '2026-12-07', '2026-12-07')).toBe('open');
    expect(consultationPhase('open', '2026-12-07', '2026-12-08')).toBe('closed');
  });

  it('follows what the team set: closed early or published, whatever the date', () => {
    expect(consultationPhase('closed', '2099-01-01', '2026-12-01')).toBe('closed');
    expect(consultationPhase('published', '2099-01-01', '2026-12-01')).toBe('published');
    expect(consultationPhase('published', '2020-01-01', '2026-12-01')).toBe('published');
  });
});
