/** MongoDB's (and FerretDB's) code for a write refused by a unique index. */
const duplicateKeyCode = 11000;

/**
 * Whether a write failed only because the record is there already (a unique index said no):
 * for a single write its code, for a bulk write every one of its write errors.
 */
export function isDuplicateKey(error: unknown): boolean {
  const { code, writeErrors } = (error ?? {}) as { code?: number; writeErrors?: Array<{ code?: number }> };
  if (writeErrors && writeErrors.length > 0) return writeErrors.every((e) => e.code === duplicateKeyCode);
  return code === duplicateKeyCode;
}
