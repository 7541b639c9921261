import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { defaultLocalBackend, localBackends, type LocalBackend } from './db/local-backend';
import { parseSigningKey } from './audit/signing';

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const portSchema = z
  .string()
  .trim()
  .regex(/^\d+$/, 'must be a whole number from 0 to 65535')
  .transform(Number)
  .refine((n) => n >= 0 && n <= 65535, 'must be a whole number from 0 to 65535');

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: portSchema.default(3000),
  HOST: z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .regex(/^[A-Za-z0-9.:[\]-]+$/, 'must be a host name or IP address')
    .default('127.0.0.1'),
  PUBLIC_URL: z
    .url({ protocol: /^https?$/, error: 'must be an http:// or https:// address' })
    .transform((u) => u.replace(/\/+$/, ''))
    .optional(),
  ALLOWED_ORIGINS: z
    .string()
    .transform((list, ctx) => {
      const origins: string[] = [];
      for (const item of list.split(',').map((o) => o.trim()).filter(Boolean)) {
        let url: URL | null = null;
        try {
          url = new URL(item);
        } catch {
          url = null;
        }
        // An origin only: scheme, host and port, nothing after it, so that one entry means one site.
        if (!url || !['http:', 'https:'].includes(url.protocol) || item.replace(/\/$/, '') !== url.origin) {
          ctx.addIssue({ code: 'custom', message: `must be a comma-separated list of origins such as https://tafel.example.nl (no path), not ${JSON.stringify(item)}` });
          return z.NEVER;
        }
        origins.push(url.origin);
      }
      return origins;
    })
    .optional(),
  MONGODB_URI: z
    .string()
    .trim()
    .regex(/^mongodb(\+srv)?:\/\/\S+$/, 'must start with mongodb:// or mongodb+srv://')
    .optional(),
  DATA_DIR: z.string().trim().min(1, 'must not be empty').default('./data'),
  CACHE_DIR: z.string().trim().min(1, 'must not be empty').optional(),
  LOCAL_DATABASE: z.enum(localBackends, { error: `must be one of ${localBackends.join(', ')}` }).default(defaultLocalBackend),
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters long').optional(),
  LOG_LEVEL: z.enum(logLevels, { error: `must be one of ${logLevels.join(', ')}` }).default('info'),
  // Unset means on outside production and off in production (where 1 is refused).
  DEMO: z.enum(['0', '1'], { error: 'must be 0 or 1' }).optional(),
  DEMO_CONTRACT: z.enum(['0', '1'], { error: 'must be 0 or 1' }).optional(),
  ALLOW_LOCAL_DATABASE: z.enum(['0', '1'], { error: 'must be 0 or 1' }).default('0'),
  SMTP_URL: z.string().trim().regex(/^smtps?:\/\/\S+$/, 'must start with smtp:// or smtps://').optional(),
  MAIL_FROM: z.string().trim().min(3, 'must be an e-mail address').default('Dialoogtafel <noreply@dialoogtafel.example>'),
  REDIS_URL: z.string().trim().regex(/^rediss?:\/\/\S+$/, 'must start with redis:// or rediss://').optional(),
  THEME_CSS: z.string().trim().regex(/\.css$/i, 'must be the path of a .css file').optional(),
  SHUTDOWN_TIMEOUT_MS: z
    .string()
    .regex(/^\d+$/, 'must be a whole number of milliseconds')
    .transform(Number)
    .default(8000),
  // Limits against hostile or runaway clients (see server/limits/*).
  MAX_SOCKET_MESSAGE_BYTES: countSchema('bytes', 1024).default(256 * 1024),
  MAX_COLLAB_MESSAGE_BYTES: countSchema('bytes', 1024).default(1024 * 1024),
  MAX_DOCUMENT_BYTES: countSchema('bytes', 64 * 1024).default(4 * 1024 * 1024),
  // Attachments (server/attachments): the largest file; tariff sheets and frameworks fit in 25 MB.
  MAX_ATTACHMENT_BYTES: countSchema('bytes', 1024).default(25 * 1024 * 1024),
  MAX_CONNECTIONS_PER_USER: countSchema('connections', 1).default(30),
  EVENTS_PER_SECOND: countSchema('events per second', 1).default(20),
  EVENT_BURST: countSchema('events', 1).default(60),
  COLLAB_MESSAGES_PER_SECOND: countSchema('messages per second', 1).default(100),
  COLLAB_MESSAGE_BURST: countSchema('messages', 1).default(500),
  // Privacy and audit (server/privacy/*, server/audit/signing.ts).
  AUDIT_SIGNING_KEY: z.string().min(1, 'must not be empty').optional(),
  RETAIN_SIGN_INS_DAYS: countSchema('days', 0).default(0),
  RETAIN_LINKS_DAYS: countSchema('days', 1).default(30),
  RETAIN_OUTBOX_DAYS: countSchema('days', 1).default(30),
  RETAIN_ATTENDANCE_DAYS: countSchema('days', 30).default(730),
  RETENTION_SWEEP_MINUTES: countSchema('minutes', 1).default(60),
  RETAIN_REFUSED_APPLICATIONS_MONTHS: countSchema('months', 1).default(12),
  // Search (server/search/*): indexes held in memory per node.
  SEARCH_MAX_TRAJECTORIES: countSchema('trajectories', 1).default(20),
  SEARCH_IDLE_MINUTES: countSchema('minutes', 1).default(30),
  // Importing a Word draft of the agreement (server/import/*).
  WORD_IMPORT_MAX_BYTES: countSchema('bytes', 1024).default(10 * 1024 * 1024),
  WORD_IMPORT_MAX_UNPACKED_BYTES: countSchema('bytes', 1024).default(100 * 1024 * 1024),
  // Sign-in through the organisation's own OpenID Connect provider (server/auth/oidc-*.ts).
  OIDC_ISSUER: z
    .url({ protocol: /^https?$/, error: 'must be the http:// or https:// address of an OpenID Connect provider' })
    .transform((u) => u.replace(/\/+$/, ''))
    .optional(),
  OIDC_CLIENT_ID: z.string().trim().min(1, 'must not be empty').max(500, 'is too long').optional(),
  OIDC_CLIENT_SECRET: z.string().min(1, 'must not be empty').max(2000, 'is too long').optional(),
  OIDC_BUTTON_LABEL: z.string().trim().min(1, 'must not be empty').max(80, 'must be at most 80 characters').optional(),
  PASSWORD_SIGNIN: z.enum(['0', '1'], { error: 'must be 0 or 1' }).default('1'),
  // Notifications (server/notifications/*).
  NOTIFY_POLL_MS: countSchema('milliseconds', 50).default(5000),
  NOTIFY_RETRY_MS: countSchema('milliseconds', 50).default(30_000),
  NOTIFY_DIGEST_HOUR: countSchema('hours', 0).refine((n) => n <= 23, 'must be an hour from 0 to 23').default(7),
});

export interface NotifySettings {
  /** How often the delivery worker looks at the pending queue (it is also woken by each new notification). */
  pollMs: number;
  /** The first retry's delay after a failed send; each further one doubles, up to an hour. */
  retryMs: number;
  /** The hour (Europe/Amsterdam) the daily digest goes out. */
  digestHour: number;
}

/** A positive whole number from an environment variable, with a lower bound that keeps the product usable. */
function countSchema(unit: string, min: number) {
  return z
    .string()
    .trim()
    .regex(/^\d+$/, `must be a whole number of ${unit}`)
    .transform(Number)
    .refine((n) => n >= min, `must be at least ${min} ${unit}`);
}

export interface Config {
  nodeEnv: 'development' | 'production' | 'test';
  port: number;
  host: string;
  /** The address people open; derived from HOST and PORT when PUBLIC_URL is not set. */
  publicUrl: string | undefined;
  /** Origins besides PUBLIC_URL's whose pages may open sockets and send writes (ALLOWED_ORIGINS). */
  allowedOrigins: string[];
  mongodbUri: string | undefined;
  dataDir: string;
  cacheDir: string;
  /** What the local database (no MONGODB_URI) keeps its data in: FerretDB on PostgreSQL or on SQLite. */
  localDatabase: LocalBackend;
  sessionSecret: string;
  logLevel: (typeof logLevels)[number];
  demo: boolean;
  /** With the demo: the Open House trajectory's agreement sealed as 1.0 and a change round (1.1) in dialogue. Off by default in tests, whose fixtures start from the draft. */
  demoContract: boolean;
  shutdownTimeoutMs: number;
  secureCookies: boolean;
  smtpUrl: string | undefined;
  mailFrom: string;
  /** Set when several nodes serve one deployment: rooms, documents and limits are shared over Redis. */
  redisUrl: string | undefined;
  /** A region's colours: the contents of the THEME_CSS file, served as /theme.css after the base theme. */
  themeCss: string | undefined;
  limits: Limits;
  /** Attachments: the largest file accepted (MAX_ATTACHMENT_BYTES). */
  attachments: { maxBytes: number };
  /** Ed25519 private key (PKCS#8 PEM or base64 DER) that signs audit chain heads; unset: a local key in DATA_DIR. */
  auditSigningKey?: string | undefined;
  retention?: Retention;
  /** How many trajectories' search indexes a node holds, and for how long unused (SEARCH_*). */
  search?: { maxTrajectories: number; idleMs: number };
  /** Set when OIDC_ISSUER is: people may sign in through their organisation's OpenID Connect provider. */
  oidc: OidcSettings | undefined;
  /** The notification worker's rhythm; defaults apply when a configuration (a test's) names none. */
  notify?: NotifySettings;
  /** False with PASSWORD_SIGNIN=0: the password form, reset and password routes refuse. */
  passwordSignIn: boolean;
  /** Limits of the Word import; optional so configs built by hand elsewhere keep their shape. */
  wordImport?: WordImportLimits;
}

/** How large a Word file the import accepts: as uploaded, and all its parts unpacked (against zip bombs). */
export interface WordImportLimits {
  maxFileBytes: number;
  maxUnpackedBytes: number;
}

export const defaultWordImportLimits: WordImportLimits = { maxFileBytes: 10 * 1024 * 1024, maxUnpackedBytes: 100 * 1024 * 1024 };

export interface OidcSettings {
  issuer: string;
  clientId: string;
  /** Unset for a public client (PKCE only). */
  clientSecret: string | undefined;
  /** The sign-in button's text; unset means the product's own Dutch/English text. */
  buttonLabel: string | undefined;
  /** http issuers are accepted only outside production. */
  allowInsecureIssuer: boolean;
}

/** How long personal data that has served its purpose is kept before the sweep removes it (days). */
export interface Retention {
  /** Sign-in sessions after they expired. */
  signInsDays: number;
  /** Password-reset and invitation links after they were used, revoked or expired. */
  linksDays: number;
  /** Mail in the development outbox after it was written. */
  outboxDays: number;
  /** Attendance records after the session's attendance was last seen. */
  attendanceDays: number;
  /** How often the sweep runs (on one node at a time). */
  sweepMinutes: number;
  /** Months after a refusal before the applicant's contact data and documents are erased (admission; default 12). */
  refusedApplicationsMonths?: number;
}

/** Sizes and rates a client may use; beyond them it gets a clear error (413, 429, a close code). */
export interface Limits {
  /** Largest Socket.io message (socket.io `maxHttpBufferSize`). */
  socketMessageBytes: number;
  /** Largest collaboration frame (ws `maxPayload`). */
  collabMessageBytes: number;
  /** Largest a clause document may grow (its encoded Yjs state). */
  documentBytes: number;
  /** Open Socket.io and collaboration connections of one signed-in person, together. */
  connectionsPerUser: number;
  /** Socket events per second per connection, with a burst allowance. */
  eventsPerSecond: number;
  eventBurst: number;
  /** Collaboration messages per second per connection, with a burst allowance. */
  collabMessagesPerSecond: number;
  collabMessageBurst: number;
}

/** A configuration problem that names the variable; start-up prints it as one line. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    readonly problem: string,
  ) {
    super(`Invalid setting ${variable}: ${problem}.`);
    this.name = 'ConfigError';
  }
}

/** Treat empty variables as unset so `PORT= npm start` means the default, as in most tools. */
function nonEmpty(env: NodeJS.ProcessEnv): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) if (value !== undefined && value !== '') out[key] = value;
  return out;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(nonEmpty(env));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const variable = String(issue.path[0] ?? 'environment');
    const value = env[variable];
    const shown = value === undefined ? '' : `, got ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
    throw new ConfigError(variable, `${issue.message}${shown}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.DATA_DIR);
  const cacheDir = path.resolve(e.CACHE_DIR ?? path.join(env.XDG_CACHE_HOME || path.join(homedir(), '.cache'), 'dialoogtafel'));
  if (e.NODE_ENV === 'production') refuseUnsafeProductionSettings(e);
  if (e.REDIS_URL && !e.SESSION_SECRET) {
    // Ballot keys are derived from it: nodes with secrets of their own would count a person twice.
    throw new ConfigError('SESSION_SECRET', 'is required with REDIS_URL: every node must use the same one (at least 32 random characters)');
  }
  const oidc = oidcSettings(e);
  const sessionSecret = e.SESSION_SECRET ?? loadOrCreateSessionSecret(dataDir);
  if (e.AUDIT_SIGNING_KEY) {
    try {
      parseSigningKey(e.AUDIT_SIGNING_KEY);
    } catch (error) {
      throw new ConfigError('AUDIT_SIGNING_KEY', `must be an Ed25519 private key as PKCS#8 PEM or base64 (${(error as Error).message})`);
    }
  }
  return {
    nodeEnv: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    publicUrl: e.PUBLIC_URL,
    allowedOrigins: e.ALLOWED_ORIGINS ?? [],
    mongodbUri: e.MONGODB_URI,
    dataDir,
    cacheDir,
    localDatabase: e.LOCAL_DATABASE,
    sessionSecret,
    logLevel: e.LOG_LEVEL,
    demo: (e.DEMO ?? (e.NODE_ENV === 'production' ? '0' : '1')) === '1',
    demoContract: (e.DEMO_CONTRACT ?? (e.NODE_ENV === 'test' ? '0' : '1')) === '1',
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    secureCookies: (e.PUBLIC_URL ?? '').startsWith('https://'),
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    redisUrl: e.REDIS_URL,
    themeCss: e.THEME_CSS === undefined ? undefined : readThemeCss(e.THEME_CSS),
    limits: {
      socketMessageBytes: e.MAX_SOCKET_MESSAGE_BYTES,
      collabMessageBytes: e.MAX_COLLAB_MESSAGE_BYTES,
      documentBytes: e.MAX_DOCUMENT_BYTES,
      connectionsPerUser: e.MAX_CONNECTIONS_PER_USER,
      eventsPerSecond: e.EVENTS_PER_SECOND,
      eventBurst: e.EVENT_BURST,
      collabMessagesPerSecond: e.COLLAB_MESSAGES_PER_SECOND,
      collabMessageBurst: e.COLLAB_MESSAGE_BURST,
    },
    attachments: { maxBytes: e.MAX_ATTACHMENT_BYTES },
    auditSigningKey: e.AUDIT_SIGNING_KEY,
    retention: {
      signInsDays: e.RETAIN_SIGN_INS_DAYS,
      linksDays: e.RETAIN_LINKS_DAYS,
      outboxDays: e.RETAIN_OUTBOX_DAYS,
      attendanceDays: e.RETAIN_ATTENDANCE_DAYS,
      sweepMinutes: e.RETENTION_SWEEP_MINUTES,
      refusedApplicationsMonths: e.RETAIN_REFUSED_APPLICATIONS_MONTHS,
    },
    oidc,
    passwordSignIn: e.PASSWORD_SIGNIN === '1',
    search: { maxTrajectories: e.SEARCH_MAX_TRAJECTORIES, idleMs: e.SEARCH_IDLE_MINUTES * 60_000 },
    wordImport: { maxFileBytes: e.WORD_IMPORT_MAX_BYTES, maxUnpackedBytes: e.WORD_IMPORT_MAX_UNPACKED_BYTES },
    notify: { pollMs: e.NOTIFY_POLL_MS, retryMs: e.NOTIFY_RETRY_MS, digestHour: e.NOTIFY_DIGEST_HOUR },
  };
}

/** The OpenID Connect settings belong together; each missing or unsafe one is named on its own. */
function oidcSettings(e: z.infer<typeof envSchema>): OidcSettings | undefined {
  if (!e.OIDC_ISSUER) {
    for (const name of ['OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET', 'OIDC_BUTTON_LABEL'] as const) {
      if (e[name]) throw new ConfigError('OIDC_ISSUER', `is required with ${name}`);
    }
    if (e.PASSWORD_SIGNIN === '0') throw new ConfigError('PASSWORD_SIGNIN', '0 needs OIDC_ISSUER: without passwords and without OpenID Connect nobody could sign in');
    return undefined;
  }
  if (!e.OIDC_CLIENT_ID) throw new ConfigError('OIDC_CLIENT_ID', 'is required with OIDC_ISSUER');
  if (e.NODE_ENV === 'production' && !e.OIDC_ISSUER.startsWith('https://')) {
    throw new ConfigError('OIDC_ISSUER', `must be an https:// address in production, got ${JSON.stringify(e.OIDC_ISSUER)}`);
  }
  return {
    issuer: e.OIDC_ISSUER,
    clientId: e.OIDC_CLIENT_ID,
    clientSecret: e.OIDC_CLIENT_SECRET,
    buttonLabel: e.OIDC_BUTTON_LABEL,
    allowInsecureIssuer: e.NODE_ENV !== 'production',
  };
}

/**
 * Settings that are fine on a laptop but unsafe for a municipality's server: each stops start-up
 * with one line naming the setting. Checked in the order an operator would fix them.
 */
function refuseUnsafeProductionSettings(e: z.infer<typeof envSchema>): void {
  if (!e.SESSION_SECRET) throw new ConfigError('SESSION_SECRET', 'is required in production (at least 32 random characters)');
  if (!e.PUBLIC_URL) throw new ConfigError('PUBLIC_URL', 'is required in production: the https:// address people open');
  if (!e.PUBLIC_URL.startsWith('https://')) {
    throw new ConfigError('PUBLIC_URL', `must be an https:// address in production (cookies and links must not travel in the clear), got ${JSON.stringify(e.PUBLIC_URL)}`);
  }
  if (!e.MONGODB_URI && e.ALLOW_LOCAL_DATABASE !== '1') {
    throw new ConfigError('MONGODB_URI', 'is required in production (a MongoDB replica set); set ALLOW_LOCAL_DATABASE=1 to run on the local database anyway');
  }
  if (e.DEMO === '1') throw new ConfigError('DEMO', 'must not be 1 in production: the demo accounts have a published password');
  // A key generated on the server's own disk would change with every new container, and outsiders could no longer check old heads.
  if (!e.AUDIT_SIGNING_KEY) throw new ConfigError('AUDIT_SIGNING_KEY', 'is required in production (an Ed25519 private key, PKCS#8 PEM or base64; see the README)');
}

/** The region's stylesheet, read once: a missing, unreadable, oversized or non-CSS file stops start-up. */
function readThemeCss(file: string): string {
  const maxBytes = 256 * 1024;
  let css: Buffer;
  try {
    css = readFileSync(path.resolve(file));
  } catch (err) {
    throw new ConfigError('THEME_CSS', `cannot read ${JSON.stringify(file)} (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  if (css.length > maxBytes) throw new ConfigError('THEME_CSS', `must be at most ${maxBytes / 1024} KB, got ${Math.ceil(css.length / 1024)} KB`);
  const text = css.toString('utf8');
  // A stylesheet, not a page: markup in it means the wrong file was named.
  if (text.includes('\uFFFD') || /<\/?[a-z]/i.test(text)) throw new ConfigError('THEME_CSS', `${JSON.stringify(file)} is not a UTF-8 CSS file`);
  return text;
}

/** Outside production the secret is generated once and kept beside the data, so sessions survive restarts. */
function loadOrCreateSessionSecret(dataDir: string): string {
  const file = path.join(dataDir, 'session-secret');
  if (existsSync(file)) {
    const stored = readFileSync(file, 'utf8').trim();
    if (stored.length >= 32) return stored;
  }
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

/** The address to print and to build links with. */
export function displayUrl(config: Config, port: number): string {
  if (config.publicUrl) return config.publicUrl;
  const host = ['0.0.0.0', '::', '127.0.0.1', '::1'].includes(config.host) ? 'localhost' : config.host;
  return `http://${host}:${port}`;
}
