import { Heading1, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { safeReturnPath } from '../../auth/paths';
import { useSession } from '../../auth/session-context';
import { LoadingStatus } from '../../components/LoadingStatus';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { OidcRefusal, OidcSignInButton, useAuthConfig } from './OidcSignIn';
import { SignInForm } from './SignInForm';

export function SignInPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('signIn.title'));
  const session = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const back = safeReturnPath(params.get('terug'));
  const config = useAuthConfig();

  if (session.status === 'loading' || config.loading) return <LoadingStatus />;
  // Someone who is signed in already has no use for this form.
  if (session.status === 'signedIn') return <Navigate to={back} replace />;
  // Should the settings not load, the password form is offered as always (the server still decides).
  const settings = config.data ?? { oidc: null, passwordSignIn: true };
  const { oidc, passwordSignIn } = settings;
  const passwordForm = <SignInForm onSignedIn={() => navigate(back, { replace: true })} />;
  return (
    <>
      <Heading1>{t('signIn.title')}</Heading1>
      <OidcRefusal reason={params.get('oidc-fout')} />
      {!oidc && (
        <>
          <Paragraph>{t('signIn.intro')}</Paragraph>
          {passwordForm}
        </>
      )}
      {oidc && (
        <>
          <Paragraph>{t('oidc.introOnly')}</Paragraph>
          <OidcSignInButton config={settings} back={params.get('terug') ? back : undefined} />
          {passwordSignIn && (
            <section aria-labelledby="password-sign-in">
              <Heading2 id="password-sign-in">{t('oidc.orPassword')}</Heading2>
              {passwordForm}
            </section>
          )}
        </>
      )}
    </>
  );
}
