/**
 * `npm run admin:create -- --email <address> [--name <name>] [--print-link]`: makes a platform
 * administrator, or promotes an existing account, and sends a single-use link to set a password:
 * by mail when SMTP_URL is set, otherwise into the outbox. The link is printed here (on stdout)
 * outside production, and in production only with --print-link, since a console log is no place
 * for a credential. Uses MONGODB_URI, or else the local database in DATA_DIR, as the server does.
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { email as emailSchema, personName } from '../shared/schemas/common';
import { AuditLog, platformChain } from '../server/audit/audit-log';
import { hashPassword } from '../server/auth/passwords';
import { newToken } from '../server/auth/tokens';
import { displayUrl, loadConfig } from '../server/config';
import { Locks } from '../server/db/locks';
import { createLogger } from '../server/logger';
import { Mailer } from '../server/mail/mailer';
import { runWithDatabase } from './database-script';

/** Long enough for an administrator to get to it, short enough that a forgotten link goes stale. */
const linkValidMs = 24 * 60 * 60 * 1000;

const usage = 'Usage: npm run admin:create -- --email <address> [--name <name>] [--print-link]';
const { values } = parseArgs({
  options: { email: { type: 'string' }, name: { type: 'string' }, 'print-link': { type: 'boolean', default: false } },
  strict: false,
});
const email = emailSchema.safeParse(values.email);
if (!email.success) {
  process.stderr.write(`${typeof values.email === 'string' ? `--email ${email.error.issues[0]?.message ?? 'is not valid'}.` : '--email is required.'}\n${usage}\n`);
  process.exit(64);
}
const name = personName.safeParse(values.name ?? email.data.split('@')[0]);
if (!name.success) {
  process.stderr.write(`--name ${name.error.issues[0]?.message ?? 'is not valid'}.\n${usage}\n`);
  process.exit(64);
}

await runWithDatabase(async (_db, models) => {
  const config = loadConfig();
  const printLink = config.nodeEnv !== 'production' || values['print-link'] === true;
  const audit = new AuditLog(models, new Locks(models.locks, { waitMs: 15_000 }));

  let user = await models.users.findOne({ email: email.data }).lean();
  const existed = user !== null;
  if (!user) {
    // No password anyone knows: the account is usable only once the link has set one.
    const created = await models.users.create({ email: email.data, name: name.data, passwordHash: await hashPassword(randomBytes(32).toString('base64url')), platformAdmin: true });
    user = created.toObject();
    await audit.append({ chain: platformChain, action: 'user.create', objectType: 'user', objectId: String(user._id), actorId: null, summary: { platformAdmin: true, by: 'admin:create' } });
  } else if (!user.platformAdmin) {
    await models.users.updateOne({ _id: user._id }, { $set: { platformAdmin: true } });
    await audit.append({ chain: platformChain, action: 'user.platform_admin_granted', objectType: 'user', objectId: String(user._id), actorId: null, summary: { by: 'admin:create' } });
  }

  const { token, hash } = newToken();
  await models.passwordResets.create({ userId: user._id, tokenHash: hash, expiresAt: new Date(Date.now() + linkValidMs) });
  await audit.append({ chain: platformChain, action: 'auth.password_reset_requested', objectType: 'user', objectId: String(user._id), actorId: null, summary: { by: 'admin:create' } });
  const link = `${config.publicUrl ?? displayUrl(config, config.port)}/wachtwoord-herstellen/${token}`;

  // Mail goes out over SMTP_URL when set; failures are logged on stderr, never the link itself.
  const mailer = new Mailer(config, models, createLogger('error', process.stderr));
  await mailer.send({
    to: user.email,
    subject: 'Beheerder van Dialoogtafel',
    sensitive: true,
    text:
      `Beste ${user.name},\n\nU bent beheerder van Dialoogtafel. Kies uw wachtwoord via deze link ` +
      `(24 uur geldig, één keer te gebruiken):\n\n${link}\n`,
  });

  const where = config.smtpUrl ? `mailed to ${user.email}` : 'put in the outbox (no SMTP_URL is set)';
  process.stderr.write(`${existed ? (user.platformAdmin ? 'Already a platform administrator' : 'Promoted to platform administrator') : 'Created platform administrator'}: ${user.email}.\n`);
  process.stderr.write(`A single-use link to set the password (valid 24 hours) was ${where}.\n`);
  if (printLink) process.stdout.write(`${link}\n`);
  else if (!config.smtpUrl) process.stderr.write('Nobody can read the outbox yet: run this again with --print-link to see the link here.\n');
});

