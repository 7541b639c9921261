import type { MailLanguage, NotificationKind } from '../../shared/schemas/notifications';

/**
 * The words of every notification, per language. `{trajectory}`, `{title}` and `{when}` are filled
 * from the event; no text has a place for a person's name, so no author can be named.
 */
const notificationTexts: Record<MailLanguage, Record<NotificationKind, string>> = {
  nl: {
    'answers.published': 'Antwoorden gepubliceerd in de nota van inlichtingen ({title})',
    'session.planned': 'Dialoogsessie gepland: {title} op {when}',
    'session.changed': 'Dialoogsessie gewijzigd: {title} op {when}',
    'session.cancelled': 'Dialoogsessie geannuleerd: {title} op {when}',
    'session.reminder': 'Herinnering: dialoogsessie {title} op {when}',
    'agenda.published': 'Agenda gepubliceerd: {title}',
    'consultation.opened': 'Consultatie geopend: {title}, reageren kan tot {when}',
    'consultation.closing': 'Consultatie sluit over twee dagen: {title} ({when})',
    'report.comments': 'Verslag ter becommentariëring: {title}',
    'report.published': 'Verslag gepubliceerd: {title}',
    'comment.reply': 'Nieuwe reactie op uw inbreng: {title}',
    'amendment.decided': 'Besluit over uw wijzigingsvoorstel: {title}',
    'final.signoff': 'De definitieve overeenkomst is klaar voor ondertekening door uw gemeente',
    'final.version': 'Versie {title} van de overeenkomst is vastgesteld en geldt voor u vanaf {when}',
    'member.role': 'Uw rol in {trajectory} is gewijzigd: {title}',
    'member.removed': 'U bent verwijderd uit {trajectory}',
    'admission.application': 'Aanvraag tot toetreding te beoordelen: {title} (beslissen uiterlijk {when})',
    'admission.accession': 'Toetredingsverklaring getekend: {title}',
    'member.invited': 'Uitnodiging voor de dialoogtafel {trajectory}: als {title}, de link is geldig tot en met {when}',
    'poll.open_after_session': 'Stemming staat nog open na de sessie: {title}, stemmen kan tot {when}',
    'action.assigned': 'Actie aan u toegewezen: {title}, uiterlijk {when}',
    'action.due': 'Actie morgen verwacht: {title} ({when})',
    'planning.changed': 'Planning gewijzigd: {title}',
    'mandate.changed': 'Mandaat gewijzigd: {title}',
    'mediation.update': 'Bemiddelingsverzoek: {title}',
    'mediation.message': 'Nieuw vertrouwelijk bericht in de bemiddeling: {title}',
  },
  en: {
    'answers.published': 'Answers published in the nota van inlichtingen ({title})',
    'session.planned': 'Dialogue session planned: {title} on {when}',
    'session.changed': 'Dialogue session changed: {title} on {when}',
    'session.cancelled': 'Dialogue session cancelled: {title} on {when}',
    'session.reminder': 'Reminder: dialogue session {title} on {when}',
    'agenda.published': 'Agenda published: {title}',
    'consultation.opened': 'Consultation opened: {title}, open for reactions until {when}',
    'consultation.closing': 'Consultation closes in two days: {title} ({when})',
    'report.comments': 'Report out for comments: {title}',
    'report.published': 'Report published: {title}',
    'comment.reply': 'A new reply to your contribution: {title}',
    'amendment.decided': 'A decision on your amendment: {title}',
    'final.signoff': 'The definitive agreement is ready for your municipality’s sign-off',
    'final.version': 'Version {title} of the agreement is sealed and applies to you from {when}',
    'member.role': 'Your role in {trajectory} has changed: {title}',
    'member.removed': 'You have been removed from {trajectory}',
    'admission.application': 'Application for admission to review: {title} (decide by {when})',
    'admission.accession': 'Accession statement signed: {title}',
    'member.invited': 'Invitation to the dialogue table {trajectory}: as {title}, the link is valid through {when}',
    'poll.open_after_session': 'A poll is still open after the session: {title}, open for votes until {when}',
    'action.assigned': 'An action assigned to you: {title}, due {when}',
    'action.due': 'An action is due tomorrow: {title} ({when})',
    'planning.changed': 'Planning changed: {title}',
    'mandate.changed': 'Mandate changed: {title}',
    'mediation.update': 'Mediation request: {title}',
    'mediation.message': 'A new confidential message in the mediation: {title}',
  },
};

export const mailWords: Record<MailLanguage, Record<'open' | 'unsubscribe' | 'settings' | 'procedure' | 'digestSubject' | 'digestIntro' | 'greeting' | 'why' | 'trajectory', string>> = {
  nl: {
    open: 'Bekijk het in Dialoogtafel',
    unsubscribe: 'Geen berichten meer van deze soort voor dit traject',
    settings: 'Meldingen instellen',
    procedure: 'U ontvangt dit bericht omdat het bij de procedure hoort; u kunt zich er niet voor afmelden.',
    digestSubject: 'Wat is er veranderd sinds gisteren',
    digestIntro: 'Dit is er veranderd sinds gisteren:',
    greeting: 'Beste deelnemer,',
    why: 'U ontvangt dit bericht omdat u deelneemt aan dit traject.',
    trajectory: 'Traject',
  },
  en: {
    open: 'View it in Dialoogtafel',
    unsubscribe: 'No more messages of this kind for this trajectory',
    settings: 'Notification settings',
    procedure: 'You receive this message because it is part of the procedure; you cannot unsubscribe from it.',
    digestSubject: 'What has changed since yesterday',
    digestIntro: 'This has changed since yesterday:',
    greeting: 'Dear participant,',
    why: 'You receive this message because you take part in this trajectory.',
    trajectory: 'Trajectory',
  },
};

const roleLabels: Record<MailLanguage, Record<string, string>> = {
  nl: { procurement: 'inkoopteam', municipality: 'gemeente', provider: 'aanbieder', client: 'cliëntvertegenwoordiger', facilitator: 'facilitator', observer: 'waarnemer', intermediair: 'intermediair' },
  en: { procurement: 'procurement team', municipality: 'municipality', provider: 'provider', client: 'client representative', facilitator: 'facilitator', observer: 'observer', intermediair: 'mediator' },
};

/** `{when}` in the reader's language: from `at` (an instant) or `on` (a day, YYYY-MM-DD), in Amsterdam time. */
function when(language: MailLanguage, params: Record<string, string>): string {
  const locale = language === 'nl' ? 'nl-NL' : 'en-GB';
  if (params.at) return new Intl.DateTimeFormat(locale, { timeZone: 'Europe/Amsterdam', dateStyle: 'full', timeStyle: 'short' }).format(new Date(params.at));
  if (params.on) return new Intl.DateTimeFormat(locale, { timeZone: 'UTC', dateStyle: 'long' }).format(new Date(`${params.on}T12:00:00Z`));
  return '';
}

/** The one-line title of an event in a language. */
export function notificationTitle(language: MailLanguage, kind: NotificationKind, params: Record<string, string>): string {
  const values: Record<string, string> = { ...params, when: when(language, params), ...(params.role ? { title: roleLabels[language][params.role] ?? params.role } : {}) };
  return notificationTexts[language][kind].replace(/\{(\w+)\}/g, (_m, key: string) => values[key] ?? '');
}
