import { ScrollRegion } from '../../components/ScrollRegion';
import { Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../format/dates';
import type { AuditEventDto } from '../../../shared/schemas/audit';
import { useAuditText } from './useAuditText';

/** The log, newest first: when, who, what, and on what. */
export function AuditTable({ events }: { events: AuditEventDto[] }) {
  const { t, i18n } = useTranslation();
  const text = useAuditText();
  return (
    <ScrollRegion wide label={t('audit.caption', { count: events.length })}>
      <Table data-testid="audit-table">
        <TableCaption>{t('audit.caption', { count: events.length })}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('audit.seq')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('audit.time')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('audit.who')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('audit.action')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('audit.object')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {events.map((event) => (
            <TableRow key={event.seq}>
              <TableCell>{event.seq}</TableCell>
              <TableCell className="dt-nowrap">
                <time dateTime={event.at}>{formatDateTime(event.at, i18n.language, 'short')}</time>
              </TableCell>
              <TableCell>{event.actor?.name ?? t('audit.system')}</TableCell>
              <TableCell>{text.action(event.action)}</TableCell>
              <TableCell>{text.object(event)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </ScrollRegion>
  );
}
