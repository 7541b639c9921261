import { call } from './call';

/** Signing in and out, the signed-in person, password reset and the ways of signing in. */
export const authApi = {
  me: (signal?: AbortSignal) => call('getMe', {}, signal),
  login: (email: string, password: string) => call('signIn', { body: { email, password } }),
  /** After an organisation sign-in, says where the provider ends its own session. */
  logout: () => call('signOutWithProvider', {}),
  config: (signal?: AbortSignal) => call('getAuthConfig', {}, signal),
  requestPasswordReset: (email: string) => call('requestPasswordReset', { body: { email } }),
  confirmPasswordReset: (token: string, password: string) => call('confirmPasswordReset', { body: { token, password } }),
};
