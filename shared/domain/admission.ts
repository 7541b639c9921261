/**
 * Admission under Open House (toetreding): the one rule for an application's steps, asked by the
 * server before every step and by the client before it offers one. Pure: no I/O, no clock.
 *
 *   submitted ──markComplete──▶ complete ──admit──▶ admitted ──accede──▶ contracted
 *      │  ▲                        │
 *      │  └──answer── incomplete ◀─┘ askQuestion (also from submitted)
 *      └──────── refuse (from submitted, incomplete, complete) ──▶ refused
 */
export const applicationStatuses = ['submitted', 'incomplete', 'complete', 'admitted', 'refused', 'contracted'] as const;
export type ApplicationStatus = (typeof applicationStatuses)[number];

export const admissionSteps = ['markComplete', 'askQuestion', 'answer', 'admit', 'refuse', 'accede'] as const;
export type AdmissionStep = (typeof admissionSteps)[number];

/** Who takes a step: the procurement team reviewing, or the applicant through their secret link. */
export type AdmissionParty = 'procurement' | 'applicant';

const transitions: Record<AdmissionStep, { by: AdmissionParty; from: readonly ApplicationStatus[]; to: ApplicationStatus }> = {
  markComplete: { by: 'procurement', from: ['submitted'], to: 'complete' },
  askQuestion: { by: 'procurement', from: ['submitted', 'complete'], to: 'incomplete' },
  answer: { by: 'applicant', from: ['incomplete'], to: 'submitted' },
  admit: { by: 'procurement', from: ['complete'], to: 'admitted' },
  refuse: { by: 'procurement', from: ['submitted', 'incomplete', 'complete'], to: 'refused' },
  accede: { by: 'applicant', from: ['admitted'], to: 'contracted' },
};

export type AdmissionDecision = { allowed: true; to: ApplicationStatus } | { allowed: false; code: 'forbidden' | 'wrong_status' };

/** May `by` take `step` on an application in `status`? A denial says why. */
export function decideAdmissionStep(status: ApplicationStatus, step: AdmissionStep, by: AdmissionParty): AdmissionDecision {
  const rule = transitions[step];
  if (rule.by !== by) return { allowed: false, code: 'forbidden' };
  if (!rule.from.includes(status)) return { allowed: false, code: 'wrong_status' };
  return { allowed: true, to: rule.to };
}

/** The steps open to `by` now: what the review screen and the applicant's page offer. */
export const stepsOpenTo = (status: ApplicationStatus, by: AdmissionParty): AdmissionStep[] => admissionSteps.filter((step) => decideAdmissionStep(status, step, by).allowed);

/** The applicant adds documents while the application waits for review or for their answer. */
export const applicantMayAttach = (status: ApplicationStatus): boolean => status === 'submitted' || status === 'incomplete';

/** Statuses still under review: counted as "in behandeling". */
export const inReview: readonly ApplicationStatus[] = ['submitted', 'incomplete', 'complete'];

/**
 * The KvK number (Kamer van Koophandel): eight digits. Spaces and dots people type are left out;
 * since 2016 the number carries no check digit, so eight digits (not all zero) is the rule.
 */
export function normaliseKvk(value: string): string | null {
  const digits = value.replace(/[\s.]/g, '');
  return /^\d{8}$/.test(digits) && digits !== '00000000' ? digits : null;
}

/** The provider kinds an applicant can name (the same values as the organisations' kind elsewhere). */
export const applicantKinds = ['institution', 'independent', 'cooperative', 'intermediary'] as const;
export type ApplicantKind = (typeof applicantKinds)[number];

/** Defaults of a trajectory's admission settings, from the inkoopstrategie of Midden-IJssel/Oost-Veluwe. */
export const defaultAdmissionSettings = {
  perceelen: [
    { code: 'P1', name: 'Jeugdhulp ambulant (begeleiding en behandeling)' },
    { code: 'P2', name: 'Jeugd-GGZ' },
    { code: 'P3', name: 'Jeugdhulp met verblijf' },
  ],
  declarations: [
    { id: 'uitsluitingsgronden', text: 'Op onze organisatie is geen van de uitsluitingsgronden van toepassing (eigen verklaring).' },
    { id: 'governance-code', text: 'Wij werken volgens de Governance Code Zorg 2022 en voldoen aan de Wet Normering Topinkomens.' },
    { id: 'vog', text: 'Al onze medewerkers die met jeugdigen werken hebben een Verklaring Omtrent het Gedrag (VOG).' },
    { id: 'kwaliteit', text: 'Onze professionals zijn geregistreerd in het SKJ- of BIG-register, volgens de norm van de verantwoorde werktoedeling.' },
  ],
  /** The review period from the agreement: the procurement team decides within it. */
  reviewWeeks: 8,
  /** After admission, the time the provider has to sign the accession statement. */
  accessionWeeks: 4,
} as const;

const dayMs = 86_400_000;

/** A deadline `weeks` after `from`, as a calendar date (YYYY-MM-DD, Europe/Amsterdam). */
export function deadlineAfter(from: Date, weeks: number): string {
  return new Date(from.getTime() + weeks * 7 * dayMs).toLocaleDateString('sv-SE', { timeZone: 'Europe/Amsterdam' });
}

/**
 * A CSV cell that a spreadsheet does not run: a cell starting with =, +, -, @, a tab or a carriage
 * return is prefixed with an apostrophe (OWASP's CSV injection advice); every cell is quoted.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}
