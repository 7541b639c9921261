import { Schema, type Connection, type Model, type Types } from 'mongoose';
import { deliveryModes, mailLanguages, notificationKinds, type DeliveryMode, type MailLanguage, type NotificationKind } from '../../shared/schemas/notifications';

/** What happened, as told to one person: no author of anonymous input is ever in it. */
export interface NotificationEvent {
  kind: NotificationKind;
  trajectoryId: string;
  /** A path in the app, e.g. /trajecten/…/vragen; mails prefix PUBLIC_URL. */
  link: string;
  /** Titles and dates for the message text (never a person's name). */
  params: Record<string, string>;
  /** A session's id when the mail carries its calendar entry. */
  sessionId?: string;
}

/**
 * A mail still to send: the pending queue. Items leave it once sent (to notification_sent), so the
 * worker's scan (on FerretDB every non-_id filter scans) stays as small as what is pending.
 */
export interface NotificationQueueRecord {
  _id: Types.ObjectId;
  /** null for mail to an address without an account yet (an invitation): `email` says where. */
  userId: Types.ObjectId | null;
  email?: string | null;
  event: NotificationEvent;
  mode: Exclude<DeliveryMode, 'off'>;
  mandatory: boolean;
  /** Anonymous input: also the notification centre hears of it only when the digest goes. */
  batched: boolean;
  dueAt: Date;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
}

const eventSchema = new Schema<NotificationEvent>(
  {
    kind: { type: String, enum: notificationKinds, required: true },
    trajectoryId: { type: String, required: true },
    link: { type: String, required: true },
    params: { type: Schema.Types.Mixed, default: {} },
    sessionId: { type: String },
  },
  { _id: false },
);

const queueSchema = new Schema<NotificationQueueRecord>(
  {
    userId: { type: Schema.Types.ObjectId, default: null },
    email: { type: String, default: null },
    event: { type: eventSchema, required: true },
    mode: { type: String, enum: deliveryModes.filter((m) => m !== 'off'), required: true },
    mandatory: { type: Boolean, default: false },
    batched: { type: Boolean, default: false },
    dueAt: { type: Date, required: true },
    attempts: { type: Number, default: 0 },
    lastError: { type: String, default: null },
    createdAt: { type: Date, default: () => new Date() },
  },
  { collection: 'notification_queue', versionKey: false },
);

/** The sent log: one record per sent queue item (its `_id`), so an item is never sent twice; pruned by retention. */
export interface NotificationSentRecord {
  _id: Types.ObjectId;
  userId: Types.ObjectId | null;
  trajectoryId: string;
  kind: NotificationKind;
  messageId: string;
  to: string;
  subject: string;
  sentAt: Date;
}

const sentSchema = new Schema<NotificationSentRecord>(
  {
    userId: { type: Schema.Types.ObjectId, default: null },
    trajectoryId: { type: String, required: true },
    kind: { type: String, enum: notificationKinds, required: true },
    messageId: { type: String, required: true },
    to: { type: String, required: true },
    subject: { type: String, required: true },
    sentAt: { type: Date, default: () => new Date() },
  },
  { collection: 'notification_sent', versionKey: false },
);

export interface InboxItem {
  id: string;
  kind: NotificationKind;
  trajectoryId: string;
  link: string;
  params: Record<string, string>;
  createdAt: Date;
  read: boolean;
}

/** A person's notification centre: one record per person, addressed by `_id` (the user id); the latest items only. */
export interface NotificationInboxRecord {
  _id: Types.ObjectId;
  unread: number;
  items: InboxItem[];
}

const inboxSchema = new Schema<NotificationInboxRecord>(
  {
    unread: { type: Number, default: 0 },
    items: [
      new Schema<InboxItem>(
        {
          id: { type: String, required: true },
          kind: { type: String, enum: notificationKinds, required: true },
          trajectoryId: { type: String, required: true },
          link: { type: String, required: true },
          params: { type: Schema.Types.Mixed, default: {} },
          createdAt: { type: Date, required: true },
          read: { type: Boolean, default: false },
        },
        { _id: false },
      ),
    ],
  },
  { collection: 'notification_inboxes', versionKey: false },
);

export interface PreferenceChoice {
  trajectoryId: string;
  kind: NotificationKind;
  mode: DeliveryMode;
}

/** A person's choices, addressed by `_id` (the user id). `tokenVersion` revokes every unsubscribe link at once. */
export interface NotificationPreferencesRecord {
  _id: Types.ObjectId;
  language: MailLanguage;
  tokenVersion: number;
  choices: PreferenceChoice[];
}

const preferencesSchema = new Schema<NotificationPreferencesRecord>(
  {
    language: { type: String, enum: mailLanguages, default: 'nl' },
    tokenVersion: { type: Number, default: 0 },
    choices: [
      new Schema<PreferenceChoice>(
        {
          trajectoryId: { type: String, required: true },
          kind: { type: String, enum: notificationKinds, required: true },
          mode: { type: String, enum: deliveryModes, required: true },
        },
        { _id: false },
      ),
    ],
  },
  { collection: 'notification_preferences', versionKey: false },
);

export const notificationQueueModel = (c: Connection): Model<NotificationQueueRecord> =>
  (c.models.NotificationQueue as Model<NotificationQueueRecord>) ?? c.model<NotificationQueueRecord>('NotificationQueue', queueSchema);
export const notificationSentModel = (c: Connection): Model<NotificationSentRecord> =>
  (c.models.NotificationSent as Model<NotificationSentRecord>) ?? c.model<NotificationSentRecord>('NotificationSent', sentSchema);
export const notificationInboxModel = (c: Connection): Model<NotificationInboxRecord> =>
  (c.models.NotificationInbox as Model<NotificationInboxRecord>) ?? c.model<NotificationInboxRecord>('NotificationInbox', inboxSchema);
export const notificationPreferencesModel = (c: Connection): Model<NotificationPreferencesRecord> =>
  (c.models.NotificationPreferences as Model<NotificationPreferencesRecord>) ?? c.model<NotificationPreferencesRecord>('NotificationPreferences', preferencesSchema);

/** A scheduled notification that was produced (a reminder, a closing consultation): its key is the `_id`, so one node produces it once. */
export interface NotificationMarkRecord {
  _id: string;
  at: Date;
}

const markSchema = new Schema<NotificationMarkRecord>({ _id: { type: String, required: true }, at: { type: Date, default: () => new Date() } }, { collection: 'notification_marks', versionKey: false });

export const notificationMarkModel = (c: Connection): Model<NotificationMarkRecord> =>
  (c.models.NotificationMark as Model<NotificationMarkRecord>) ?? c.model<NotificationMarkRecord>('NotificationMark', markSchema);
