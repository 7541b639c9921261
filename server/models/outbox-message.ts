import { Schema, type Connection, type Model, type Types } from 'mongoose';

/** Mail that was not sent over SMTP (development): readable by a platform administrator. */
export interface OutboxMessageRecord {
  _id: Types.ObjectId;
  to: string;
  subject: string;
  text: string;
  /** Notification mail (server/notifications): its HTML part, Message-ID and headers (List-Unsubscribe). */
  html?: string | null;
  messageId?: string | null;
  headers?: Record<string, string> | null;
  createdAt: Date;
}

const schema = new Schema<OutboxMessageRecord>(
  {
    to: { type: String, required: true },
    subject: { type: String, required: true },
    text: { type: String, required: true },
    html: { type: String, default: null },
    messageId: { type: String, default: null },
    headers: { type: Schema.Types.Mixed, default: null },
    createdAt: { type: Date, default: () => new Date() },
  },
  { collection: 'outbox', versionKey: false },
);

export const outboxMessageModel = (c: Connection): Model<OutboxMessageRecord> =>
  (c.models.OutboxMessage as Model<OutboxMessageRecord>) ?? c.model<OutboxMessageRecord>('OutboxMessage', schema);
