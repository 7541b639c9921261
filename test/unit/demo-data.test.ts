import { describe, expect, it } from 'vitest';
import { demoData, demoPassword, type DemoTrajectory } from '../../server/demo/demo-data';
import { organisationTypesByRole, roles, type OrganisationType, type Role } from '../../shared/domain/roles';
import { email, longText, password, personName, title } from '../../shared/schemas/common';
import { topicStatuses } from '../../shared/schemas/topics';
import { milestoneInput, phaseInput, procurementModels } from '../../shared/schemas/trajectories';

/** The 20 dialogue topics of the IJmond/Zuid-Kennemerland strategy, as listed in the domain brief. */
const ijmondTopicTitles = [
  'Zorgcontinuïteit',
  '18- / 18+',
  'Dichtbij in de leefwereld',
  'Bekostiging en budgetplafond',
  'Acceptatieplicht',
  'Zorginnovatie',
  'Samenwerking formele en informele zorg',
  'Samenwerking met verwijzers',
  'Wachtlijstproblematiek',
  'Specifieke doelgroepen',
  'Kleine, lokale en vrijgevestigde praktijken',
  'Keuzevrijheid',
  'Contractuele voorwaarden',
  'De (verschillen in) de toegang per gemeente',
  'Crisis en beschikbaarheid bedden',
  'Naschoolse opvang normalisatie',
  'Afspraken over marges',
  'Onderaannemers',
  "Kwaliteitsafspraken / KPI's",
  'Zorg en onderwijs breed',
];

const accountByRole: Record<Role, string> = {
  procurement: 'inkoop@dialoogtafel.example',
  municipality: 'gemeente@dialoogtafel.example',
  provider: 'aanbieder@dialoogtafel.example',
  client: 'client@dialoogtafel.example',
  facilitator: 'facilitator@dialoogtafel.example',
  observer: 'observer@dialoogtafel.example',
  intermediair: 'intermediair@dialoogtafel.example',
};

/** Stricter than organisationTypesByRole where a role speaks for one kind of organisation. */
const requiredOrganisationType: Partial<Record<Role, OrganisationType>> = {
  municipality: 'municipality',
  provider: 'provider',
  client: 'client_representation',
};

const today = '2026-11-23';

const { regions, organisations, people, trajectories } = demoData;
const personByKey = new Map(people.map((p) => [p.key, p]));
const personByEmail = new Map(people.map((p) => [p.email, p]));
const organisationByKey = new Map(organisations.map((o) => [o.key, o]));
const regionByKey = new Map(regions.map((r) => [r.key, r]));

function trajectoryOfRegion(regionName: string): DemoTrajectory {
  const region = regions.find((r) => r.name.includes(regionName));
  const found = trajectories.filter((t) => t.region === region?.key);
  expect(found).toHaveLength(1);
  return found[0]!;
}
const ijmond = () => trajectoryOfRegion('IJmond');
const middenIJssel = () => trajectoryOfRegion('Midden-IJssel');

function membershipsOf(personKey: string) {
  return trajectories.flatMap((t) => t.members.filter((m) => m.person === personKey).map((m) => ({ trajectory: t, member: m })));
}

function isValidIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}

function expectUnique(values: string[]) {
  expect(new Set(values).size).toBe(values.length);
}

describe('demo data: regions and trajectories', () => {
  it('has the two real regions with 7 and 8 municipalities', () => {
    expect(regions).toHaveLength(2);
    expectUnique(regions.map((r) => r.key));
    expect(regions.map((r) => r.municipalities.length).sort()).toEqual([7, 8]);
    const ijmondRegion = regionByKey.get(ijmond().region)!;
    expect([...ijmondRegion.municipalities].sort()).toEqual(
      ['Beverwijk', 'Bloemendaal', 'Haarlem', 'Heemskerk', 'Heemstede', 'Velsen', 'Zandvoort'],
    );
    const mijRegion = regionByKey.get(middenIJssel().region)!;
    expect([...mijRegion.municipalities].sort()).toEqual(
      ['Apeldoorn', 'Brummen', 'Epe', 'Hattem', 'Heerde', 'Lochem', 'Voorst', 'Zutphen'],
    );
    for (const r of regions) expectUnique(r.municipalities);
  });

  it('has one trajectory per region, with the right model', () => {
    expect(trajectories).toHaveLength(2);
    expectUnique(trajectories.map((t) => t.key));
    expect(ijmond().model).toBe('dialogue_tender');
    expect(middenIJssel().model).toBe('open_house');
    for (const t of trajectories) {
      expect(procurementModels).toContain(t.model);
      expect(title.safeParse(t.name).success).toBe(true);
      expect(longText.safeParse(t.description).success).toBe(true);
      expect(t.description.trim().length).toBeGreaterThan(0);
    }
  });

  it('uses only municipalities of the trajectory region', () => {
    for (const t of trajectories) {
      const region = regionByKey.get(t.region);
      expect(region, `region ${t.region}`).toBeDefined();
      expect(t.municipalities.length).toBeGreaterThan(0);
      expectUnique(t.municipalities);
      for (const m of t.municipalities) expect(region!.municipalities).toContain(m);
    }
    expect(ijmond().municipalities).toHaveLength(7);
    expect(middenIJssel().municipalities).toHaveLength(8);
  });

  it('has valid phases with exactly one active phase', () => {
    for (const t of trajectories) {
      expect(t.phases.length).toBeGreaterThan(0);
      for (const p of t.phases) expect(phaseInput.safeParse(p).success, JSON.stringify(p)).toBe(true);
      expect(t.phases.filter((p) => p.status === 'active')).toHaveLength(1);
      // Phases run in order: done ... active ... planned.
      const rank = { done: 0, active: 1, planned: 2 } as const;
      const ranks = t.phases.map((p) => rank[p.status]);
      expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    }
    expect(ijmond().phases.find((p) => p.status === 'active')!.name).toMatch(/dialoog/i);
  });

  it('has valid YYYY-MM-DD milestone dates, sorted by date', () => {
    for (const t of trajectories) {
      expect(t.milestones.length).toBeGreaterThan(0);
      for (const m of t.milestones) {
        expect(isValidIsoDate(m.date), `${t.key}: ${m.date}`).toBe(true);
        expect(milestoneInput.safeParse(m).success, JSON.stringify(m)).toBe(true);
      }
      const dates = t.milestones.map((m) => m.date);
      expect(dates).toEqual([...dates].sort());
    }
  });

  it('is in a plausible state on 2026-11-23', () => {
    const date = (t: DemoTrajectory, kind: string) => t.milestones.find((m) => m.kind === kind)?.date;
    // IJmond/Zuid-Kennemerland: in the middle of its dialogue.
    expect(date(ijmond(), 'dialogue_start')! <= today).toBe(true);
    expect(date(ijmond(), 'dialogue_end')! > today).toBe(true);
    expect(date(ijmond(), 'contract_start')! > today).toBe(true);
    // Midden-IJssel/Oost-Veluwe: contract in force since 1 January 2026.
    expect(date(middenIJssel(), 'contract_start')).toBe('2026-01-01');
  });
});

describe('demo data: topics', () => {
  it('lists the 20 IJmond/Zuid-Kennemerland topics exactly and in order', () => {
    expect(ijmond().topics.map((t) => t.title)).toEqual(ijmondTopicTitles);
  });

  it('gives Midden-IJssel/Oost-Veluwe about 8 to 10 topics', () => {
    const count = middenIJssel().topics.length;
    expect(count).toBeGreaterThanOrEqual(8);
    expect(count).toBeLessThanOrEqual(10);
  });

  it('has a description, a valid status and a proposer who sits at the table', () => {
    for (const t of trajectories) {
      expectUnique(t.topics.map((topic) => topic.title));
      for (const topic of t.topics) {
        expect(title.safeParse(topic.title).success).toBe(true);
        expect(topic.description.trim().length, topic.title).toBeGreaterThan(0);
        expect(longText.safeParse(topic.description).success).toBe(true);
        expect(topicStatuses).toContain(topic.status);
        // There is no reason field, so no topic starts out declined.
        expect(topic.status).not.toBe('declined');
        if (topic.status === 'proposed') expect(topic.proposedBy, topic.title).toBeDefined();
        if (topic.proposedBy !== undefined) {
          const member = t.members.find((m) => m.person === topic.proposedBy);
          expect(member, `${topic.title}: proposer is a member`).toBeDefined();
          expect(['provider', 'client']).toContain(member!.role);
        }
      }
      // Most topics are accepted.
      const accepted = t.topics.filter((topic) => topic.status === 'accepted').length;
      expect(accepted * 2).toBeGreaterThan(t.topics.length);
    }
    const proposed = trajectories.flatMap((t) => t.topics.filter((topic) => topic.status === 'proposed'));
    expect(proposed.length).toBeGreaterThanOrEqual(1);
  });
});

describe('demo data: organisations, people and members', () => {
  it('has unique, valid organisations', () => {
    expectUnique(organisations.map((o) => o.key));
    expectUnique(organisations.map((o) => o.name));
    for (const o of organisations) {
      expect(title.safeParse(o.name).success).toBe(true);
      // A provider kind exactly for providers.
      expect(o.providerKind !== undefined, o.name).toBe(o.type === 'provider');
    }
    const kinds = new Set(organisations.map((o) => o.providerKind).filter(Boolean));
    expect([...kinds].sort()).toEqual(['cooperative', 'independent', 'institution', 'intermediary']);
  });

  it('has unique people with valid names and e-mails at dialoogtafel.example', () => {
    expectUnique(people.map((p) => p.key));
    expectUnique(people.map((p) => p.email));
    for (const p of people) {
      expect(personName.safeParse(p.name).success).toBe(true);
      const parsed = email.safeParse(p.email);
      expect(parsed.success, p.email).toBe(true);
      expect(parsed.data).toBe(p.email);
      expect(p.email.endsWith('@dialoogtafel.example')).toBe(true);
    }
    expect(password.safeParse(demoPassword).success).toBe(true);
  });

  it('only references existing people and organisations', () => {
    for (const t of trajectories) {
      for (const m of t.members) {
        expect(personByKey.has(m.person), `${t.key}: person ${m.person}`).toBe(true);
        expect(organisationByKey.has(m.organisation), `${t.key}: organisation ${m.organisation}`).toBe(true);
        expect(roles).toContain(m.role);
      }
    }
  });

  it('lists each person at most once per trajectory', () => {
    for (const t of trajectories) expectUnique(t.members.map((m) => m.person));
  });

  it('fits each role to its organisation type', () => {
    for (const t of trajectories) {
      for (const m of t.members) {
        const organisation = organisationByKey.get(m.organisation)!;
        expect(organisationTypesByRole[m.role], `${m.person} as ${m.role} for ${organisation.name}`).toContain(organisation.type);
        const required = requiredOrganisationType[m.role];
        if (required) expect(organisation.type, `${m.person} as ${m.role}`).toBe(required);
      }
    }
  });

  it('has every demo account with its role', () => {
    for (const role of roles) {
      const person = personByEmail.get(accountByRole[role]);
      expect(person, accountByRole[role]).toBeDefined();
      const memberships = membershipsOf(person!.key);
      expect(memberships.length, accountByRole[role]).toBeGreaterThan(0);
      for (const { member } of memberships) expect(member.role).toBe(role);
      expect(person!.platformAdmin ?? false).toBe(false);
    }
  });

  it('puts the procurement account in both trajectories, for the region procurement office', () => {
    const memberships = membershipsOf(personByEmail.get(accountByRole.procurement)!.key);
    expect(memberships.map((x) => x.trajectory.key).sort()).toEqual(trajectories.map((t) => t.key).sort());
    const offices = new Set<string>();
    for (const { member } of memberships) {
      expect(organisationByKey.get(member.organisation)!.type).toBe('procurement_office');
      offices.add(member.organisation);
    }
    expect(offices.size).toBe(2);
  });

  it('puts the provider account in IJmond/Zuid-Kennemerland only', () => {
    const memberships = membershipsOf(personByEmail.get(accountByRole.provider)!.key);
    expect(memberships).toHaveLength(1);
    expect(memberships[0]!.trajectory.key).toBe(ijmond().key);
  });

  it('puts the municipality and facilitator accounts in IJmond/Zuid-Kennemerland', () => {
    for (const role of ['municipality', 'facilitator'] as const) {
      const memberships = membershipsOf(personByEmail.get(accountByRole[role])!.key);
      expect(memberships.map((x) => x.trajectory.key)).toContain(ijmond().key);
    }
  });

  it('has one platform administrator who is a member of nothing', () => {
    const admins = people.filter((p) => p.platformAdmin);
    expect(admins).toHaveLength(1);
    expect(admins[0]!.email).toBe('admin@dialoogtafel.example');
    expect(membershipsOf(admins[0]!.key)).toHaveLength(0);
  });

  it('seats every role at the IJmond/Zuid-Kennemerland table', () => {
    expect(new Set(ijmond().members.map((m) => m.role))).toEqual(new Set(roles));
    for (const t of trajectories) expect(t.members.some((m) => m.role === 'procurement')).toBe(true);
  });
});
