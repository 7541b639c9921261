import { Button, ButtonGroup, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router-dom';
import type { ApiError } from '../../api/client';
import { invitationApi } from '../../api/invitations';
import { signInPath } from '../../auth/paths';
import { useSession } from '../../auth/session-context';
import { ButtonRouterLink } from '../../components/ButtonRouterLink';
import { LoadingStatus } from '../../components/LoadingStatus';
import { ErrorSummary } from '../../components/forms/ErrorSummary';
import { useSubmission } from '../../components/forms/useSubmission';
import type { InvitationPreview, MeResponse } from '../../../shared/schemas/auth';
import { NewAccountForm } from './NewAccountForm';
import { OidcInvitation } from './OidcInvitation';
import { useAuthConfig } from '../sign-in/OidcSignIn';

/** Where to go once accepted: the trajectory just joined, else the list. */
function destination(me: MeResponse, preview: InvitationPreview): string {
  const membership = me.memberships.find((m) => m.trajectoryName === preview.trajectoryName);
  return membership ? `/trajecten/${membership.trajectoryId}` : '/trajecten';
}

export function AcceptInvitation({ token, preview }: { token: string; preview: InvitationPreview }) {
  const { t } = useTranslation();
  const session = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const submission = useSubmission();
  const authConfig = useAuthConfig();
  // Once accepted, the page is on its way to the trajectory; do not flash the signed-in variant.
  const [accepted, setAccepted] = useState(false);

  const passwordSignIn = authConfig.data?.passwordSignIn ?? true;
  if (session.status === 'loading' || authConfig.loading || accepted) return <LoadingStatus />;

  const signedInAs = session.status === 'signedIn' ? session.me?.user.email : undefined;
  if (signedInAs && signedInAs.toLowerCase() !== preview.email.toLowerCase()) {
    return <SignedInAsOther email={signedInAs} invited={preview.email} />;
  }

  const accept = async (account?: { name: string; password: string }) => {
    let me: MeResponse | undefined;
    const ok = await submission.submit(async () => {
      me = await invitationApi.accept(token, account);
      setAccepted(true);
      session.signedIn(me);
    });
    if (ok && me) navigate(destination(me, preview), { replace: true });
  };

  const messageFor = (error: ApiError) => {
    if (error.code === 'gone') return t('invitation.gone');
    if (error.code === 'conflict') return t('invitation.conflict');
    if (error.code === 'unauthenticated') return t('invitation.signInFirst');
    return undefined;
  };

  if (!preview.accountExists && !signedInAs) {
    return (
      <>
        <OidcInvitation token={token} email={preview.email} />
        {passwordSignIn ? <NewAccountForm email={preview.email} submission={submission} messageFor={messageFor} onAccept={(account) => void accept(account)} /> : null}
      </>
    );
  }

  const summary = submission.summary({}, messageFor);
  if (!signedInAs) {
    return (
      <section aria-labelledby="accept-heading">
        <Heading2 id="accept-heading">{t('invitation.existingAccountTitle')}</Heading2>
        <Paragraph>{t('invitation.existingAccount', { email: preview.email })}</Paragraph>
        <ButtonGroup>
          <ButtonRouterLink to={signInPath(location.pathname)} appearance="primary-action-button">
            {t('invitation.signInToAccept')}
          </ButtonRouterLink>
        </ButtonGroup>
      </section>
    );
  }
  return (
    <section aria-labelledby="accept-heading">
      <Heading2 id="accept-heading">{t('invitation.acceptTitle')}</Heading2>
      {summary && <ErrorSummary summaryRef={submission.summaryRef} {...summary} />}
      <Paragraph>{t('invitation.acceptAsSignedIn', { email: signedInAs })}</Paragraph>
      <ButtonGroup>
        <Button appearance="primary-action-button" busy={submission.busy} onClick={() => void accept()}>
          {t('invitation.accept')}
        </Button>
      </ButtonGroup>
    </section>
  );
}

function SignedInAsOther({ email, invited }: { email: string; invited: string }) {
  const { t } = useTranslation();
  const session = useSession();
  return (
    <section aria-labelledby="accept-heading">
      <Heading2 id="accept-heading">{t('invitation.otherAccountTitle')}</Heading2>
      <Paragraph>{t('invitation.otherAccount', { email, invited })}</Paragraph>
      <ButtonGroup>
        <Button appearance="secondary-action-button" onClick={() => void session.signOut()}>
          {t('header.signOut')}
        </Button>
      </ButtonGroup>
    </section>
  );
}
