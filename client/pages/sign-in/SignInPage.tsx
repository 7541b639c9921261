import { Heading1, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { safeReturnPath } from '../../auth/paths';
import { useSession } from '../../auth/session-context';
import { LoadingStatus } from '../../components/LoadingStatus';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { SignInForm } from './SignInForm';

export function SignInPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('signIn.title'));
  const session = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const back = safeReturnPath(params.get('terug'));

  if (session.status === 'loading') return <LoadingStatus />;
  // Someone who is signed in already has no use for this form.
  if (session.status === 'signedIn') return <Navigate to={back} replace />;

  return (
    <>
      <Heading1>{t('signIn.title')}</Heading1>
      <Paragraph>{t('signIn.intro')}</Paragraph>
      <SignInForm onSignedIn={() => navigate(back, { replace: true })} />
    </>
  );
}
