import type { Response } from 'express';
import { z } from 'zod';
import { accountDto, auditPublicKeyDto, erasureDto } from '../../shared/schemas/privacy';
import { auditPublicKey } from '../audit/signing-operations';
import type { RouteTable } from '../api/route-table';
import type { Operation } from '../commands/operation';
import { namedExportFile } from '../export/download';
import { eraseAccountOperation, listAccounts, myPersonalData, myPersonalDataDocument } from './privacy-operations';

type Any = Operation<z.ZodType, z.ZodType, unknown>;
const op = (o: unknown) => o as Any;

/** Sends the person's data as a JSON file to keep. */
function jsonFile(res: Response, result: unknown) {
  res.setHeader('Content-Disposition', 'attachment; filename="mijn-gegevens-dialoogtafel.json"');
  res.setHeader('Cache-Control', 'no-store');
  res.type('application/json').send(JSON.stringify(result, null, 2));
}

/** Privacy (AVG): a person's own data, and erasure on request by a platform administrator. */
export function privacyRoutes(): RouteTable {
  return [
    { method: 'get', path: '/me/data.json', tag: 'privacy', summary: 'Everything stored about the signed-in person, as JSON', operation: op(myPersonalData), respond: jsonFile },
    { method: 'get', path: '/me/data.docx', tag: 'privacy', summary: 'Everything stored about the signed-in person, as DOCX', operation: op(myPersonalDataDocument), respond: namedExportFile('docx') },
    { method: 'get', path: '/me/data.pdf', tag: 'privacy', summary: 'Everything stored about the signed-in person, as PDF', operation: op(myPersonalDataDocument), respond: namedExportFile('pdf') },
    { method: 'get', path: '/admin/accounts', tag: 'privacy', summary: 'Every account, for erasure on request', operation: op(listAccounts), response: z.array(accountDto) },
    { method: 'get', path: '/audit/public-key', tag: 'audit', public: true, summary: 'The Ed25519 public key that signs the audit chain heads printed in published documents', operation: op(auditPublicKey), response: auditPublicKeyDto },
    { method: 'post', path: '/admin/accounts/:userId/erase', tag: 'privacy', summary: 'Erase an account on request: personal data goes, contributions stay under a pseudonym', operation: op(eraseAccountOperation), response: erasureDto },
  ];
}
