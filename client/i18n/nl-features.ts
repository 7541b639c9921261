import { sessionsNl } from './sessions-nl';
import { agreementNl } from './agreement-nl';
import { revisionsNl } from './revisions-nl';
import { questionsNl } from './questions-nl';
import { consultationNl } from './consultation-nl';
import { reportsNl } from './reports-nl';
import { outcomesNl } from './outcomes-nl';
import { finalNl } from './final-nl';
import { planningNl } from './planning-nl';
import { anonymityNl } from './anonymity-nl';
import { searchNl } from './search-nl';
import { wordImportNl } from './word-import-nl';
import { attachmentsNl } from './attachments-nl';
import { calendarNl } from './calendar-nl';
import { plainSummaryNl } from './plain-summary-nl';
import { onBehalfNl } from './on-behalf-nl';
import { admissionNl } from './admission-nl';
import { mandatesNl } from './mandates-nl';
import { mediationNl } from './mediation-nl';
import { roomNl } from './room-nl';
import { bulkInvitationsNl } from './bulk-invitations-nl';

/**
 * The Dutch texts of the pages behind the first page: a chunk of their own, fetched together with
 * such a page (see lazyPage in components/LazyPage.tsx and loadPageTexts in ./index.ts), so the
 * sign-in page does not carry them. Part of the Messages type (./nl.ts).
 */
export const nlFeatures = {
  sessions: sessionsNl,
  agreement: agreementNl,
  revisions: revisionsNl,
  questions: questionsNl,
  consultation: consultationNl,
  reports: reportsNl,
  outcomes: outcomesNl,
  final: finalNl,
  planningEditor: planningNl,
  anonymity: anonymityNl,
  search: searchNl,
  wordImport: wordImportNl,
  attachments: attachmentsNl,
  calendar: calendarNl,
  plainSummary: plainSummaryNl,
  onBehalf: onBehalfNl,
  admission: admissionNl,
  mandates: mandatesNl,
  mediation: mediationNl,
  room: roomNl,
  bulkInvitations: bulkInvitationsNl,
};
