import { Link } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { reportApi } from '../../api/reports';

/** The report's poll results as a spreadsheet: per option, stakeholder group and provider kind (issue 19 item 4). */
export function ReportResultsCsvLink({ trajectoryId, reportId }: { trajectoryId: string; reportId: string }) {
  const { t } = useTranslation();
  return (
    <Link href={reportApi.resultsCsvUrl(trajectoryId, reportId)} download data-testid="report-results-csv">
      {t('reports.downloadResultsCsv')}
    </Link>
  );
}
