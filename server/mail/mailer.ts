import nodemailer, { type Transporter } from 'nodemailer';
import type { Config } from '../config';
import type { Logger } from '../logger';
import type { Models } from '../models';

export interface Mail {
  to: string;
  subject: string;
  text: string;
  /** Holds a credential (a password-reset link): never kept in the outbox once real mail is configured. */
  sensitive?: boolean;
}

/**
 * Sends mail over SMTP when SMTP_URL is set; otherwise (development, tests) every message lands
 * in the outbox collection, which a platform administrator reads at /beheer/postvak.
 */
export class Mailer {
  private readonly transport: Transporter | undefined;

  constructor(
    private readonly config: Config,
    private readonly models: Models,
    private readonly log: Logger,
  ) {
    this.transport = config.smtpUrl ? nodemailer.createTransport(config.smtpUrl) : undefined;
  }

  async send({ sensitive, ...mail }: Mail): Promise<void> {
    if (!this.transport) {
      await this.models.outbox.create({ ...mail, createdAt: new Date() });
      return;
    }
    try {
      await this.transport.sendMail({ from: this.config.mailFrom, ...mail });
    } catch (error) {
      // An invitation must not be lost when the mail server hiccups: it is kept for the administrators.
      // A reset link is not: administrators must not be able to take over accounts; the person can ask again.
      this.log.error({ err: (error as Error).message, sensitive: Boolean(sensitive) }, sensitive ? 'sending mail failed' : 'sending mail failed; kept in the outbox');
      if (!sensitive) await this.models.outbox.create({ ...mail, createdAt: new Date() });
    }
  }
}
