import type { TFunction } from 'i18next';
import type { CreateSessionInput } from '../../api/sessions';
import type { FieldErrors } from '../../components/forms/field-errors';
import { createSessionRequest, type Declaration, type SessionDto } from '../../../shared/schemas/sessions';
import { translateFieldMessage } from '../../components/forms/field-errors';
import { amsterdamToIso, isoToAmsterdam } from './session-time';
import type { Role } from '../../../shared/domain/roles';

export interface AgendaRow {
  /** A stable key for React; the topic id, as a topic is on the agenda once. */
  topicId: string;
  title: string;
  minutes: string;
}

export interface SessionFormState {
  title: string;
  date: string;
  startTime: string;
  endTime: string;
  location: string;
  onlineUrl: string;
  description: string;
  outcomeKind: Declaration['outcomeKind'];
  decidedBy: string;
  agenda: AgendaRow[];
  /** 'open': the whole trajectory; 'closed': only the chosen groups (and people, kept as they were). */
  access: 'open' | 'closed';
  groups: Role[];
  /** Invited people of a closed session, kept unchanged by the form. */
  userIds: string[];
}

export function emptyForm(decidedBy: string): SessionFormState {
  return {
    title: '',
    date: '',
    startTime: '13:00',
    endTime: '16:00',
    location: '',
    onlineUrl: '',
    description: '',
    outcomeKind: 'advice',
    decidedBy,
    agenda: [],
    access: 'open',
    groups: [],
    userIds: [],
  };
}

export function formFromSession(session: SessionDto): SessionFormState {
  const start = isoToAmsterdam(session.startsAt);
  return {
    title: session.title,
    date: start.date,
    startTime: start.time,
    endTime: session.endsAt ? isoToAmsterdam(session.endsAt).time : '',
    location: session.location,
    onlineUrl: session.onlineUrl ?? '',
    description: session.description,
    outcomeKind: session.declaration.outcomeKind,
    decidedBy: session.declaration.decidedBy,
    agenda: session.agenda.map((item) => ({ topicId: item.topicId, title: item.title, minutes: String(item.minutes) })),
    access: session.audience ? 'closed' : 'open',
    groups: session.audience?.groups ?? [],
    userIds: session.audience?.people.map((p) => p.id) ?? [],
  };
}

const minutesOf = (value: string) => (/^\d+$/.test(value.trim()) ? Number(value.trim()) : NaN);

/** The request the form stands for, or what is wrong with it, by the server's field paths. */
export function toSessionInput(form: SessionFormState, t: TFunction): { input: CreateSessionInput; errors: FieldErrors } {
  const errors: FieldErrors = {};
  if (!form.title.trim()) errors.title = t('fieldError.required');
  const dateOk = /^\d{4}-\d{2}-\d{2}$/.test(form.date);
  if (!form.date) errors.startsAt = t('sessions.form.errors.date');
  else if (!dateOk) errors.startsAt = t('fieldError.date');
  const startsAt = dateOk ? amsterdamToIso(form.date, form.startTime) : undefined;
  // A missing or broken start time is the start time's problem, not the date's: say it there.
  if (dateOk && !startsAt) errors.startTime = t('sessions.form.errors.time');
  let endsAt: string | undefined;
  if (form.endTime) {
    endsAt = dateOk ? amsterdamToIso(form.date, form.endTime) : undefined;
    if (dateOk && !endsAt) errors.endsAt = t('sessions.form.errors.time');
  }
  const url = form.onlineUrl.trim();
  if (url && !/^https?:\/\/[^\s/]+\.[^\s]+$/i.test(url)) errors.onlineUrl = t('sessions.form.errors.url');
  if (!form.decidedBy.trim()) errors['declaration.decidedBy'] = t('fieldError.required');
  form.agenda.forEach((row, index) => {
    const minutes = minutesOf(row.minutes);
    if (!(minutes >= 1 && minutes <= 480)) errors[`agenda.${index}.minutes`] = t('sessions.form.errors.minutes');
  });
  const input: CreateSessionInput = {
    title: form.title.trim(),
    startsAt: startsAt ?? '',
    location: form.location.trim(),
    description: form.description.trim(),
    agenda: form.agenda.map((row) => ({ topicId: row.topicId, minutes: minutesOf(row.minutes) })),
    declaration: { outcomeKind: form.outcomeKind, decidedBy: form.decidedBy.trim() },
    audience: form.access === 'closed' ? { groups: form.groups, userIds: form.userIds } : null,
  };
  if (endsAt) input.endsAt = endsAt;
  if (url) input.onlineUrl = url;
  // The server's schema, for its cross-field rules (the end after the start): their message
  // codes are shown in the form's words. Single fields the form has already said more precisely above.
  const checked = createSessionRequest.safeParse(input);
  for (const issue of checked.success ? [] : checked.error.issues) {
    const path = issue.path.map(String).join('.');
    if (issue.code === 'custom' && !errors[path]) errors[path] = translateFieldMessage(issue.message, t);
  }
  return { input, errors };
}
