import * as Y from 'yjs';

/** The close code and reason when a document would grow past its limit (4400–4499: clients do not retry). */
export const documentTooLarge = { code: 4413, reason: 'document_too_large' } as const;

/**
 * Keeps clause documents below a size. Encoding a document's state costs time in proportion to
 * its size, so the guard keeps a running upper estimate (the encoded state at the last exact
 * measurement plus every update applied since) and measures exactly only when the estimate
 * comes near the limit.
 */
export class DocumentSizeGuard {
  private readonly estimates = new WeakMap<Y.Doc, { bytes: number }>();

  constructor(readonly maxBytes: number) {}

  /** True when an update of `updateBytes` may be applied: the document stays within the limit even if the update only adds. */
  admits(doc: Y.Doc, updateBytes: number): boolean {
    const estimate = this.track(doc);
    if (estimate.bytes + updateBytes <= this.maxBytes) return true;
    estimate.bytes = Y.encodeStateAsUpdate(doc).byteLength;
    return estimate.bytes + updateBytes <= this.maxBytes;
  }

  private track(doc: Y.Doc): { bytes: number } {
    let estimate = this.estimates.get(doc);
    if (!estimate) {
      const tracked = { bytes: Y.encodeStateAsUpdate(doc).byteLength };
      doc.on('update', (update: Uint8Array) => {
        tracked.bytes += update.byteLength;
      });
      this.estimates.set(doc, tracked);
      estimate = tracked;
    }
    return estimate;
  }
}
