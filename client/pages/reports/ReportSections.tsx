import {
  Heading2,
  Heading3,
  Heading4,
  OrderedList,
  OrderedListItem,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { PlainSummaryText } from '../../components/PlainSummary';
import { formatDate } from '../../format/dates';
import { useLabels } from '../../labels/useLabels';
import type { ReportContent, ReportTopic } from '../../../shared/schemas/reports';
import { PollResults } from '../../live-table/PollResults';
import { ScrollTable } from '../../live-table/ScrollTable';
import { DeclarationNotice } from '../sessions/Declaration';

/** A section of the report with its h2; the id lets a comment point to it. */
function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={`${id}-heading`} className="dt-report__section" data-testid={`report-${id}`}>
      <Heading2 id={`${id}-heading`}>{title}</Heading2>
      {children}
    </section>
  );
}

function Attendance({ content }: { content: ReportContent }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const total = content.attendance.reduce((n, g) => n + g.people.length, 0);
  if (total === 0) return <Paragraph>{t('reports.attendance.none')}</Paragraph>;
  return (
    <>
      <Paragraph>{t('reports.attendance.total', { count: total })}</Paragraph>
      <ScrollTable labelledBy="report-attendance-caption">
        <Table>
          <TableCaption id="report-attendance-caption">{t('reports.attendance.caption')}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('reports.attendance.organisation')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('reports.attendance.role')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('reports.attendance.people')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {content.attendance.map((g) => (
              <TableRow key={`${g.role}-${g.organisation.id}`} data-testid="attendance-row">
                <TableHeaderCell scope="row">{g.organisation.name}</TableHeaderCell>
                <TableCell>{labels.role(g.role)}</TableCell>
                <TableCell>{g.people.map((p) => p.name).join(', ')}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </ScrollTable>
    </>
  );
}

function Agenda({ content }: { content: ReportContent }) {
  const { t } = useTranslation();
  if (content.agenda.length === 0) return <Paragraph>{t('reports.agenda.none')}</Paragraph>;
  return (
    <OrderedList>
      {content.agenda.map((item) => (
        <OrderedListItem key={item.topicId} data-testid="agenda-held">
          <strong>{item.title}</strong> — {t('reports.agenda.planned', { minutes: item.plannedMinutes })};{' '}
          {t(`reports.agenda.held.${item.held}`)}
          {item.actualMinutes !== null && ` (${t('reports.agenda.actual', { minutes: item.actualMinutes })})`}
        </OrderedListItem>
      ))}
    </OrderedList>
  );
}

function Topic({ topic }: { topic: ReportTopic }) {
  const { t } = useTranslation();
  const headingId = `report-${topic.key.replace(':', '-')}-heading`;
  return (
    <section aria-labelledby={headingId} className="dt-report__topic" data-testid="report-topic">
      <Heading3 id={headingId}>{topic.title ? t('reports.topic.title', { title: topic.title }) : t('reports.sections.general')}</Heading3>
      {topic.summary && <PlainSummaryText summary={topic.summary} />}
      {topic.polls.length === 0 && topic.outcomes.length === 0 && <Paragraph>{t('reports.topic.nothing')}</Paragraph>}
      {topic.polls.map((poll) => (
        <div key={poll.id} className="dt-report__poll" data-testid="report-poll">
          <Heading4>{poll.question}</Heading4>
          <PollResults poll={poll} result={poll.result} />
        </div>
      ))}
      {topic.outcomes.length > 0 && (
        <>
          <Heading4>{t('reports.topic.agreements')}</Heading4>
          <UnorderedList>
            {topic.outcomes.map((o) => (
              <UnorderedListItem key={o.id} data-testid="report-outcome">
                <strong>{t('reports.topic.agreement', { number: o.number })}</strong> ({t(`reports.topic.category.${o.category}`)},{' '}
                {t(`reports.topic.horizon.${o.horizon}`)}, {t(`reports.topic.status.${o.status}`)}): {o.text}
                {o.positions.length > 0 && (
                  <UnorderedList>
                    {o.positions.map((p) => (
                      <UnorderedListItem key={p.party}>{t('reports.topic.position', { party: p.party, position: p.position })}</UnorderedListItem>
                    ))}
                  </UnorderedList>
                )}
              </UnorderedListItem>
            ))}
          </UnorderedList>
        </>
      )}
    </section>
  );
}

function Actions({ content }: { content: ReportContent }) {
  const { t, i18n } = useTranslation();
  if (content.actions.length === 0) return <Paragraph>{t('reports.actions.none')}</Paragraph>;
  return (
    <UnorderedList>
      {content.actions.map((a, i) => (
        <UnorderedListItem key={i} data-testid="report-action">
          {t('reports.actions.line', {
            description: a.description,
            owner: a.owner.name,
            organisation: a.owner.organisationName,
            date: formatDate(a.dueDate, i18n.language),
            number: a.outcomeNumber,
          })}
        </UnorderedListItem>
      ))}
    </UnorderedList>
  );
}

/** The snapshot's sections, in the order of the exported document. */
export function ReportSections({ content }: { content: ReportContent }) {
  const { t } = useTranslation();
  return (
    <>
      <Section id="attendance" title={t('reports.sections.attendance')}>
        <Attendance content={content} />
      </Section>
      <DeclarationNotice declaration={content.declaration} id="report-declaration-heading" />
      <Section id="agenda" title={t('reports.sections.agenda')}>
        <Agenda content={content} />
      </Section>
      <Section id="topics" title={t('reports.sections.topics')}>
        {content.topics.map((topic) => (
          <Topic key={topic.key} topic={topic} />
        ))}
      </Section>
      <Section id="actions" title={t('reports.sections.actions')}>
        <Actions content={content} />
      </Section>
    </>
  );
}
