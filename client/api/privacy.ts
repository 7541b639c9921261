import { call, routeUrl } from './call';

const myData = { json: 'myPersonalData', docx: 'myPersonalDataDocumentDocx', pdf: 'myPersonalDataDocumentPdf' } as const;

/** One's own data (AVG) and, for administrators, erasure on request. */
export const privacyApi = {
  myDataUrl: (format: 'json' | 'docx' | 'pdf') => routeUrl(myData[format], {}),
  accounts: (signal?: AbortSignal) => call('listAccounts', {}, signal),
  erase: (userId: string) => call('eraseAccount', { params: { userId } }),
};
