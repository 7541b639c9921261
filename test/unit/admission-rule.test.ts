import { describe, expect, it } from 'vitest';
import { admissionSteps, applicationStatuses, csvCell, decideAdmissionStep, normaliseKvk, stepsOpenTo } from '../../shared/domain/admission';

describe('the admission rule (shared/domain/admission.ts)', () => {
  it('opens each step to one party, from the statuses it names', () => {
    expect(stepsOpenTo('submitted', 'procurement')).toEqual(['markComplete', 'askQuestion', 'refuse']);
    expect(stepsOpenTo('incomplete', 'procurement')).toEqual(['refuse']);
    expect(stepsOpenTo('incomplete', 'applicant')).toEqual(['answer']);
    expect(stepsOpenTo('complete', 'procurement')).toEqual(['askQuestion', 'admit', 'refuse']);
    expect(stepsOpenTo('admitted', 'applicant')).toEqual(['accede']);
    for (const done of ['refused', 'contracted'] as const) {
      expect(stepsOpenTo(done, 'procurement')).toEqual([]);
      expect(stepsOpenTo(done, 'applicant')).toEqual([]);
    }
  });

  it('says why a step is refused: the wrong party, or the wrong status', () => {
    expect(decideAdmissionStep('complete', 'admit', 'applicant')).toEqual({ allowed: false, code: 'forbidden' });
    expect(decideAdmissionStep('submitted', 'admit', 'procurement')).toEqual({ allowed: false, code: 'wrong_status' });
    expect(decideAdmissionStep('admitted', 'accede', 'applicant')).toEqual({ allowed: true, to: 'contracted' });
    for (const status of applicationStatuses) for (const step of admissionSteps) expect(['forbidden', 'wrong_status', undefined]).toContain((decideAdmissionStep(status, step, 'procurement') as { code?: string }).code);
  });

  it('takes a KvK number of 8 digits, with the spaces and dots people type', () => {
    expect(normaliseKvk('1234 5678')).toBe('12345678');
    expect(normaliseKvk('12.34.56.78')).toBe('12345678');
    for (const bad of ['1234567', '123456789', '1234567a', '00000000', '']) expect(normaliseKvk(bad)).toBeNull();
  });

  it('quotes every CSV cell and defuses what a spreadsheet would run', () => {
    expect(csvCell('Praktijk "De Linde"')).toBe('"Praktijk ""De Linde"""');
    for (const start of ['=', '+', '-', '@', '\t', '\r']) expect(csvCell(`${start}SUM(A1)`)).toBe(`"'${start}SUM(A1)"`);
  });
});
