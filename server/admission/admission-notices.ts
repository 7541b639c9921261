import type { Services } from '../services';
import type { NotificationDraft } from '../notifications/produce';
import type { ApplicationRecord } from './admission-models';
import { applicantPath } from './secret-link';

const reviewLink = (a: Pick<ApplicationRecord, '_id' | 'trajectoryId'>) => `/trajecten/${String(a.trajectoryId)}/toetreding/${String(a._id)}`;

/** The procurement team hears of an application to review (new, or completed by an answer), with its deadline. */
export const notifyApplicationToReview = (a: ApplicationRecord): NotificationDraft => ({
  kind: 'admission.application',
  trajectoryId: String(a.trajectoryId),
  link: reviewLink(a),
  params: { title: `aanvraag ${a.number}`, on: a.reviewDeadline },
  to: { roles: ['procurement'] },
});

export const notifyAccession = (a: ApplicationRecord): NotificationDraft => ({
  kind: 'admission.accession',
  trajectoryId: String(a.trajectoryId),
  link: reviewLink(a),
  params: { title: `aanvraag ${a.number}` },
  to: { roles: ['procurement'] },
});

const dateNl = (isoDate: string) => new Intl.DateTimeFormat('nl-NL', { timeZone: 'UTC', dateStyle: 'long' }).format(new Date(`${isoDate}T12:00:00Z`));
const dateEn = (isoDate: string) => new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', dateStyle: 'long' }).format(new Date(`${isoDate}T12:00:00Z`));

export type ApplicantNotice = 'received' | 'question' | 'answered' | 'complete' | 'admitted' | 'refused' | 'contracted';

/** One notice in one language: subject and body. Free text of the team (question, reason) is quoted as written. */
type NoticeText = Record<ApplicantNotice, [string, string]>;

function dutch(a: ApplicationRecord): NoticeText {
  return {
    received: ['Aanvraag tot toetreding ontvangen', `Wij hebben de aanvraag tot toetreding van ${a.organisation.name} (nummer ${a.number}) ontvangen. Het inkoopteam beslist uiterlijk ${dateNl(a.reviewDeadline)}.`],
    question: ['Vraag over uw aanvraag tot toetreding', `Uw aanvraag (nummer ${a.number}) is nog niet compleet. Het inkoopteam vraagt:\n\n${a.openQuestion ?? ''}\n\nBeantwoord de vraag en vul uw aanvraag aan via uw persoonlijke link.`],
    answered: ['Antwoord ontvangen', `Wij hebben uw antwoord op aanvraag ${a.number} ontvangen. Het inkoopteam beslist uiterlijk ${dateNl(a.reviewDeadline)}.`],
    complete: ['Aanvraag compleet', `Uw aanvraag (nummer ${a.number}) is compleet en wordt beoordeeld. Het inkoopteam beslist uiterlijk ${dateNl(a.reviewDeadline)}.`],
    admitted: ['Toegelaten: teken de toetredingsverklaring', `${a.organisation.name} is toegelaten tot de overeenkomst. Teken de toetredingsverklaring uiterlijk ${a.accessionDeadline ? dateNl(a.accessionDeadline) : ''} via uw persoonlijke link.`],
    refused: ['Aanvraag tot toetreding afgewezen', `Uw aanvraag (nummer ${a.number}) is afgewezen. De reden:\n\n${a.refusalReason ?? ''}`],
    contracted: ['Toetreding bevestigd', `${a.organisation.name} heeft de toetredingsverklaring getekend en staat in het openbare register van gecontracteerde aanbieders.`],
  };
}

function english(a: ApplicationRecord): NoticeText {
  return {
    received: ['Application for admission received', `We have received the application for admission of ${a.organisation.name} (number ${a.number}). The procurement team decides by ${dateEn(a.reviewDeadline)}.`],
    question: ['A question about your application for admission', `Your application (number ${a.number}) is not complete yet. The procurement team asks (as written):\n\n${a.openQuestion ?? ''}\n\nAnswer the question and complete your application through your personal link.`],
    answered: ['Answer received', `We have received your answer on application ${a.number}. The procurement team decides by ${dateEn(a.reviewDeadline)}.`],
    complete: ['Application complete', `Your application (number ${a.number}) is complete and being reviewed. The procurement team decides by ${dateEn(a.reviewDeadline)}.`],
    admitted: ['Admitted: sign the declaration of accession', `${a.organisation.name} has been admitted to the agreement. Sign the declaration of accession by ${a.accessionDeadline ? dateEn(a.accessionDeadline) : ''} through your personal link.`],
    refused: ['Application for admission refused', `Your application (number ${a.number}) has been refused. The reason (as written):\n\n${a.refusalReason ?? ''}`],
    contracted: ['Accession confirmed', `${a.organisation.name} has signed the declaration of accession and is listed in the public register of contracted providers.`],
  };
}

/**
 * The applicant has no account, so no language of their own: each step is mailed to the contact
 * address the application gives in Dutch first, then in English, with the secret link once (when
 * there is something to do or read). The text names no reviewer.
 */
export async function mailApplicant(services: Services, a: ApplicationRecord, trajectoryName: string, notice: ApplicantNotice, token?: string): Promise<void> {
  const url = token ? `${services.publicUrl()}${applicantPath(token)}` : null;
  const [subjectNl, bodyNl] = dutch(a)[notice];
  const [subjectEn, bodyEn] = english(a)[notice];
  const linkNl = url ? `\n\nUw aanvraag bekijken en aanvullen:\n${url}\n(Bewaar deze link; hij is uw enige toegang.)` : '';
  const linkEn = url ? `\n\nView and complete your application with the link above (keep it: it is your only access).` : '';
  await services.mailer.send({
    to: a.contact.email,
    subject: `${subjectNl} / ${subjectEn}: ${trajectoryName}`,
    text:
      `Beste ${a.contact.name},\n\n${bodyNl}${linkNl}\n\nMet vriendelijke groet,\nHet inkoopteam van ${trajectoryName}\n` +
      `\n— English —\n\nDear ${a.contact.name},\n\n${bodyEn}${linkEn}\n\nKind regards,\nThe procurement team of ${trajectoryName}\n`,
    // The link is the applicant's only key: it does not stay readable in the outbox once real mail is configured.
    ...(token ? { sensitive: true } : {}),
  });
}
