import { Schema, type Connection, type Model } from 'mongoose';

/**
 * A person's secret calendar subscription: at most one, addressed by the person's id (`_id`), so
 * both the feed (whose token starts with that id) and "Mijn gegevens" find it by `_id` equality.
 * Only the token's hash is stored; renewing replaces it, revoking deletes the record.
 */
export interface CalendarSubscriptionRecord {
  /** The user's id as a 24-hex string. */
  _id: string;
  tokenHash: string;
  createdAt: Date;
  /** The last time a calendar program fetched the feed (day precision is enough to tell "in use"). */
  lastFetchedAt: Date | null;
}

const schema = new Schema<CalendarSubscriptionRecord>(
  {
    _id: { type: String, required: true },
    tokenHash: { type: String, required: true },
    createdAt: { type: Date, default: () => new Date() },
    lastFetchedAt: { type: Date, default: null },
  },
  { collection: 'calendar_subscriptions', versionKey: false },
);

export const calendarSubscriptionModel = (c: Connection): Model<CalendarSubscriptionRecord> =>
  (c.models.CalendarSubscription as Model<CalendarSubscriptionRecord>) ?? c.model<CalendarSubscriptionRecord>('CalendarSubscription', schema);
