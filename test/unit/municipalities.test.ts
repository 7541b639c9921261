import { describe, expect, it } from 'vitest';
import { municipalityOfOrganisation, participatingMunicipality } from '../../shared/domain/municipalities';

describe('the municipality an organisation speaks for', () => {
  it('is the name after "Gemeente" for an organisation of type municipality', () => {
    expect(municipalityOfOrganisation({ name: 'Gemeente Haarlem', type: 'municipality' })).toBe('Haarlem');
    expect(municipalityOfOrganisation({ name: 'gemeente  Súdwest-Fryslân ', type: 'municipality' })).toBe('Súdwest-Fryslân');
    expect(municipalityOfOrganisation({ name: "Gemeente 's-Hertogenbosch", type: 'municipality' })).toBe("'s-Hertogenbosch");
    expect(municipalityOfOrganisation({ name: 'Zutphen', type: 'municipality' })).toBe('Zutphen');
  });

  it('is nothing for other organisations, or a name that is only "Gemeente"', () => {
    expect(municipalityOfOrganisation({ name: 'Gemeente Haarlem', type: 'provider' })).toBeNull();
    expect(municipalityOfOrganisation({ name: 'Inkoopbureau Jeugdhulp IJmond', type: 'procurement_office' })).toBeNull();
    expect(municipalityOfOrganisation({ name: 'Gemeente ', type: 'municipality' })).toBeNull();
  });

  it('counts only when the municipality takes part in the trajectory, as the trajectory spells it', () => {
    const municipalities = ['Apeldoorn', 'Zutphen'];
    expect(participatingMunicipality({ name: 'Gemeente Zutphen', type: 'municipality' }, municipalities)).toBe('Zutphen');
    expect(participatingMunicipality({ name: 'Gemeente zutphen', type: 'municipality' }, municipalities)).toBe('Zutphen');
    expect(participatingMunicipality({ name: 'Gemeente Haarlem', type: 'municipality' }, municipalities)).toBeNull();
    expect(participatingMunicipality({ name: 'Gemeente Zutphen', type: 'client_representation' }, municipalities)).toBeNull();
  });
});
