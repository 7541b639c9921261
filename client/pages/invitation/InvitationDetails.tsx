import { DataList, DataListItem, DataListKey, DataListValue } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { useLabels } from '../../labels/useLabels';
import type { InvitationPreview } from '../../../shared/schemas/auth';

/** Which table the person is invited to, for whom and as what. */
export function InvitationDetails({ preview }: { preview: InvitationPreview }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const rows = [
    { key: t('invitation.trajectory'), value: preview.trajectoryName },
    { key: t('invitation.organisation'), value: preview.organisationName },
    { key: t('invitation.role'), value: labels.role(preview.role) },
    { key: t('invitation.email'), value: preview.email },
  ];
  return (
    <DataList className="dt-data-list">
      {rows.map((row) => (
        <DataListItem key={row.key}>
          <DataListKey>{row.key}</DataListKey>
          <DataListValue>{row.value}</DataListValue>
        </DataListItem>
      ))}
    </DataList>
  );
}
