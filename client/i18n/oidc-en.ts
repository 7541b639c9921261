import type { oidcNl } from './oidc-nl';

export const oidcEn: typeof oidcNl = {
  button: 'Sign in with your organisation account',
  orPassword: 'Or sign in with a password',
  introOnly: 'Sign in with the account of your own organisation.',
  refused: {
    expired: 'Signing in has expired or was started in another window. Please try again.',
    mismatch: 'Signing in could not be completed safely. Please try again.',
    provider: 'Your organisation did not sign you in. Try again, or ask your own IT department for help.',
    unavailable: 'The sign-in service of your organisation cannot be reached right now. Try again in a few minutes.',
    unverified_email:
      'Your organisation has not confirmed your e-mail address, so we cannot link it to an account. Ask your own IT department for help.',
    no_account: 'There is no Dialoogtafel account for the e-mail address of your organisation account. You get access through an invitation from the procurement team.',
    invitation:
      'You cannot use this invitation: it has expired, was withdrawn or used already, or it is for another e-mail address than that of your organisation account.',
    not_configured: 'Signing in with an organisation account is not set up here.',
  },
  invitationTitle: 'Accept with your organisation account',
  invitationIntro: 'Does your organisation have its own sign-in service? Then accept the invitation with that account. Its e-mail address must be {{email}}.',
  passwordsOffError: 'Signing in with a password is turned off here. Sign in with your organisation account.',
  passwordsOff: 'Signing in with a password is turned off here. Accept the invitation with your organisation account.',
};
