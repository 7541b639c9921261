import { findPublication, withChainHead } from '../../audit/publication';
import { amsterdam } from '../../../shared/domain/calendar';
import { anonymousClientLabel, responseOutcomeDutch } from '../../../shared/domain/consultation';
import { AppError } from '../../errors';
import type { ExportDocument } from '../../export/document';
import type { Models } from '../../models';
import type { AgreementVersionRecord } from '../../models/agreement-version';
import type { ConsultationRecord, ReactionRecord } from '../../models/consultation';
import { loadPeople } from '../agreement/agreement-views';
import { defineTrajectoryOperation, noBody } from '../operation';
import { consultationParams } from './consultation-operations';
import { findConsultation, findVersionOf, versionClauses } from './consultation-views';
import { findByIds } from '../../models/by-ids';

/**
 * The published reactienota as one document: per clause, in the version's order, every reaction
 * with who gave it (the organisation; anonymous client representatives stay anonymous for every
 * reader) and the team's response. The same model becomes DOCX and PDF.
 */
async function reactienota(models: Models, trajectoryName: string, consultation: ConsultationRecord, version: AgreementVersionRecord, reactions: ReactionRecord[]): Promise<ExportDocument> {
  const people = await loadPeople(models, reactions);
  const amendmentIds = reactions.flatMap((r) => (r.response?.amendmentId ? [r.response.amendmentId] : []));
  const versionIds = reactions.flatMap((r) => (r.response?.versionId ? [r.response.versionId] : []));
  const [amendments, versions] = await Promise.all([
    amendmentIds.length ? findByIds(models.amendments, amendmentIds, { clauseId: 1 }) : [],
    versionIds.length ? findByIds(models.versions, versionIds, { name: 1 }) : [],
  ]);
  const clauses = versionClauses(version);
  const clauseNumber = new Map(clauses.map((c) => [c.clauseId, c.number]));
  const amendmentClause = new Map(amendments.map((a) => [String(a._id), clauseNumber.get(String(a.clauseId))]));
  const versionName = new Map(versions.map((v) => [String(v._id), v.name]));
  const when = new Intl.DateTimeFormat('nl-NL', { timeZone: amsterdam, dateStyle: 'long' });

  let n = 0;
  const sections: ExportDocument['sections'] = [];
  if (consultation.explanation) sections.push({ heading: 'Toelichting', paragraphs: [{ text: consultation.explanation }] });
  for (const clause of clauses) {
    const mine = reactions.filter((r) => String(r.clauseId) === clause.clauseId).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
    if (mine.length === 0) continue;
    sections.push({
      heading: `Artikel ${clause.number} — ${clause.title}`,
      paragraphs: mine.flatMap((r) => {
        n++;
        const organisation = people.organisations.get(String(r.authorOrganisationId)) ?? 'Onbekende organisatie';
        const who = r.anonymous ? anonymousClientLabel : organisation;
        const response = r.response!;
        const links: string[] = [];
        if (response.amendmentId) {
          const number = amendmentClause.get(String(response.amendmentId));
          links.push(number ? `wijzigingsvoorstel bij artikel ${number}` : 'wijzigingsvoorstel');
        }
        if (response.versionId) links.push(`versie „${versionName.get(String(response.versionId)) ?? '—'}”`);
        return [
          // Input on someone's behalf (issue 16) is marked as such, with who recorded it.
          r.onBehalfOf ? { label: `${n}. Ingebracht namens ${r.onBehalfOf} (vastgelegd door ${organisation}):`, text: r.text } : { label: `${n}. Inbreng van ${who}:`, text: r.text },
          { label: `Reactie (${responseOutcomeDutch[response.outcome].toLowerCase()}):`, text: response.text },
          ...(links.length ? [{ label: 'Zie:', text: links.join('; ') }] : []),
        ];
      }),
    });
  }
  return {
    title: 'Reactienota',
    subtitle: `${consultation.title} — ${trajectoryName} — versie „${version.name}”`,
    sections,
    footer:
      n === 0
        ? 'Er zijn in deze consultatie geen reacties gegeven.'
        : `${n} ${n === 1 ? 'reactie' : 'reacties'} met de reactie van het inkoopteam, gepubliceerd op ${when.format(consultation.publishedAt ?? new Date())}. Anonieme reacties van cliëntvertegenwoordigers staan er zonder naam in.`,
  };
}

/** The published reactienota, to download; before publication there is none. */
export const reactienotaDocument = defineTrajectoryOperation({
  name: 'consultation.export',
  action: 'consultation.view',
  params: consultationParams,
  body: noBody,
  run: async (ctx, p, _b, access): Promise<{ result: ExportDocument }> => {
    const { models } = ctx.services;
    const consultation = await findConsultation(models, p.trajectoryId, p.consultationId);
    if (consultation.status !== 'published') throw new AppError('conflict', 'The reactienota of this consultation has not been published yet.', { reason: 'not_published' });
    const [version, reactions] = await Promise.all([findVersionOf(models, consultation), models.consultationReactions.find({ consultationId: consultation._id }).lean()]);
    return { result: withChainHead(await reactienota(models, access.trajectory.name, consultation, version, reactions), await findPublication(models, 'reactienota', p.consultationId)) };
  },
});
