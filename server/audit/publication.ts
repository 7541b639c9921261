import { Types } from 'mongoose';
import type { Config } from '../config';
import type { ExportSection } from '../export/document';
import type { Models } from '../models';
import type { PublicationKind, PublicationRecord } from '../models/publication';
import { auditSigner, type SignedHead } from './signing';

const publicationId = (kind: PublicationKind, objectId: string) => `${kind}:${objectId}`;

/**
 * Signs the trajectory chain's head as it stands now and stores it with the publication. Called
 * by a publishing operation while it publishes: the head names every event up to that moment.
 * The stored head is read by `_id`; it may lag its chain by a round after a failed head write,
 * and is then still an event of the chain, which is all a signature needs.
 */
export async function recordPublication(models: Models, config: Config, kind: PublicationKind, trajectoryId: string, objectId: string): Promise<SignedHead | null> {
  const head = await models.auditHeads.findById(trajectoryId).lean();
  if (!head) return null;
  const signed = auditSigner(config).signHead({ chain: trajectoryId, seq: head.seq, hash: head.hash });
  await models.publications.replaceOne(
    { _id: publicationId(kind, objectId) },
    { trajectoryId: new Types.ObjectId(trajectoryId), kind, chain: signed.chain, seq: signed.seq, hash: signed.hash, signature: signed.signature, keyFingerprint: signed.keyFingerprint, signedAt: new Date(signed.signedAt) },
    { upsert: true },
  );
  return signed;
}

export async function findPublication(models: Models, kind: PublicationKind, objectId: string): Promise<PublicationRecord | null> {
  return models.publications.findById(publicationId(kind, objectId)).lean();
}

/**
 * The block printed in a published document: the chain head, its signature and the key's
 * fingerprint, one value per line with fixed labels so `npm run audit:verify` reads them back
 * from the DOCX or PDF text (values may wrap; the reader joins them).
 */
function chainHeadSection(p: Pick<PublicationRecord, 'chain' | 'seq' | 'hash' | 'signature' | 'keyFingerprint' | 'signedAt'>): ExportSection {
  const signedAt = new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', dateStyle: 'long', timeStyle: 'medium' }).format(new Date(p.signedAt));
  return {
    heading: 'Controle van het logboek',
    paragraphs: [
      {
        text: `Bij publicatie (${signedAt}) stond het logboek van dit traject op de gebeurtenis hieronder. De server heeft dat ondertekend (Ed25519). Controleer met npm run audit:verify -- <dit bestand>, of met de publieke sleutel van GET /api/audit/public-key.`,
        style: 'small',
      },
      { label: 'audit-head-chain:', text: p.chain, style: 'small' },
      { label: 'audit-head-seq:', text: String(p.seq), style: 'small' },
      { label: 'audit-head-hash:', text: p.hash, style: 'small' },
      { label: 'audit-head-signature:', text: p.signature, style: 'small' },
      { label: 'audit-head-key:', text: p.keyFingerprint, style: 'small' },
    ],
  };
}

/** The document with the head block at its end, when the document was published with one. */
export function withChainHead<D extends { sections: ExportSection[] }>(doc: D, publication: PublicationRecord | null): D {
  return publication ? { ...doc, sections: [...doc.sections, chainHeadSection(publication)] } : doc;
}
