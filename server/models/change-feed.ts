import type { Connection, MongooseQueryMiddleware, Schema } from 'mongoose';

/**
 * Tells in-process listeners that a collection was written through mongoose, per connection
 * (several servers may run in one process, each with its own connection). Read caches use it to
 * forget what they hold the moment their source changes (read-cache.ts); other nodes hear of it
 * over Redis. Writes that bypass mongoose (a restore into an empty database) are not seen here.
 */
type Listener = (collection: string) => void;

const listeners = new WeakMap<Connection, Set<Listener>>();

export function onCollectionWrite(connection: Connection, listener: Listener): () => void {
  let set = listeners.get(connection);
  if (!set) listeners.set(connection, (set = new Set()));
  set.add(listener);
  return () => set.delete(listener);
}

function notify(connection: Connection | undefined, collection: string): void {
  if (!connection) return;
  for (const listener of listeners.get(connection) ?? []) listener(collection);
}

const queryWrites: MongooseQueryMiddleware[] = ['updateOne', 'updateMany', 'findOneAndUpdate', 'findOneAndDelete', 'findOneAndReplace', 'replaceOne', 'deleteOne', 'deleteMany'];

/** Makes every write through the schema's models reach `onCollectionWrite` listeners, before the write's promise resolves. */
export function announceWrites(schema: Schema, collection: string): void {
  // Both before (a reader that starts during the write must not keep the old state) and after.
  schema.pre(queryWrites, { document: false, query: true }, function (this: { model?: { db?: Connection } }) {
    notify(this.model?.db, collection);
  });
  schema.post(queryWrites, { document: false, query: true }, function (this: { model?: { db?: Connection } }) {
    notify(this.model?.db, collection);
  });
  schema.post('save', function (this: { db?: Connection }) {
    notify(this.db, collection);
  });
  schema.post('insertMany', function (this: { db?: Connection }) {
    notify(this.db, collection);
  });
  schema.post('deleteOne', { document: true, query: false }, function (this: { db?: Connection }) {
    notify(this.db, collection);
  });
}
