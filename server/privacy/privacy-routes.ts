import type { Response } from 'express';
import { auditPublicKey } from '../audit/signing-operations';
import type { RouteTable } from '../api/route-table';
import { namedExportFile } from '../export/download';
import { eraseAccountOperation, listAccounts, myPersonalData, myPersonalDataDocument } from './privacy-operations';


/** Sends the person's data as a JSON file to keep. */
function jsonFile(res: Response, result: unknown) {
  res.setHeader('Content-Disposition', 'attachment; filename="mijn-gegevens-dialoogtafel.json"');
  res.setHeader('Cache-Control', 'no-store');
  res.type('application/json').send(JSON.stringify(result, null, 2));
}

/** Privacy (AVG): a person's own data, and erasure on request by a platform administrator. */
export function privacyRoutes(): RouteTable {
  return [
    { operationId: 'myPersonalData', operation: myPersonalData, respond: jsonFile },
    { operationId: 'myPersonalDataDocumentDocx', operation: myPersonalDataDocument, respond: namedExportFile('docx') },
    { operationId: 'myPersonalDataDocumentPdf', operation: myPersonalDataDocument, respond: namedExportFile('pdf') },
    { operationId: 'listAccounts', operation: listAccounts },
    { operationId: 'auditPublicKey', operation: auditPublicKey },
    { operationId: 'eraseAccount', operation: eraseAccountOperation },
  ];
}
