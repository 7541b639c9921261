import type { Request, Response } from 'express';
import { z } from 'zod';
import { csvCell } from '../../shared/domain/admission';
import { admissionFormDto, admissionOverviewDto, admissionSettings, applicantViewDto, applicationDto, applyResult, registerDto, type RegisterDto } from '../../shared/schemas/admission';
import type { RedisClient } from '../cluster/redis-clients';
import type { Operation } from '../commands/operation';
import type { RouteTable } from '../api/route-table';
import { rateLimit } from '../http/rate-limit';
import { accede, admissionForm, answerQuestion, apply, attachDocument, register, viewOwnApplication } from './public-operations';
import { admissionOverview, getApplication, reviewApplication, updateAdmissionSettings } from './review-operations';

const op = (o: unknown) => o as Operation<z.ZodType, z.ZodType, unknown>;

/** The file as it arrives (application/octet-stream), its name from the query string. */
function uploadInput(req: Request): unknown {
  if (req.is('application/json')) return req.body;
  return { ...req.query, contentType: req.headers['content-type'], declaredLength: req.headers['content-length'], stream: req };
}

const csvColumns = ['Organisatie', 'KvK-nummer', 'Soort', 'Plaats', 'Percelen', 'Gemeenten', 'Versie overeenkomst', 'Toegetreden op'] as const;

/** The register as CSV (UTF-8 with BOM for spreadsheets, `;` as Dutch spreadsheets expect); no cell can run as a formula. */
export function registerCsv(register: RegisterDto): string {
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
export function admissionRoutes(t: string, redis: RedisClient | null): RouteTable {
  // Applying writes records and mails: 30 per address per 15 minutes (an office of providers may share one).
  // Reading the link or the register: generous.
  const applyLimit = rateLimit({ name: 'admission-apply', points: 30, durationSeconds: 15 * 60, redis });
  const linkLimit = rateLimit({ name: 'admission-link', points: 100, durationSeconds: 15 * 60, redis });
  const registerLimit = rateLimit({ name: 'admission-register', points: 300, durationSeconds: 15 * 60, redis });
  const pub = '/open-house/:openHouseId';
  const link = '/admission/applications/:token';
  const a = `${t}/admission`;
  return [
    { method: 'get', path: `${pub}/admission`, tag: 'admission', summary: 'The public application form of an Open House trajectory: perceelen, declarations and review period', operation: op(admissionForm), response: admissionFormDto, public: true, rateLimit: registerLimit },
    { method: 'post', path: `${pub}/applications`, tag: 'admission', summary: 'Apply for admission (no account); answers with the secret link’s token, also mailed to the contact', operation: op(apply), response: applyResult, status: 201, public: true, rateLimit: applyLimit },
    { method: 'get', path: `${pub}/register`, tag: 'admission', summary: 'The public register of contracted providers', operation: op(register), response: registerDto, public: true, rateLimit: registerLimit },
    { method: 'get', path: `${pub}/register.csv`, tag: 'admission', summary: 'The public register of contracted providers as CSV', operation: op(register), public: true, rateLimit: registerLimit, respond: sendCsv },
    { method: 'get', path: link, tag: 'admission', summary: 'The applicant’s own application through the secret link', operation: op(viewOwnApplication), response: applicantViewDto, public: true, rateLimit: linkLimit },
    { method: 'post', path: `${link}/answer`, tag: 'admission', summary: 'Answer the procurement team’s question (secret link)', operation: op(answerQuestion), response: applicantViewDto, public: true, rateLimit: linkLimit },
    { method: 'post', path: `${link}/documents`, tag: 'admission', summary: 'Attach a document (?name=…; the body is the file as application/octet-stream; secret link)', operation: op(attachDocument), response: applicantViewDto, status: 201, public: true, rateLimit: linkLimit, input: uploadInput },
    { method: 'post', path: `${link}/accession`, tag: 'admission', summary: 'Sign the accession statement (toetredingsverklaring) to the current sealed agreement (secret link)', operation: op(accede), response: applicantViewDto, public: true, rateLimit: linkLimit },
    { method: 'get', path: a, tag: 'admission', summary: 'Applications for admission and the admission settings (procurement team)', operation: op(admissionOverview), response: admissionOverviewDto },
    { method: 'put', path: `${a}/settings`, tag: 'admission', summary: 'Set the perceelen, declarations, review and accession periods', operation: op(updateAdmissionSettings), response: admissionSettings },
    { method: 'get', path: `${a}/applications/:applicationId`, tag: 'admission', summary: 'One application with its history', operation: op(getApplication), response: applicationDto },
    { method: 'post', path: `${a}/applications/:applicationId/review`, tag: 'admission', summary: 'A review step: complete, a question back (incomplete), admit, or refuse with a reason', operation: op(reviewApplication), response: applicationDto },
  ];
}
