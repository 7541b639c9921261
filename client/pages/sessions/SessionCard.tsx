import {
  Alert,
  Button,
  ButtonGroup,
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Heading3,
  Link,
  OrderedList,
  OrderedListItem,
  Paragraph,
} from '@utrecht/component-library-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { sessionApi } from '../../api/sessions';
import { ButtonRouterLink } from '../../components/ButtonRouterLink';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useSubmission } from '../../components/forms/useSubmission';
import { RouterLink } from '../../components/RouterLink';
import type { SessionDto } from '../../../shared/schemas/sessions';
import type { TopicDto } from '../../../shared/schemas/topics';
import { AgendaProposal } from './AgendaProposal';
import { CancelSessionDialog } from './CancelSessionDialog';
import { useDeclarationText } from './Declaration';
import { SessionForm } from './SessionForm';
import { SessionStatusBadge } from './SessionStatusBadge';
import { formatSessionTime } from './session-time';
import { Attachments } from '../../components/attachments/Attachments';

export interface SessionCardProps {
  session: SessionDto;
  mayManage: boolean;
  mayOpenPoll: boolean;
  mayCancel?: boolean;
  /** Topics that may go on an agenda, for the edit form. */
  topics: TopicDto[];
  onChanged: (session: SessionDto) => void;
  announce: (message: string) => void;
}

export function SessionCard(props: SessionCardProps) {
  // A closed session one is not invited to: its date and "besloten sessie", nothing to open or do.
  return props.session.hidden ? <HiddenSessionCard session={props.session} /> : <OpenSessionCard {...props} />;
}

function HiddenSessionCard({ session }: { session: SessionDto }) {
  const { t, i18n } = useTranslation();
  const titleId = `session-${session.id}-title`;
  return (
    <li className="dt-card dt-session dt-session--hidden" data-testid="session" data-hidden="true" aria-labelledby={titleId}>
      <div className="dt-session__head">
        <Heading3 id={titleId} className="dt-card__title dt-session__title">
          {t('sessions.closedSession.title')}
        </Heading3>
        <SessionStatusBadge status={session.status} />
      </div>
      <DataList className="dt-data-list">
        <DataListItem>
          <DataListKey>{t('sessions.when')}</DataListKey>
          <DataListValue>{formatSessionTime(session.startsAt, session.endsAt, i18n.language)}</DataListValue>
        </DataListItem>
      </DataList>
      <Paragraph appearance="small" className="dt-hint">
        {t('sessions.closedSession.hiddenHint')}
      </Paragraph>
    </li>
  );
}

function OpenSessionCard({ session, mayManage, mayOpenPoll, mayCancel = false, topics, onChanged, announce }: SessionCardProps) {
  const { t, i18n } = useTranslation();
  const declaration = useDeclarationText();
  const [editing, setEditing] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const [rankingOpened, setRankingOpened] = useState(false);
  const ranking = useSubmission();
  const titleId = `session-${session.id}-title`;
  const livePath = `/sessies/${session.id}`;

  if (editing) {
    return (
      <li className="dt-card dt-session" data-testid="session">
        <SessionForm
          trajectoryId={session.trajectoryId}
          session={session}
          topics={topics}
          onSaved={(updated) => {
            setEditing(false);
            onChanged(updated);
            announce(t('sessions.updated', { title: updated.title }));
            requestAnimationFrame(() => document.getElementById(`session-${updated.id}-title`)?.focus());
          }}
          onCancel={() => {
            setEditing(false);
            requestAnimationFrame(() => document.getElementById(`session-${session.id}-edit`)?.focus());
          }}
        />
      </li>
    );
  }

  const openRanking = () =>
    ranking.submit(async () => {
      await sessionApi.openPoll(session.id, {
        kind: 'ranking',
        question: t('sessions.ranking.question', { title: session.title }),
        options: session.agenda.map((item) => ({ id: item.topicId, label: item.title })),
        resultsVisibility: 'live',
      });
      setRankingOpened(true);
      announce(t('sessions.ranking.opened'));
    });

  const facts = [
    { key: t('sessions.when'), value: formatSessionTime(session.startsAt, session.endsAt, i18n.language) },
    { key: t('sessions.where'), value: session.location || t('sessions.noPlace') },
  ];

  return (
    <li className="dt-card dt-session" data-testid="session" aria-labelledby={titleId}>
      <div className="dt-session__head">
        <Heading3 id={titleId} tabIndex={-1} className="dt-card__title dt-session__title">
          <RouterLink to={livePath}>{session.title}</RouterLink>
        </Heading3>
        <SessionStatusBadge status={session.status} />
      </div>
      <DataList className="dt-data-list">
        {facts.map((fact) => (
          <DataListItem key={fact.key}>
            <DataListKey>{fact.key}</DataListKey>
            <DataListValue>{fact.value}</DataListValue>
          </DataListItem>
        ))}
        {session.onlineUrl && (
          <DataListItem>
            <DataListKey>{t('sessions.online')}</DataListKey>
            <DataListValue>
              <Link href={session.onlineUrl} external>
                {session.onlineUrl}
              </Link>
            </DataListValue>
          </DataListItem>
        )}
      </DataList>
      {session.audience && (
        <Paragraph className="dt-session__audience" data-testid="session-audience">
          {t('sessions.closedSession.forWhom', { who: [...session.audience.groups.map((g) => t(`roles.${g}`)), ...session.audience.people.map((p) => p.name)].join(', ') })}
        </Paragraph>
      )}
      <Paragraph className="dt-session__declaration" data-testid="session-declaration">
        <strong>{declaration.line(session.declaration)}</strong>
      </Paragraph>
      {session.cancellation && (
        <Paragraph className="dt-session__cancelled" data-testid="session-cancellation">
          <strong>{t('calendar.cancel.cancelledBecause', { reason: session.cancellation.reason })}</strong>
        </Paragraph>
      )}
      {session.description && <Paragraph>{session.description}</Paragraph>}
      <details className="dt-session__agenda">
        <summary>
          {t('sessions.agenda')} ({session.agenda.length})
        </summary>
        {session.agenda.length === 0 ? (
          <Paragraph>{t('sessions.noAgenda')}</Paragraph>
        ) : (
          <OrderedList>
            {session.agenda.map((item) => (
              <OrderedListItem key={item.topicId}>
                {t('sessions.agendaItem', { title: item.title, minutes: t('sessions.minutes', { count: item.minutes }) })}
              </OrderedListItem>
            ))}
          </OrderedList>
        )}
      </details>
      {session.status === 'planned' && (
        <AgendaProposal session={session} mayAdopt={mayManage} onAdopted={onChanged} announce={announce} onRankingOpen={setRankingOpened} />
      )}
      {ranking.error && <ErrorAlert error={ranking.error} />}
      {rankingOpened && (
        <Alert type="ok" className="dt-alert">
          <Paragraph>
            {t('sessions.ranking.opened')} <RouterLink to={livePath}>{t('sessions.ranking.toVote')}</RouterLink>
          </Paragraph>
        </Alert>
      )}
      <ButtonGroup className="dt-session__actions">
        <ButtonRouterLink
          to={livePath}
          appearance={session.status === 'live' ? 'primary-action-button' : 'secondary-action-button'}
          aria-describedby={titleId}
        >
          {t(`sessions.toSession.${session.status}`)}
        </ButtonRouterLink>
        {session.status !== 'planned' && session.status !== 'cancelled' && (
          <RouterLink to={`/trajecten/${session.trajectoryId}/sessies/${session.id}/verslag`} aria-label={t('reports.linkLabel', { title: session.title })} data-testid="session-report-link">
            {t('reports.link')}
          </RouterLink>
        )}
        <Link href={sessionApi.calendarUrl(session.id)} download aria-label={t('sessions.calendarLabel', { title: session.title })} className="dt-session__ics">
          {t('sessions.calendar')}
        </Link>
      </ButtonGroup>
      {session.status === 'planned' && (mayManage || mayOpenPoll || mayCancel) && (
        <ButtonGroup className="dt-session__manage">
          {mayManage && (
            <Button
              id={`session-${session.id}-edit`}
              appearance="subtle-button"
              aria-label={t('sessions.editLabel', { title: session.title })}
              onClick={() => setEditing(true)}
            >
              {t('sessions.edit')}
            </Button>
          )}
          {mayOpenPoll && mayManage && session.agenda.length >= 2 && !rankingOpened && (
            <Button appearance="subtle-button" busy={ranking.busy} onClick={() => void openRanking()} aria-describedby={titleId}>
              {t('sessions.ranking.open')}
            </Button>
          )}
          {mayCancel && (
            <Button
              id={`session-${session.id}-cancel`}
              appearance="subtle-button"
              aria-describedby={titleId}
              onClick={() => setCancelling(true)}
            >
              {t('calendar.cancel.open')}
            </Button>
          )}
        </ButtonGroup>
      )}
      <CancelSessionDialog
        session={cancelling ? session : undefined}
        onClose={() => {
          setCancelling(false);
          requestAnimationFrame(() => document.getElementById(`session-${session.id}-cancel`)?.focus());
        }}
        onCancelled={(updated) => {
          setCancelling(false);
          onChanged(updated);
          announce(t('calendar.cancel.done', { title: updated.title }));
          requestAnimationFrame(() => document.getElementById(`session-${updated.id}-title`)?.focus());
        }}
      />
      {session.status === 'planned' && mayManage && mayOpenPoll && session.agenda.length < 2 && (
        <Paragraph appearance="small" className="dt-hint">
          {t('sessions.ranking.needsTwo')}
        </Paragraph>
      )}
      <Attachments trajectoryId={session.trajectoryId} parentKind="session" parentId={session.id} headingLevel={4} />
    </li>
  );
}
