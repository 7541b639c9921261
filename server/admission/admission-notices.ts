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

export type ApplicantNotice = 'received' | 'question' | 'answered' | 'complete' | 'admitted' | 'refused' | 'contracted';

/**
 * The applicant has no account: each step is mailed to the contact address the application gives,
 * with the secret link when there is something to do or read. The text names no reviewer.
 */
export async function mailApplicant(services: Services, a: ApplicationRecord, trajectoryName: string, notice: ApplicantNotice, token?: string): Promise<void> {
  const link = token ? `\n\nUw aanvraag bekijken en aanvullen:\n${services.publicUrl()}${applicantPath(token)}\n(Bewaar deze link; hij is uw enige toegang.)` : '';
  const lines: Record<ApplicantNotice, [string, string]> = {
    received: ['Aanvraag tot toetreding ontvangen', `Wij hebben de aanvraag tot toetreding van ${a.organisation.name} (nummer ${a.number}) ontvangen. Het inkoopteam beslist uiterlijk ${dateNl(a.reviewDeadline)}.`],
    question: ['Vraag over uw aanvraag tot toetreding', `Uw aanvraag (nummer ${a.number}) is nog niet compleet. Het inkoopteam vraagt:\n\n${a.openQuestion ?? ''}\n\nBeantwoord de vraag en vul uw aanvraag aan via uw persoonlijke link.`],
    answered: ['Antwoord ontvangen', `Wij hebben uw antwoord op aanvraag ${a.number} ontvangen. Het inkoopteam beslist uiterlijk ${dateNl(a.reviewDeadline)}.`],
    complete: ['Aanvraag compleet', `Uw aanvraag (nummer ${a.number}) is compleet en wordt beoordeeld. Het inkoopteam beslist uiterlijk ${dateNl(a.reviewDeadline)}.`],
    admitted: ['Toegelaten: teken de toetredingsverklaring', `${a.organisation.name} is toegelaten tot de overeenkomst. Teken de toetredingsverklaring uiterlijk ${a.accessionDeadline ? dateNl(a.accessionDeadline) : ''} via uw persoonlijke link.`],
    refused: ['Aanvraag tot toetreding afgewezen', `Uw aanvraag (nummer ${a.number}) is afgewezen. De reden:\n\n${a.refusalReason ?? ''}`],
    contracted: ['Toetreding bevestigd', `${a.organisation.name} heeft de toetredingsverklaring getekend en staat in het openbare register van gecontracteerde aanbieders.`],
  };
  const [subject, body] = lines[notice];
  await services.mailer.send({
    to: a.contact.email,
    subject: `${subject}: ${trajectoryName}`,
    text: `Beste ${a.contact.name},\n\n${body}${link}\n\nMet vriendelijke groet,\nHet inkoopteam van ${trajectoryName}\n`,
    // The link is the applicant's only key: it does not stay readable in the outbox once real mail is configured.
    ...(token ? { sensitive: true } : {}),
  });
}
