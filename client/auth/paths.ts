/** The sign-in page, returning to `back` afterwards. */
export function signInPath(back?: string): string {
  return back && back !== '/' ? `/inloggen?terug=${encodeURIComponent(back)}` : '/inloggen';
}

/**
 * Where to go after signing in: the `terug` parameter when it is a path within this site,
 * else the list of trajectories. Anything else (another site, `//host`, a scheme) is ignored,
 * so a crafted link cannot send someone elsewhere after they signed in.
 */
export function safeReturnPath(value: string | null | undefined): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/trajecten';
  return value;
}
