import { Heading2, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { OidcSignInButton, useAuthConfig } from '../sign-in/OidcSignIn';

/**
 * A first sign-in through the organisation's account, from the invitation link: the server makes
 * the account when the provider's verified e-mail address is the invited one, and takes the seat.
 */
export function OidcInvitation({ token, email }: { token: string; email: string }) {
  const { t } = useTranslation();
  const config = useAuthConfig();
  if (!config.data?.oidc) return null;
  return (
    <section aria-labelledby="oidc-accept-heading">
      <Heading2 id="oidc-accept-heading">{t('oidc.invitationTitle')}</Heading2>
      <Paragraph>{t('oidc.invitationIntro', { email })}</Paragraph>
      {!config.data.passwordSignIn && <Paragraph>{t('oidc.passwordsOff')}</Paragraph>}
      <OidcSignInButton config={config.data} invitation={token} />
    </section>
  );
}
