import { amsterdam } from '../../../shared/domain/calendar';
import { roles, type Role } from '../../../shared/domain/roles';
import { formatPercentage } from '../../../shared/live-table/tally';
import { stakeholderGroups, type BallotChoice } from '../../../shared/live-table/polls';
import type { ReportContent, ReportPoll } from '../../../shared/schemas/reports';
import type { ExportDocument } from '../../export/document';
import { groupNames, kindParagraphs } from './kind-results';
import type { ReportRecord } from '../../models/report';

// The exported report is in Dutch, the language of the table and of the municipalities' files.

const roleNames: Record<Role, string> = {
  procurement: 'inkoopteam',
  municipality: 'gemeente',
  provider: 'zorgaanbieder',
  client: 'cliëntvertegenwoordiger',
  facilitator: 'gespreksleider',
  observer: 'toehoorder',
  intermediair: 'intermediair',
};
const outcomeKindNames = { advice: 'een advies', proposal: 'een voorstel', decision: 'een besluit' } as const;
const heldNames = { discussed: 'besproken', skipped: 'niet aan bod gekomen', upcoming: 'nog niet aan bod' } as const;
const categoryNames = { substantive: 'inhoudelijk', financial: 'financieel', contractual: 'contractueel' } as const;
const horizonNames = { before_start: 'vóór de start van het contract', long_term: 'voor de looptijd' } as const;
const outcomeStatusNames = { agreed: 'afgesproken', open: 'nog open', disagreement: 'verschil van mening' } as const;

const dateTime = new Intl.DateTimeFormat('nl-NL', { timeZone: amsterdam, dateStyle: 'long', timeStyle: 'short' });
const date = new Intl.DateTimeFormat('nl-NL', { timeZone: amsterdam, dateStyle: 'long' });
const time = new Intl.DateTimeFormat('nl-NL', { timeZone: amsterdam, timeStyle: 'short' });

type Paragraph = ExportDocument['sections'][number]['paragraphs'][number];

function pollParagraphs(poll: ReportPoll): Paragraph[] {
  const { result } = poll;
  const label = (optionId: string) => poll.options.find((o) => o.id === optionId)?.label ?? optionId;
  const points = result.kind === 'ranking' || result.kind === 'dot_voting';
  const verdict =
    result.ballots === 0
      ? 'Er is niet gestemd.'
      : result.consent
        ? `${result.consent.reached ? 'Instemming bereikt' : `Geen instemming: ${result.consent.blocks} blokkade(s)`}; ${result.consent.objections} bezwaar/bezwaren.`
        : `${result.leaders.length > 1 ? 'Gelijke stand' : 'Meeste steun'}: ${result.leaders.map(label).join(', ')}.`;
  const groups = stakeholderGroups.filter((g) => result.options.some((o) => o.byGroup[g] !== undefined));
  const turnout = stakeholderGroups
    .filter((g) => result.turnout[g] !== undefined)
    .map((g) => `${groupNames[g]} ${result.turnout[g]!.voted} van ${result.turnout[g]!.eligible} (${formatPercentage(result.turnout[g]!.voted, result.turnout[g]!.eligible)}%)`);
  return [
    { label: 'Peiling:', text: `${poll.question}${poll.anonymous ? ' (anoniem)' : ''}` },
    { label: 'Uitslag:', text: `${verdict} ${result.ballots} stem(men).` },
    ...result.options.map((o) => ({
      label: `${label(o.optionId)}:`,
      text: `${o.score} ${points ? 'punten' : 'stemmen'}${groups.length ? ` (${groups.map((g) => `${groupNames[g]} ${o.byGroup[g] ?? 0}`).join(', ')})` : ''}`,
    })),
    ...(turnout.length ? [{ label: 'Opkomst per groep:', text: turnout.join('; ') }] : []),
    ...kindParagraphs(poll, label),
    ...onBehalfParagraphs(poll, label, points),
  ];
}

/** Votes recorded on someone's behalf (issue 16): apart from the groups and the outcome above, with on whose behalf. */
function onBehalfParagraphs(poll: ReportPoll, label: (optionId: string) => string, points: boolean): Paragraph[] {
  const onBehalf = poll.result.onBehalf;
  if (!onBehalf || onBehalf.ballots === 0) return [];
  const scores = onBehalf.options.map((o) => `${label(o.optionId)} ${o.score}`).join(', ');
  const inputs = onBehalf.inputs.map((i) => `ingebracht namens ${i.description}${i.choice ? ` (${choiceText(i.choice, label)})` : ''}`).join('; ');
  return [
    { label: 'Inbreng namens (apart geteld, niet in de uitslag of de groepen):', text: `${onBehalf.ballots} stem(men); ${points ? 'punten' : 'stemmen'}: ${scores}.` },
    { label: 'Namens wie:', text: `${inputs}.` },
  ];
}

const consentDutch: Record<string, string> = { agree: 'akkoord', abstain: 'onthouding', object: 'bezwaar', block: 'blokkade' };

function choiceText(choice: BallotChoice, label: (optionId: string) => string): string {
  switch (choice.kind) {
    case 'consent':
      return consentDutch[choice.option] ?? choice.option;
    case 'single_choice':
      return label(choice.option);
    case 'multiple_choice':
      return choice.options.map(label).join(', ');
    case 'ranking':
      return choice.ranking.map(label).join(' > ');
    case 'dot_voting':
      return Object.entries(choice.points)
        .filter(([, n]) => n > 0)
        .map(([id, n]) => `${label(id)} ${n}`)
        .join(', ');
  }
}

function topicSections(content: ReportContent): ExportDocument['sections'] {
  return content.topics.map((topic) => {
    // The summary in plain language first, as on the topic's page.
    const paragraphs: Paragraph[] = [...(topic.summary ? [{ label: 'In gewone taal:', text: topic.summary }] : []), ...topic.polls.flatMap(pollParagraphs)];
    for (const o of topic.outcomes) {
      paragraphs.push({
        label: `Afspraak A${o.number} (${categoryNames[o.category]}, ${horizonNames[o.horizon]}, ${outcomeStatusNames[o.status]}):`,
        text: o.text,
      });
      for (const p of o.positions) paragraphs.push({ label: `Standpunt ${p.party}:`, text: p.position });
    }
    if (topic.polls.length === 0 && topic.outcomes.length === 0) paragraphs.push({ text: 'Geen peilingen of afspraken vastgelegd.' });
    return { heading: topic.title ? `Onderwerp: ${topic.title}` : 'Overige peilingen', paragraphs };
  });
}

/** The report as one document model, written to DOCX and PDF by server/export/document. */
export function reportDocument(report: Pick<ReportRecord, 'content' | 'summary' | 'status' | 'publishedAt' | 'generatedAt'>, trajectoryName: string): ExportDocument {
  const { content } = report;
  const held = content.session.startedAt ? new Date(content.session.startedAt) : new Date(content.session.startsAt);
  const status = report.status === 'published' && report.publishedAt ? `gepubliceerd op ${date.format(report.publishedAt)}` : 'concept';
  const attendance: Paragraph[] = content.attendance.length
    ? content.attendance.map((g) => ({ label: `${g.organisation.name} (${roleNames[g.role]}):`, text: g.people.map((p) => p.name).join(', ') }))
    : [{ text: 'Er is geen aanwezigheid vastgelegd.' }];
  const counts = roles.map((r) => [r, content.attendance.filter((g) => g.role === r).reduce((n, g) => n + g.people.length, 0)] as const).filter(([, n]) => n > 0);
  if (counts.length) attendance.push({ label: 'Totaal:', text: counts.map(([r, n]) => `${n} ${roleNames[r]}`).join(', ') });
  // Who could attend: the whole trajectory, or the groups and people a closed session invited (besloten sessie).
  const invited = content.audience ? [...content.audience.groups.map((r) => roleNames[r]), ...content.audience.people] : [];
  attendance.unshift({ label: 'Toegang:', text: content.audience ? `besloten sessie, alleen voor ${invited.join(', ')} (en de organisatoren)` : 'open voor het hele traject' });

  return {
    title: `Verslag: ${content.session.title}`,
    subtitle: `${trajectoryName} — ${dateTime.format(held)}${content.session.location ? `, ${content.session.location}` : ''} — ${status}`,
    sections: [
      { heading: 'Aanwezig', paragraphs: attendance },
      {
        heading: 'Wat de uitkomsten betekenen',
        paragraphs: [{ text: `De uitkomsten van deze sessie zijn ${outcomeKindNames[content.declaration.outcomeKind]}. Het besluit ligt bij ${content.declaration.decidedBy}. Uitslagen staan per groep en per soort aanbieder.` }],
      },
      {
        heading: 'Agenda zoals gehouden',
        paragraphs: content.agenda.length
          ? content.agenda.map((item, i) => ({
              label: `${i + 1}. ${item.title}:`,
              text: `gepland ${item.plannedMinutes} min; ${heldNames[item.held]}${item.actualMinutes !== null ? ` (${item.actualMinutes} min)` : ''}`,
            }))
          : [{ text: 'De sessie had geen agenda.' }],
      },
      ...topicSections(content),
      {
        heading: 'Openstaande acties',
        paragraphs: content.actions.length
          ? content.actions.map((a) => ({ label: `${a.description}:`, text: `${a.owner.name} (${a.owner.organisationName}), uiterlijk ${date.format(new Date(`${a.dueDate}T12:00:00Z`))} — afspraak A${a.outcomeNumber}` }))
          : [{ text: 'Er staan geen acties open.' }],
      },
      { heading: 'Samenvatting van het inkoopteam', paragraphs: [{ text: report.summary.trim() || 'Nog geen samenvatting.' }] },
    ],
    footer: `Verslag gemaakt op ${dateTime.format(report.generatedAt)} uit wat de dialoogtafel vastlegde${content.session.endedAt ? `; sessie afgesloten om ${time.format(new Date(content.session.endedAt))}` : ''}.`,
  };
}
