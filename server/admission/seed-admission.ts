import { deadlineAfter, type ApplicantKind } from '../../shared/domain/admission';
import type { ReviewRequest } from '../../shared/schemas/admission';
import type { OperationContext } from '../commands/operation';
import { anonymous } from '../policies/actor';
import type { Services } from '../services';
import type { ApplicationRecord } from './admission-models';
import { entryOf, readBook, saveApplication, writeBook } from './admission-book';
import { accede, apply } from './public-operations';
import { reviewApplication } from './review-operations';
import { currentSealedVersion } from './sealed-version';

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
 * register), and 2 applications in review, one with a question back. Each provider applies through
 * the public form (no account, so its events name no person), the procurement team reviews, and
 * the admitted provider accedes through its secret link to the current sealed version.
 *
 * Without a sealed version (DEMO_CONTRACT=0, the tests' default, which leave the agreement to be
 * assembled) no operation lets a provider accede. The demo still shows a running contract there:
 * the accession to "1.0" is then written directly, with no audit event (the chain shows these
 * applications admitted, and nothing it did not see).
 */
export async function seedDemoAdmission(
  services: Services,
  t: { trajectoryId: string; municipalities: readonly string[]; procurement: OperationContext },
  /** Settles once the definitive agreement stands as the demo shows it (sealed or not). */
  agreementSettled: Promise<unknown>,
): Promise<void> {
  const { trajectoryId, municipalities, procurement } = t;
  const { models } = services;
  const applicant: OperationContext = { services, actor: anonymous };
  const { settings } = await readBook(models, trajectoryId);
  const declarations = settings.declarations.map((d) => d.id);
  const contractStart = new Date('2026-01-01T09:00:00Z');
  const applyFor = async (p: DemoProvider) => {
    const { token } = await apply(applicant, {
      params: { openHouseId: trajectoryId },
      body: {
        organisation: { name: p.name, kvk: p.kvk, kind: p.kind, address: 'Voorbeeldstraat 1', postcode: '7201 AA', city: p.city },
        contact: { name: 'Contactpersoon', email: `aanmelding+${p.kvk}@dialoogtafel.example`},
        perceelen: p.perceelen,
        declarations,
        motivation: '',
      },
    });
    return { token, applicationId: token.split('.')[0]! };
  };
  const review = (applicationId: string, step: ReviewRequest) => reviewApplication(procurement, { params: { trajectoryId, applicationId }, body: step });

  // Applied one after another (their numbers follow the list), reviewed side by side.
  const applied = [];
  for (const p of [...admitted, ...inReview]) applied.push(await applyFor(p));
  const admittedIds = applied.slice(0, admitted.length);
  await Promise.all(
    applied.map(async ({ applicationId }, i) => {
      const question = inReview[i - admitted.length]?.question;
      if (i < admitted.length) {
        await review(applicationId, { step: 'markComplete' });
        await review(applicationId, { step: 'admit' });
      } else if (question) await review(applicationId, { step: 'askQuestion', question });
    }),
  );
  // The admitted accede to the definitive agreement once it stands (and is sealed, when the demo seals it).
  await agreementSettled;
  const sealed = await currentSealedVersion(models, trajectoryId);
  await Promise.all(
    admitted.map(async (p, i) => {
      const { token, applicationId } = admittedIds[i]!;
      const accession = { signerName: 'Bestuurder', signerFunction: 'Bestuurder', municipalities: p.municipalities ?? [...municipalities] };
      if (sealed) await accede(applicant, { params: { token }, body: { ...accession, accept: true } });
      else await accedeWithoutSeal(services, applicationId, accession);
    }),
  );

  const history: Array<{ applicationId: string; submittedAt: Date; steps: Date[] }> = [];
  for (const [i] of admitted.entries()) {
    const submittedAt = new Date(contractStart.getTime() - (120 - i * 3) * dayMs);
    const admitAt = new Date(submittedAt.getTime() + 30 * dayMs);
    history.push({ applicationId: admittedIds[i]!.applicationId, submittedAt, steps: [new Date(submittedAt.getTime() + 10 * dayMs), admitAt, new Date(admitAt.getTime() + 7 * dayMs)] });
  }
  for (const [i] of inReview.entries()) {
    const submittedAt = new Date(Date.now() - (20 - i * 8) * dayMs);
    history.push({ applicationId: applied[admitted.length + i]!.applicationId, submittedAt, steps: [new Date(submittedAt.getTime() + 3 * dayMs)] });
  }
  await backdateApplications(services, trajectoryId, settings, history);
}

async function accedeWithoutSeal(services: Services, applicationId: string, accession: { signerName: string; signerFunction: string; municipalities: string[] }): Promise<void> {
  const application = (await services.models.admissionApplications.findById(applicationId).lean())!;
  const now = new Date();
  await saveApplication(services.models, {
    ...application,
    status: 'contracted',
    accession: { ...accession, agreementVersion: '1.0', sealHash: null, signedAt: now },
    history: [...application.history, { step: 'accede', status: 'contracted', at: now, text: null }],
  });
}

/**
 * The operations record the moment they run (none takes a clock): the history's dates (applied
 * months before the contract started, reviewed and acceded in the weeks after) are set afterwards,
 * with the deadlines that follow from them. They are in no audit event's hash.
 */
async function backdateApplications(
  services: Services,
  trajectoryId: string,
  settings: Awaited<ReturnType<typeof readBook>>['settings'],
  history: Array<{ applicationId: string; submittedAt: Date; steps: Date[] }>,
): Promise<void> {
  const { models } = services;
  const applications: ApplicationRecord[] = [];
  for (const h of history) {
    const a = (await models.admissionApplications.findById(h.applicationId).lean())!;
    const at = [h.submittedAt, ...h.steps];
    const admitted = a.history.findIndex((x) => x.step === 'admit');
    const next: ApplicationRecord = {
      ...a,
      submittedAt: h.submittedAt,
      reviewDeadline: deadlineAfter(h.submittedAt, settings.reviewWeeks),
      accessionDeadline: admitted >= 0 ? deadlineAfter(at[admitted]!, settings.accessionWeeks) : a.accessionDeadline,
      history: a.history.map((x, i) => ({ ...x, at: at[i] ?? x.at })),
      accession: a.accession ? { ...a.accession, signedAt: at[a.history.findIndex((x) => x.step === 'accede')] ?? a.accession.signedAt } : null,
    };
    const { _id, ...fields } = next;
    await models.admissionApplications.updateOne({ _id }, { $set: fields });
    applications.push(next);
  }
  const book = await readBook(models, trajectoryId);
  const byId = new Map(applications.map((a) => [String(a._id), entryOf(a)]));
  await writeBook(models, { ...book, entries: book.entries.map((e) => byId.get(String(e.applicationId)) ?? e) });
}
