import type { Request, Response } from 'express';
import { csvCell } from '../../shared/domain/admission';
import type { RegisterDto } from '../../shared/schemas/admission';
import type { RedisClient } from '../cluster/redis-clients';
import type { RouteTable } from '../api/route-table';
import { rateLimit } from '../http/rate-limit';
import { accede, admissionForm, answerQuestion, apply, attachDocument, register, viewOwnApplication } from './public-operations';
import { eraseApplicantOperation } from './applicant-erasure-operation';
import { admissionOverview, getApplication, reviewApplication, updateAdmissionSettings } from './review-operations';

/** The file as it arrives (application/octet-stream), its name from the query string. */
function uploadInput(req: Request): unknown {
  if (req.is('application/json')) return req.body;
  return { ...req.query, contentType: req.headers['content-type'], declaredLength: req.headers['content-length'], stream: req };
}

const csvColumns = ['Organisatie', 'KvK-nummer', 'Soort', 'Plaats', 'Percelen', 'Gemeenten', 'Versie overeenkomst', 'Toegetreden op'] as const;

/** The register as CSV (UTF-8 with BOM for spreadsheets, `;` as Dutch spreadsheets expect); no cell can run as a formula. */
function registerCsv(register: RegisterDto): string {
  const rows = register.providers.map((p) => [p.organisationName, p.kvk, p.kind, p.city, p.perceelen.join(', '), p.municipalities.join(', '), p.agreementVersion, p.since]);
  return `\uFEFF${[csvColumns, ...rows].map((row) => row.map((cell) => csvCell(cell)).join(';')).join('\r\n')}\r\n`;
}

function sendCsv(res: Response, result: unknown): void {
  res.type('text/csv; charset=utf-8').setHeader('Content-Disposition', 'attachment; filename="register-gecontracteerde-aanbieders.csv"');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.send(registerCsv(result as RegisterDto));
}

/**
 * Admission under Open House. Public: the form, applying, the applicant's secret link and the
 * register (rate-limited per address like sign-in; writes are same-origin JSON like every write).
 * Inside the trajectory: the procurement team's review.
 */
export function admissionRoutes(redis: RedisClient | null): RouteTable {
  // Applying writes records and mails: 30 per address per 15 minutes (an office of providers may share one).
  // Reading the link or the register: generous.
  const applyLimit = rateLimit({ name: 'admission-apply', points: 30, durationSeconds: 15 * 60, redis });
  const linkLimit = rateLimit({ name: 'admission-link', points: 100, durationSeconds: 15 * 60, redis });
  const registerLimit = rateLimit({ name: 'admission-register', points: 300, durationSeconds: 15 * 60, redis });
  return [
    { operationId: 'getAdmissionForm', operation: admissionForm, rateLimit: registerLimit },
    { operationId: 'applyForAdmission', operation: apply, rateLimit: applyLimit },
    { operationId: 'getProviderRegister', operation: register, rateLimit: registerLimit },
    { operationId: 'getProviderRegisterCsv', operation: register, rateLimit: registerLimit, respond: sendCsv },
    { operationId: 'viewOwnApplication', operation: viewOwnApplication, rateLimit: linkLimit },
    { operationId: 'answerAdmissionQuestion', operation: answerQuestion, rateLimit: linkLimit },
    { operationId: 'attachApplicationDocument', operation: attachDocument, rateLimit: linkLimit, input: uploadInput },
    { operationId: 'signAccession', operation: accede, rateLimit: linkLimit },
    { operationId: 'admissionOverview', operation: admissionOverview },
    { operationId: 'updateAdmissionSettings', operation: updateAdmissionSettings },
    { operationId: 'getAdmissionApplication', operation: getApplication },
    { operationId: 'reviewAdmissionApplication', operation: reviewApplication },
    { operationId: 'eraseApplicant', operation: eraseApplicantOperation },
  ];
}
