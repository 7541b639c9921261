import { amsterdam } from '../../../shared/domain/calendar';
import type { MunicipalitySignoffDto } from '../../../shared/schemas/final';
import type { ExportDocument, ExportSection } from '../../export/document';
import type { FinalAgreementRecord } from '../../models/final-agreement';

const when = new Intl.DateTimeFormat('nl-NL', { timeZone: amsterdam, dateStyle: 'long', timeStyle: 'short' });
const day = new Intl.DateTimeFormat('nl-NL', { timeZone: amsterdam, dateStyle: 'long' });

const signoffText: Record<MunicipalitySignoffDto['status'], string> = { pending: 'nog niet beslist', approved: 'goedgekeurd', rejected: 'afgewezen' };

function pollResult(result: FinalAgreementRecord['snapshot']['annex']['entries'][number]['polls'][number]['result']): string {
  if (!result) return 'nog open';
  if (result.consent) return `${result.consent.reached ? 'consent bereikt' : 'geen consent'} (${result.ballots} stemmen, ${result.consent.blocks} blokkades, ${result.consent.objections} bezwaren)`;
  return `${result.leaders.length ? `meeste steun: ${result.leaders.join(', ')}` : 'geen stemmen'} (${result.ballots} stemmen)`;
}

/**
 * The definitive agreement as a document: chapters and numbered clauses with every municipality
 * variant marked, then the traceability annex, which ends with the audit chain's head at assembly.
 */
export function finalDocument(record: FinalAgreementRecord, signoffs: MunicipalitySignoffDto[]): ExportDocument {
  const { snapshot } = record;
  const sections: ExportSection[] = [];
  for (const chapter of snapshot.chapters) {
    sections.push({ heading: `Hoofdstuk ${chapter.number} ${chapter.title}`, level: 1, paragraphs: [] });
    for (const clause of chapter.clauses) {
      sections.push({
        heading: `Artikel ${clause.number} ${clause.title}`,
        paragraphs: [
          ...clause.text.split('\n').filter((l) => l.trim()).map((text) => ({ text })),
          ...clause.variants.flatMap((v) => [
            { label: `Gemeentelijke variant (${v.municipalities.join(', ')}):`, text: v.label, style: 'mark' as const },
            ...v.text.split('\n').filter((l) => l.trim()).map((text) => ({ text, style: 'mark' as const })),
          ]),
        ],
      });
    }
  }
  sections.push({
    heading: 'Bijlage: herleidbaarheid per artikel',
    level: 1,
    pageBreakBefore: true,
    paragraphs: [{ text: 'Per artikel: de onderwerpen, de dialoogsessies waarin die onderwerpen op de agenda stonden, de peilingen met hun uitslag en de afspraken.' }],
  });
  for (const entry of snapshot.annex.entries) {
    sections.push({
      heading: `Bijlage bij artikel ${entry.clauseNumber} ${entry.clauseTitle}`,
      paragraphs: [],
      table: {
        columns: ['Soort', 'Herkomst'],
        rows: [
          ['Onderwerpen', entry.topics.map((t) => t.title).join('; ') || '—'],
          ['Dialoogsessies', entry.sessions.map((s) => `${s.title} (${day.format(new Date(s.startsAt))})`).join('; ') || '—'],
          ['Peilingen', entry.polls.map((p) => `${p.question} — ${pollResult(p.result)}${p.via === 'amendment' ? ' (over een wijzigingsvoorstel)' : ''}`).join('; ') || '—'],
          ['Afspraken', entry.outcomes.map((o) => `A${o.number}: ${o.text}`).join('; ') || '—'],
        ],
      },
    });
  }
  const audit = snapshot.annex.audit;
  sections.push({
    heading: 'Auditlog bij het samenstellen',
    level: 1,
    paragraphs: audit
      ? [
          { label: 'Laatste gebeurtenis:', text: `nummer ${audit.seq}, ${when.format(new Date(audit.at))}` },
          { label: 'Hash van de laatste gebeurtenis:', text: audit.hash },
          { label: 'Hash van de inhoud:', text: record.contentHash },
        ]
      : [{ text: 'Er stond nog niets in het auditlog.' }],
  });
  sections.push({
    heading: 'Besluitvorming per gemeente',
    level: 1,
    paragraphs: signoffs.map((s) => ({
      label: `${s.municipality}:`,
      text: `${signoffText[s.status]}${s.by ? ` door ${s.by.name}` : ''}${s.at ? ` op ${when.format(new Date(s.at))}` : ''}${s.reason ? ` — reden: ${s.reason}` : ''}`,
    })),
  });
  return {
    title: snapshot.title,
    subtitle: `${record.status === 'final' && record.finalAt ? `Definitief sinds ${when.format(record.finalAt)}` : 'Ter besluitvorming door de gemeenten'} · samengesteld op ${when.format(record.assembledAt)} (versie ${record.revision})`,
    contents: 'Inhoudsopgave',
    sections,
    footer: `Samengesteld met Dialoogtafel. Inhoudshash ${record.contentHash}.`,
  };
}
