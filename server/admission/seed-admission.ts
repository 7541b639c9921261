import { Types } from 'mongoose';
import { deadlineAfter, type ApplicantKind } from '../../shared/domain/admission';
import type { AuditDraft } from '../audit/audit-log';
import type { Services } from '../services';
import type { ApplicationRecord } from './admission-models';
import { defaultSettings, entryOf, writeBook } from './admission-book';
import { currentSealedVersion } from './sealed-version';
import { newSecret } from './secret-link';

interface DemoProvider {
  name: string;
  kvk: string;
  kind: ApplicantKind;
  city: string;
  perceelen: string[];
  /** Municipalities it acceded for; empty: every one of the trajectory. */
  municipalities?: string[];
}

/** Invented providers and KvK numbers (the demo names no real organisation's number). */
const admitted: DemoProvider[] = [
  { name: 'Stichting Jeugdhulp IJsselvallei', kvk: '41234567', kind: 'institution', city: 'Zutphen', perceelen: ['P1', 'P3'] },
  { name: 'Praktijk Bosrand (vrijgevestigd psycholoog)', kvk: '72345678', kind: 'independent', city: 'Lochem', perceelen: ['P2'], municipalities: ['Lochem', 'Zutphen', 'Brummen'] },
  { name: 'Coöperatie Zorgondernemers Jeugd Oost-Veluwe', kvk: '69345120', kind: 'cooperative', city: 'Apeldoorn', perceelen: ['P1', 'P2'] },
  { name: 'Jeugd-GGZ Apeldoorn', kvk: '58123409', kind: 'institution', city: 'Apeldoorn', perceelen: ['P2'] },
  { name: 'Gezinshuis De Veluwezoom', kvk: '80211345', kind: 'independent', city: 'Brummen', perceelen: ['P3'], municipalities: ['Brummen', 'Voorst'] },
  { name: 'Ambulante Begeleiding Epe', kvk: '64510987', kind: 'institution', city: 'Epe', perceelen: ['P1'] },
  { name: 'Praktijk voor Kind en Gezin Hattem', kvk: '77120456', kind: 'independent', city: 'Hattem', perceelen: ['P1', 'P2'], municipalities: ['Hattem', 'Heerde', 'Epe'] },
  { name: 'Stichting Kleinschalig Wonen Jeugd', kvk: '51876234', kind: 'institution', city: 'Voorst', perceelen: ['P3'] },
  { name: 'Zorgbemiddeling Oost-Nederland', kvk: '83456712', kind: 'intermediary', city: 'Deventer', perceelen: ['P1'] },
  { name: 'Dyslexiezorg Midden-IJssel', kvk: '60983451', kind: 'institution', city: 'Zutphen', perceelen: ['P2'] },
  { name: 'Orthopedagogenpraktijk Heerde', kvk: '75643218', kind: 'independent', city: 'Heerde', perceelen: ['P1'], municipalities: ['Heerde', 'Hattem'] },
  { name: 'Coöperatie Vrijgevestigde Jeugdprofessionals Apeldoorn', kvk: '79012384', kind: 'cooperative', city: 'Apeldoorn', perceelen: ['P1', 'P2'] },
];

const inReview: Array<DemoProvider & { question?: string }> = [
  { name: 'Praktijk De Berkel (systeemtherapie)', kvk: '86234591', kind: 'independent', city: 'Lochem', perceelen: ['P2'] },
  {
    name: 'Jeugdzorg Groen en Buiten',
    kvk: '84123765',
    kind: 'institution',
    city: 'Epe',
    perceelen: ['P1', 'P3'],
    question: 'Wilt u het bewijs van registratie in het Kwaliteitsregister Jeugd (SKJ) van uw gedragswetenschapper meesturen?',
  },
];

const dayMs = 86_400_000;

/**
 * The Open House demo's running contract: 12 providers admitted and acceded (in the public
 * register), and 2 applications in review, one with a question back. Each step has its audit event.
 * Accession names the current sealed version; while the demo's agreement has no seal yet, "1.0".
 */
export async function seedDemoAdmission(services: Services, trajectoryId: string, municipalities: readonly string[], log: (d: Omit<AuditDraft, 'actorId'>) => Promise<unknown>): Promise<void> {
  const { models } = services;
  const settings = defaultSettings();
  const sealed = await currentSealedVersion(models, trajectoryId);
  const declarations = settings.declarations.map((d) => d.id);
  const contractStart = new Date('2026-01-01T09:00:00Z');
  const applications: ApplicationRecord[] = [];
  const base = (p: DemoProvider, number: number, submittedAt: Date): ApplicationRecord => ({
    _id: new Types.ObjectId(),
    trajectoryId: new Types.ObjectId(trajectoryId),
    number,
    status: 'submitted',
    organisation: { name: p.name, kvk: p.kvk, kind: p.kind, address: 'Voorbeeldstraat 1', postcode: '7201 AA', city: p.city },
    contact: { name: 'Contactpersoon', email: `aanmelding+${p.kvk}@dialoogtafel.example`, phone: null },
    perceelen: p.perceelen,
    declarations,
    motivation: '',
    submittedAt,
    reviewDeadline: deadlineAfter(submittedAt, settings.reviewWeeks),
    accessionDeadline: null,
    openQuestion: null,
    refusalReason: null,
    accession: null,
    history: [{ step: 'apply', status: 'submitted', at: submittedAt, text: null }],
    // Nobody holds the demo's links: a secret that was never given out.
    secretHash: newSecret().hash,
  });
  for (const [i, p] of admitted.entries()) {
    const submittedAt = new Date(contractStart.getTime() - (120 - i * 3) * dayMs);
    const completeAt = new Date(submittedAt.getTime() + 10 * dayMs);
    const admitAt = new Date(submittedAt.getTime() + 30 * dayMs);
    const signedAt = new Date(admitAt.getTime() + 7 * dayMs);
    const a = base(p, i + 1, submittedAt);
    a.status = 'contracted';
    a.accessionDeadline = deadlineAfter(admitAt, settings.accessionWeeks);
    a.accession = { signerName: 'Bestuurder', signerFunction: 'Bestuurder', municipalities: p.municipalities ?? [...municipalities], agreementVersion: sealed?.version ?? '1.0', sealHash: sealed?.sealHash ?? null, signedAt };
    a.history.push({ step: 'markComplete', status: 'complete', at: completeAt, text: null }, { step: 'admit', status: 'admitted', at: admitAt, text: null }, { step: 'accede', status: 'contracted', at: signedAt, text: null });
    applications.push(a);
  }
  for (const [i, p] of inReview.entries()) {
    const submittedAt = new Date(Date.now() - (20 - i * 8) * dayMs);
    const a = base(p, admitted.length + i + 1, submittedAt);
    if (p.question) {
      a.status = 'incomplete';
      a.openQuestion = p.question;
      a.history.push({ step: 'askQuestion', status: 'incomplete', at: new Date(submittedAt.getTime() + 3 * dayMs), text: p.question });
    }
    applications.push(a);
  }
  for (const a of applications) {
    await models.admissionApplications.create(a);
    for (const h of a.history) {
      await log({ chain: trajectoryId, action: h.step === 'apply' ? 'admission.apply' : `admission.${h.step}`, objectType: 'admission_application', objectId: String(a._id), summary: { number: a.number, status: h.status, demo: true } });
    }
  }
  await writeBook(models, { _id: new Types.ObjectId(trajectoryId), settings, entries: applications.map(entryOf) });
}
