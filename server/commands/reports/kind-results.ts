import { csvCell } from '../../../shared/domain/admission';
import { providerKinds, type ProviderKind, type ProviderKindBreakdown } from '../../../shared/domain/provider-kinds';
import { formatPercentage } from '../../../shared/live-table/tally';
import { stakeholderGroups, type PollResult, type StakeholderGroup } from '../../../shared/live-table/polls';
import type { ReportContent, ReportPoll } from '../../../shared/schemas/reports';

/**
 * Poll results by provider kind (issue 19 item 4) and the session's mandate rule (item 3), as the
 * exported report and the results CSV say them, in Dutch like the rest of the report. Nothing is
 * counted here: every number is read from the result frozen at closing (shared/live-table/tally.ts),
 * so the exports show exactly what the live table and the report page show, anonymity included.
 */

export const groupNames: Record<StakeholderGroup, string> = {
  procurement: 'inkoopteam',
  municipality: 'gemeenten',
  provider: 'zorgaanbieders',
  client: 'cliëntvertegenwoordigers',
  facilitator: 'gespreksleiding',
  observer: 'toehoorders',
  intermediair: 'intermediair',
};

/** The same words as the live table (client/i18n/mandates-nl.ts). */
const providerKindNames: Record<ProviderKind, string> = {
  institution: 'instelling',
  independent: 'vrijgevestigde',
  cooperative: 'coöperatie of vereniging',
  intermediary: 'intermediair',
};

/** The kinds a result speaks of, in the canonical order (as PollKindResults picks them). */
function kindsOf(result: PollResult): ProviderKind[] {
  const byKind = result.byProviderKind ?? {};
  const turnout = result.turnoutByProviderKind ?? {};
  return providerKinds.filter((k) => turnout[k] !== undefined || Object.values(byKind).some((row) => row[k] !== undefined));
}

/** The session's declared rule in words, and what it did in this poll. */
function mandateRuleSentence(mandates: ProviderKindBreakdown['mandates']): string {
  if (!mandates.applied) return 'Anonieme peiling: mandaten tellen niet mee, want een anonieme stem noemt geen organisatie; elke stem telt als één stem.';
  if (mandates.rule === 'one_vote') return 'Een stem met mandaat telt als één stem per organisatie (regel van deze sessie).';
  const extra = mandates.extraVotes === 1 ? '1 extra stem' : `${mandates.extraVotes} extra stemmen`;
  return `Een stem met mandaat telt als één stem per gemachtigde praktijk (regel van deze sessie)${mandates.extraVotes > 0 ? `; ${extra} geteld voor mandaatgevende praktijken` : ''}.`;
}

type Paragraph = { label?: string; text: string };

/** The report's lines on provider kinds and mandates for one poll; none for a result counted before kinds existed. */
export function kindParagraphs(poll: ReportPoll, label: (optionId: string) => string): Paragraph[] {
  const { result } = poll;
  const kinds = kindsOf(result);
  const byKind = result.byProviderKind ?? {};
  const turnout = result.turnoutByProviderKind ?? {};
  const lines: Paragraph[] = [];
  if (kinds.length > 0) {
    for (const o of result.options) {
      lines.push({ label: `${label(o.optionId)} per soort aanbieder:`, text: kinds.map((k) => `${providerKindNames[k]} ${byKind[o.optionId]?.[k] ?? 0}`).join(', ') });
    }
    const turnoutKinds = kinds.filter((k) => turnout[k] !== undefined);
    if (turnoutKinds.length > 0) {
      lines.push({
        label: 'Opkomst per soort aanbieder:',
        text: turnoutKinds.map((k) => `${providerKindNames[k]} ${turnout[k]!.voted} van ${turnout[k]!.eligible} (${formatPercentage(turnout[k]!.voted, turnout[k]!.eligible)}%)`).join('; '),
      });
    }
  }
  if (result.mandates) lines.push({ label: 'Stemmen met mandaat:', text: mandateRuleSentence(result.mandates) });
  return lines;
}

const csvColumns = ['Onderwerp', 'Peiling', 'Anoniem', 'Uitsplitsing', 'Groep of soort', 'Optie', 'Score', 'Gestemd', 'Stemgerechtigd', 'Stemmen met mandaat'] as const;

/**
 * Every closed poll of the report as rows: the total per option, then per stakeholder group and
 * per provider kind, then turnout per group and per kind. One row a number, so a spreadsheet can
 * filter and pivot; UTF-8 with BOM and `;` as Dutch spreadsheets expect; no cell runs as a formula.
 */
export function reportResultsCsv(content: ReportContent): string {
  const rows: string[][] = [];
  for (const topic of content.topics) {
    for (const poll of topic.polls) {
      const { result } = poll;
      const label = (optionId: string) => poll.options.find((o) => o.id === optionId)?.label ?? optionId;
      const rule = result.mandates ? mandateRuleSentence(result.mandates) : '';
      const row = (breakdown: string, who: string, option: string, score: number | '', voted: number | '', eligible: number | '') =>
        rows.push([topic.title ?? 'Overige peilingen', poll.question, poll.anonymous ? 'ja' : 'nee', breakdown, who, option, String(score), String(voted), String(eligible), rule]);
      const groups = stakeholderGroups.filter((g) => result.options.some((o) => o.byGroup[g] !== undefined));
      const kinds = kindsOf(result);
      for (const o of result.options) row('totaal', '', label(o.optionId), o.score, '', '');
      for (const o of result.options) for (const g of groups) row('stakeholdergroep', groupNames[g], label(o.optionId), o.byGroup[g] ?? 0, '', '');
      for (const o of result.options) for (const k of kinds) row('soort aanbieder', providerKindNames[k], label(o.optionId), result.byProviderKind?.[o.optionId]?.[k] ?? 0, '', '');
      for (const g of stakeholderGroups) {
        const t = result.turnout[g];
        if (t) row('opkomst stakeholdergroep', groupNames[g], '', '', t.voted, t.eligible);
      }
      for (const k of kinds) {
        const t = result.turnoutByProviderKind?.[k];
        if (t) row('opkomst soort aanbieder', providerKindNames[k], '', '', t.voted, t.eligible);
      }
    }
  }
  return `\uFEFF${[[...csvColumns], ...rows].map((r) => r.map((cell) => csvCell(cell)).join(';')).join('\r\n')}\r\n`;
}
