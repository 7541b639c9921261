import { ButtonGroup, ButtonLink, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { authApi } from '../../api/auth';
import { useResource } from '../../api/useResource';
import { oidcRefusalReasons, type AuthConfig, type OidcRefusalReason } from '../../../shared/schemas/auth-config';

/** Which ways of signing in are on (GET /api/auth/config). */
export function useAuthConfig() {
  return useResource<AuthConfig>((signal) => authApi.config(signal), []);
}

/**
 * Signing in with the organisation's own account: a link (it leaves the site, to the provider),
 * styled as the primary button. The server starts the sign-in and sends the browser on.
 */
export function OidcSignInButton({ config, back, invitation }: { config: AuthConfig; back?: string; invitation?: string }) {
  const { t } = useTranslation();
  if (!config.oidc) return null;
  const query = new URLSearchParams();
  if (invitation) query.set('invitation', invitation);
  if (back) query.set('terug', back);
  const href = `/api/auth/oidc/start${query.size ? `?${query}` : ''}`;
  return (
    <ButtonGroup>
      <ButtonLink href={href} appearance="primary-action-button">
        {config.oidc.buttonLabel ?? t('oidc.button')}
      </ButtonLink>
    </ButtonGroup>
  );
}

/** Why the last organisation sign-in was refused (the server sends `?oidc-fout=`), focused so it is heard. */
export function OidcRefusal({ reason }: { reason: string | null }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const known = oidcRefusalReasons.find((r): r is OidcRefusalReason => r === reason);
  useEffect(() => {
    if (known) ref.current?.focus();
  }, [known]);
  if (!known) return null;
  return (
    <div role="alert" className="dt-notice" tabIndex={-1} ref={ref}>
      <Paragraph>{t(`oidc.refused.${known}`)}</Paragraph>
    </div>
  );
}
