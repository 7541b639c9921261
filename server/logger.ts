import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger };

/** E-mail addresses, and long random strings that look like our tokens (session, reset, invitation links). */
const emailPattern = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
const tokenPattern = /\b[A-Za-z0-9_-]{32,}\b/g;

/** Removes e-mail addresses and token-like strings from free text such as an error message from a library or the database. */
function scrubText(text: string): string {
  return text.replace(emailPattern, '[e-mail]').replace(tokenPattern, '[token]');
}

/**
 * Errors are serialised as usual, but their message and stack are scrubbed: a database or mail
 * error can quote the value it choked on (a duplicate e-mail address, a recipient).
 */
function scrubbedError(error: unknown): unknown {
  if (typeof error === 'string') return scrubText(error);
  if (!(error instanceof Error)) return error;
  const serialised = pino.stdSerializers.err(error) as unknown as Record<string, unknown>;
  for (const key of ['message', 'stack']) if (typeof serialised[key] === 'string') serialised[key] = scrubText(serialised[key]);
  return serialised;
}

/**
 * Structured JSON logs. Only ids and technical facts go in; personal data (names, e-mail
 * addresses, text people wrote) and credentials never do: fields that might carry them are
 * redacted, and error texts are scrubbed.
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = {
    level,
    base: { service: 'dialoogtafel' },
    timestamp: pino.stdTimeFunctions.isoTime,
    serializers: { err: scrubbedError },
    redact: {
      paths: [
        'req.headers.cookie',
        'req.headers.authorization',
        'headers.cookie',
        'password',
        'email',
        'token',
        '*.password',
        '*.email',
        '*.token',
        '*.passwordHash',
      ],
      censor: '[redacted]',
    },
  };
  return destination ? pino(options, destination) : pino(options);
}
