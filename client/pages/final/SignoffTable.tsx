import { StatusBadge, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../format/dates';
import type { MunicipalitySignoffDto } from '../../../shared/schemas/final';

const badge: Record<MunicipalitySignoffDto['status'], string> = { pending: 'warning', approved: 'safe', rejected: 'danger' };

export function SignoffBadge({ status }: { status: MunicipalitySignoffDto['status'] }) {
  const { t } = useTranslation();
  return (
    <StatusBadge status={badge[status]} className="dt-badge" data-status={status}>
      {t(`final.signoff.status.${status}`)}
    </StatusBadge>
  );
}

/** Who has decided what, per participating municipality, with the reason of a rejection. */
export function SignoffTable({ signoffs, captionId }: { signoffs: MunicipalitySignoffDto[]; captionId: string }) {
  const { t, i18n } = useTranslation();
  return (
    <Table aria-labelledby={captionId} data-testid="signoff-table">
      <TableHeader>
        <TableRow>
          <TableHeaderCell scope="col">{t('final.signoff.municipality')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('final.signoff.decision')}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {signoffs.map((s) => (
          <TableRow key={s.municipality} data-testid="signoff-row" data-municipality={s.municipality} data-status={s.status}>
            <TableHeaderCell scope="row">{s.municipality}</TableHeaderCell>
            <TableCell>
              <SignoffBadge status={s.status} />
              {s.by && s.at && <> {t('final.signoff.by', { name: s.by.name, date: formatDateTime(s.at, i18n.language, 'short') })}</>}
              {s.reason && <div>{t('final.signoff.reason', { reason: s.reason })}</div>}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
