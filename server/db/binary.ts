/** Binary fields come back from the driver as BSON Binary; Yjs wants a Uint8Array. */
export function bytes(value: unknown): Uint8Array {
  if (value instanceof Uint8Array) return value;
  const maybe = value as { buffer?: unknown };
  if (maybe && maybe.buffer instanceof Uint8Array) return maybe.buffer;
  throw new Error('stored data is not binary');
}
