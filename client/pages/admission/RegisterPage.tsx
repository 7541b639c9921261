import { Heading1, Link, Paragraph, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { useResource } from '../../api/useResource';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadingStatus } from '../../components/LoadingStatus';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { formatDate } from '../../format/dates';
import { admissionApi } from './admission-api';

/** The public register of contracted providers of an Open House trajectory, with its CSV. */
export function RegisterPage() {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t('admission.register.title'));
  const { openHouseId = '' } = useParams();
  const register = useResource((signal) => admissionApi.register(openHouseId, signal), [openHouseId]);
  const data = register.data;
  return (
    <>
      <Heading1>{t('admission.register.title')}</Heading1>
      {register.loading && <LoadingStatus />}
      {register.error && <ErrorAlert error={register.error} />}
      {data && (
        <>
          <Paragraph>{t('admission.register.intro', { trajectory: data.trajectoryName })}</Paragraph>
          <Paragraph>
            <Link href={admissionApi.registerCsvUrl(openHouseId)} download>
              {t('admission.register.csv')}
            </Link>
          </Paragraph>
          {data.providers.length === 0 ? (
            <Paragraph>{t('admission.register.empty')}</Paragraph>
          ) : (
            <div className="dt-table-scroll" tabIndex={0} role="region" aria-labelledby="register-caption">
              <Table data-testid="register-table">
                <caption id="register-caption">{t('admission.register.count', { count: data.providers.length })}</caption>
                <TableHeader>
                  <TableRow>
                    {(['organisation', 'kvk', 'kind', 'city', 'perceelen', 'municipalities', 'version', 'since'] as const).map((c) => (
                      <TableHeaderCell key={c} scope="col">
                        {t(`admission.register.${c}`)}
                      </TableHeaderCell>
                    ))}
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {data.providers.map((p) => (
                    <TableRow key={`${p.kvk}-${p.organisationName}`} data-testid="register-row">
                      <TableHeaderCell scope="row">{p.organisationName}</TableHeaderCell>
                      <TableCell>{p.kvk}</TableCell>
                      <TableCell>{t(`admission.kinds.${p.kind}`)}</TableCell>
                      <TableCell>{p.city}</TableCell>
                      <TableCell>{p.perceelen.join(', ')}</TableCell>
                      <TableCell>{p.municipalities.join(', ')}</TableCell>
                      <TableCell>{p.agreementVersion}</TableCell>
                      <TableCell>{formatDate(p.since, i18n.language)}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </div>
          )}
        </>
      )}
    </>
  );
}
