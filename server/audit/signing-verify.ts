import type { KeyObject } from 'node:crypto';
import { decodeArchive, type StoredRecord } from '../backup/archive-format';
import { hashEvent } from './audit-log';
import type { AuditEventRecord } from '../models/audit-event';
import { fingerprintOf, verifyHeadSignature, type SignedHead } from './signing';

/**
 * Checks a published document (DOCX, PDF) or a trajectory archive against the audit chain: the
 * printed head's signature against the server's key, and that the chain still holds that hash at
 * that sequence. The library half of `npm run audit:verify`.
 */
export type PrintedHead = Omit<SignedHead, 'signedAt'>;

/** Reads the labelled values of the head block from a document's text; values may be wrapped over lines. */
export function headFromText(text: string): PrintedHead | null {
  const value = (label: string, pattern: string) => {
    const match = new RegExp(`${label}:\\s*((?:${pattern}\\s*)+)`).exec(text);
    return match ? match[1]!.replace(/\s+/g, '') : null;
  };
  const chain = value('audit-head-chain', '[a-f0-9]');
  const seq = value('audit-head-seq', '[0-9]');
  const hash = value('audit-head-hash', '[a-f0-9]');
  const signature = value('audit-head-signature', '[A-Za-z0-9+/=]');
  const keyFingerprint = value('audit-head-key', '[a-f0-9:]');
  if (!chain || !seq || !hash || !signature || !keyFingerprint) return null;
  return { chain: chain.slice(0, 24), seq: Number(seq), hash: hash.slice(0, 64), signature: signature.slice(0, 88), keyFingerprint: keyFingerprint.slice(0, 79) };
}

export type Source =
  | { kind: 'document'; format: 'docx' | 'pdf'; heads: PrintedHead[] }
  | { kind: 'archive'; heads: PrintedHead[]; events: AuditEventRecord[] };

async function documentText(bytes: Buffer): Promise<{ format: 'docx' | 'pdf'; text: string }> {
  if (bytes.subarray(0, 4).toString('latin1') === 'PK\x03\x04') {
    const { default: JSZip } = await import('jszip');
    const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')?.async('string');
    if (!xml) throw new Error('The file is a zip file but not a Word document (no word/document.xml).');
    // Paragraph ends become line breaks; every other tag goes.
    return { format: 'docx', text: xml.replace(/<\/w:p>/g, '\n').replace(/<[^>]+>/g, '').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>') };
  }
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') {
    const { PDFParse } = await import('pdf-parse');
    const parsed = await new PDFParse({ data: new Uint8Array(bytes) }).getText();
    return { format: 'pdf', text: parsed.text };
  }
  throw new Error('The file is neither a DOCX, a PDF nor a Dialoogtafel archive.');
}

export async function readSource(bytes: Buffer): Promise<Source> {
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    const archive = decodeArchive(bytes);
    // Records keep their exact BSON types (Int32, Double); through JSON they are plain values again, as the hashes were made of.
    const plain = (records: StoredRecord[] | undefined) => (records ?? []).map((r) => JSON.parse(JSON.stringify(r)) as StoredRecord);
    const heads = plain(archive.collections.get('publications')).map((p: StoredRecord) => ({
      chain: String(p.chain),
      seq: Number(p.seq),
      hash: String(p.hash),
      signature: String(p.signature),
      keyFingerprint: String(p.keyFingerprint),
    }));
    const events = plain(archive.collections.get('audit_events')) as unknown as AuditEventRecord[];
    return { kind: 'archive', heads, events };
  }
  const { format, text } = await documentText(bytes);
  const head = headFromText(text);
  return { kind: 'document', format, heads: head ? [head] : [] };
}

export interface HeadCheck {
  head: PrintedHead;
  ok: boolean;
  problems: string[];
}

/** The event at a sequence of a chain, as the database or the archive holds it. */
export type EventAt = (chain: string, seq: number) => Promise<Pick<AuditEventRecord, 'chain' | 'seq' | 'at' | 'actorId' | 'action' | 'objectType' | 'objectId' | 'summary' | 'prevHash' | 'hash'> | null>;

export async function checkHead(head: PrintedHead, publicKey: KeyObject, eventAt: EventAt): Promise<HeadCheck> {
  const problems: string[] = [];
  const fingerprint = fingerprintOf(publicKey);
  if (head.keyFingerprint !== fingerprint) problems.push(`signed with another key (fingerprint ${head.keyFingerprint}; this server's key is ${fingerprint})`);
  else if (!verifyHeadSignature(head, publicKey)) problems.push('the signature does not match the printed head: the document was altered or not signed by this key');
  const event = await eventAt(head.chain, head.seq);
  if (!event) problems.push(`the chain ${head.chain} has no event ${head.seq} any more: events were removed`);
  else {
    if (event.hash !== head.hash) problems.push(`the chain's event ${head.seq} has hash ${event.hash}, the document ${head.hash}: the chain was rewritten after publication`);
    else if (hashEvent({ ...event, at: new Date(event.at) }) !== event.hash) problems.push(`the chain's event ${head.seq} does not match its own hash: it was altered`);
  }
  return { head, ok: problems.length === 0, problems };
}

/**
 * For an archive: its own events, checked link by link up to each head, so an archive whose
 * chain was rewritten before it was made is exposed by the document heads stored in it.
 */
export function archiveEventAt(events: AuditEventRecord[]): EventAt {
  const byChain = new Map<string, AuditEventRecord[]>();
  for (const e of events) {
    if (!byChain.has(e.chain)) byChain.set(e.chain, []);
    byChain.get(e.chain)!.push(e);
  }
  for (const list of byChain.values()) list.sort((a, b) => a.seq - b.seq);
  return async (chain, seq) => {
    const list = byChain.get(chain) ?? [];
    let previous: string | null = null;
    for (const e of list) {
      if ((e.prevHash ?? null) !== previous || hashEvent({ ...e, at: new Date(e.at) }) !== e.hash) return { ...e, hash: `broken-before-${e.seq}` };
      if (e.seq === seq) return e;
      previous = e.hash;
    }
    return null;
  };
}
