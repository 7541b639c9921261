import { pino, type Logger } from 'pino';

export type { Logger };

/**
 * Structured JSON logs. Only ids and technical facts go in; personal data (names, e-mail
 * addresses, text people wrote) never does, so fields that might carry it are redacted.
 */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'dialoogtafel' },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: {
      paths: ['req.headers.cookie', 'req.headers.authorization', '*.password', '*.email', '*.token'],
      censor: '[redacted]',
    },
  });
}
