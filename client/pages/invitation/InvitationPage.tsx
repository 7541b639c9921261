import { Heading1, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { invitationApi } from '../../api/invitations';
import { useResource } from '../../api/useResource';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadingStatus } from '../../components/LoadingStatus';
import { RouterLink } from '../../components/RouterLink';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { AcceptInvitation } from './AcceptInvitation';
import { InvitationDetails } from './InvitationDetails';

export function InvitationPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('invitation.title'));
  const { token = '' } = useParams();
  const preview = useResource((signal) => invitationApi.preview(token, signal), [token]);

  return (
    <>
      <Heading1>{t('invitation.title')}</Heading1>
      {preview.loading && <LoadingStatus />}
      {preview.error?.code === 'gone' && <UnusableInvitation message={t('invitation.gone')} />}
      {preview.error?.code === 'not_found' && <UnusableInvitation message={t('invitation.notFound')} />}
      {preview.error && preview.error.code !== 'gone' && preview.error.code !== 'not_found' && <ErrorAlert error={preview.error} />}
      {preview.data && (
        <>
          <Paragraph>{t('invitation.intro')}</Paragraph>
          <InvitationDetails preview={preview.data} />
          <AcceptInvitation token={token} preview={preview.data} />
        </>
      )}
    </>
  );
}

function UnusableInvitation({ message }: { message: string }) {
  const { t } = useTranslation();
  return (
    <>
      <div role="alert" className="dt-notice">
        <Paragraph>{message}</Paragraph>
      </div>
      <Paragraph>{t('invitation.askAgain')}</Paragraph>
      <Paragraph>
        <RouterLink to="/">{t('backToHome')}</RouterLink>
      </Paragraph>
    </>
  );
}
