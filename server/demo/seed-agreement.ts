import * as Y from 'yjs';
import { clauseDocumentName, type ClauseStatus } from '../../shared/domain/agreement';
import { clauseFragment, encodePosition, paragraphsOf, replaceContent } from '../../shared/domain/clause-text';
import type { Role } from '../../shared/domain/roles';
import type { AuditDraft } from '../audit/audit-log';
import type { Services } from '../services';
import type { SeededTrajectory } from './seed-sessions';

interface DemoClause {
  title: string;
  status: ClauseStatus;
  /** Titles of the topics it belongs to. */
  topics: string[];
  text: string[];
  variant?: { label: string; municipalities: string[]; text: string[] };
}

/*
 * Invented contract text in the style of a regional youth-care agreement; no real contract is
 * quoted. The chapters follow the dialogue topics so that a newcomer sees how they connect.
 */
const chapters: Array<{ title: string; clauses: DemoClause[] }> = [
  {
    title: 'Algemene bepalingen',
    clauses: [
      {
        title: 'Begripsbepalingen',
        status: 'agreed',
        topics: [],
        text: [
          'In deze overeenkomst wordt verstaan onder jeugdige: een persoon die de leeftijd van achttien jaar nog niet heeft bereikt, of die jonger is dan drieëntwintig jaar en voor wie voortzetting van jeugdhulp nodig is.',
          'Opdrachtnemer: de aanbieder of de samenwerking van aanbieders die deze overeenkomst met de gemeenten sluit.',
          'Toegang: de gemeentelijke toegang tot jeugdhulp die de jeugdige en zijn ouders helpt en een beschikking afgeeft.',
        ],
      },
      {
        title: 'Looptijd en evaluatie',
        status: 'agreed',
        topics: ['Contractuele voorwaarden'],
        text: [
          'Deze overeenkomst gaat in op 1 juli 2027 en heeft een looptijd van negen jaar.',
          'Partijen evalueren de overeenkomst na het derde en na het zesde jaar. De uitkomsten van de evaluatie kunnen leiden tot aanpassing van de afspraken in deze overeenkomst.',
        ],
      },
    ],
  },
  {
    title: 'Toegang en zorgcontinuïteit',
    clauses: [
      {
        title: 'Zorgcontinuïteit bij wisseling van aanbieder',
        status: 'in_dialogue',
        topics: ['Zorgcontinuïteit'],
        text: [
          'Een jeugdige die bij de start van deze overeenkomst hulp krijgt van een aanbieder zonder overeenkomst, houdt recht op die hulp gedurende een overgangstermijn van zes maanden.',
          'De opdrachtnemer zorgt samen met de vorige aanbieder voor een warme overdracht. De jeugdige en zijn ouders worden daarbij tijdig betrokken.',
          'Na de overgangstermijn bepalen de jeugdige, zijn ouders en de toegang samen welke aanbieder de hulp voortzet.',
        ],
      },
      {
        title: 'Wachttijden en doorverwijzing',
        status: 'in_dialogue',
        topics: ['Wachtlijstproblematiek', 'Acceptatieplicht'],
        text: [
          'De opdrachtnemer start de hulp binnen zes weken nadat de toegang de jeugdige heeft aangemeld.',
          'Kan de opdrachtnemer de hulp niet binnen die termijn starten, dan meldt hij dit direct aan de toegang en verwijst hij de jeugdige in overleg door naar een andere opdrachtnemer.',
          'De opdrachtnemer publiceert iedere maand zijn actuele wachttijden.',
        ],
        variant: {
          label: 'Haarlem en Heemstede: wijkteams',
          municipalities: ['Haarlem', 'Heemstede'],
          text: [
            'De opdrachtnemer start de hulp binnen zes weken nadat het sociaal wijkteam de jeugdige heeft aangemeld.',
            'Het sociaal wijkteam blijft tijdens de wachttijd het aanspreekpunt voor de jeugdige en zijn ouders.',
          ],
        },
      },
      {
        title: 'Acceptatieplicht',
        status: 'concept',
        topics: ['Acceptatieplicht'],
        text: [
          'De opdrachtnemer accepteert iedere jeugdige die door de toegang wordt aangemeld, tenzij de gevraagde hulp buiten zijn deskundigheid valt.',
          'Weigert de opdrachtnemer een aanmelding, dan licht hij dat schriftelijk toe aan de toegang.',
        ],
      },
    ],
  },
  {
    title: 'Bekostiging',
    clauses: [
      {
        title: 'Tarieven en budgetplafond',
        status: 'in_dialogue',
        topics: ['Bekostiging en budgetplafond', 'Kleine, lokale en vrijgevestigde praktijken'],
        text: [
          'De gemeenten betalen de opdrachtnemer een vast bedrag per jeugdige per maand, afhankelijk van het profiel van de hulpvraag.',
          'Er geldt geen budgetplafond per aanbieder. De gemeenten bewaken de totale uitgaven en bespreken afwijkingen ieder kwartaal met de opdrachtnemers.',
          'Vrijgevestigde praktijken en kleine aanbieders kunnen maandelijks declareren.',
        ],
      },
    ],
  },
];

/**
 * The IJmond demo table's draft agreement: three chapters of clauses in several statuses, a
 * municipality variant, open comments (one anonymous, from the client representative) and one
 * pending amendment, all written with their audit events.
 */
export async function seedDemoAgreement(
  services: Services,
  t: Omit<SeededTrajectory, 'members'> & { members: Array<{ personKey: string; userId: string; role: Role; organisationId: string }> },
  log: (d: Omit<AuditDraft, 'actorId'>) => Promise<unknown>,
): Promise<void> {
  const { models, documents } = services;
  const chain = t.trajectoryId;
  const topics = await models.topics.find({ trajectoryId: t.trajectoryId }, { title: 1 }).lean();
  const topicId = (title: string) => topics.find((x) => x.title === title)?._id;
  const seat = (role: Role) => t.members.find((m) => m.role === role)!;
  const procurement = seat('procurement');
  const clauseIds = new Map<string, string>();

  for (const [chapterIndex, chapter] of chapters.entries()) {
    const created = await models.chapters.create({ trajectoryId: t.trajectoryId, title: chapter.title, position: chapterIndex });
    await log({ chain, action: 'agreement.chapter.create', objectType: 'chapter', objectId: String(created._id), summary: { title: chapter.title, demo: true } });
    for (const [position, c] of chapter.clauses.entries()) {
      const clause = await models.clauses.create({
        trajectoryId: t.trajectoryId,
        chapterId: created._id,
        position,
        title: c.title,
        status: c.status,
        topicIds: c.topics.flatMap((title) => topicId(title) ?? []),
        variants: c.variant ? [{ label: c.variant.label, municipalities: c.variant.municipalities }] : [],
        createdBy: procurement.userId,
      });
      const id = String(clause._id);
      clauseIds.set(c.title, id);
      await documents.change(clauseDocumentName(chain, id), (doc) => replaceContent(clauseFragment(doc), paragraphsOf(c.text.join('\n'))));
      if (c.variant) {
        await documents.change(clauseDocumentName(chain, id, String(clause.variants[0]!._id)), (doc) =>
          replaceContent(clauseFragment(doc), paragraphsOf(c.variant!.text.join('\n'))),
        );
      }
      await log({ chain, action: 'agreement.clause.create', objectType: 'clause', objectId: id, summary: { title: c.title, status: c.status, demo: true } });
    }
  }

  /** An anchor on `quote`, which must occur in the clause's text, as the editor would make it. */
  const anchorOn = async (clauseTitle: string, quote: string) => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, await documents.state(clauseDocumentName(chain, clauseIds.get(clauseTitle)!)));
    for (const paragraph of clauseFragment(doc).toArray()) {
      const text = paragraph instanceof Y.XmlElement ? paragraph.get(0) : null;
      if (!(text instanceof Y.XmlText)) continue;
      const at = text.toString().indexOf(quote);
      if (at < 0) continue;
      return {
        start: encodePosition(Y.createRelativePositionFromTypeIndex(text, at)),
        end: encodePosition(Y.createRelativePositionFromTypeIndex(text, at + quote.length)),
        quote,
      };
    }
    throw new Error(`demo quote not found in ${clauseTitle}: ${quote}`);
  };
  const author = (role: Role, anonymous = false) => {
    const s = seat(role);
    return { authorId: s.userId, authorOrganisationId: s.organisationId, authorRole: role, anonymous };
  };

  const comments = [
    {
      clause: 'Zorgcontinuïteit bij wisseling van aanbieder',
      quote: 'gedurende een overgangstermijn van zes maanden',
      body: 'Zes maanden is voor een kind met een behandelrelatie erg kort. Kan de termijn langer zijn als de behandeling bijna klaar is?',
      by: author('client', true),
      replies: [{ ...author('provider'), body: 'Eens. Wij stellen voor: zes maanden, of tot het einde van de lopende behandeling als dat eerder is dan twaalf maanden.' }],
    },
    {
      clause: 'Wachttijden en doorverwijzing',
      quote: 'binnen zes weken',
      body: 'Geldt deze termijn ook in de zomervakantie? Kleine praktijken kunnen dan minder opvangen.',
      by: author('provider'),
      replies: [],
    },
    {
      clause: 'Tarieven en budgetplafond',
      quote: 'Er geldt geen budgetplafond per aanbieder.',
      body: 'Hoe voorkomen we dat de uitgaven in het laatste kwartaal oplopen? Graag een signaleringsafspraak.',
      by: author('municipality'),
      replies: [],
    },
  ];
  for (const c of comments) {
    const comment = await models.comments.create({
      trajectoryId: t.trajectoryId,
      clauseId: clauseIds.get(c.clause),
      variantId: null,
      anchor: await anchorOn(c.clause, c.quote),
      body: c.body,
      ...c.by,
      replies: c.replies.map((r) => ({ ...r, createdAt: new Date() })),
    });
    await log({ chain, action: 'comment.create', objectType: 'comment', objectId: String(comment._id), summary: { clauseId: clauseIds.get(c.clause), demo: true } });
  }

  const quote = 'binnen zes weken';
  const amendment = await models.amendments.create({
    trajectoryId: t.trajectoryId,
    clauseId: clauseIds.get('Wachttijden en doorverwijzing'),
    variantId: null,
    anchor: await anchorOn('Wachttijden en doorverwijzing', quote).then(({ start, end }) => ({ start, end })),
    originalText: quote,
    proposedText: 'binnen vier weken (acht weken voor hulp met verblijf)',
    motivation: 'Zes weken is voor ambulante hulp te lang voor een gezin in nood; voor verblijf is vier weken niet haalbaar. Een gedifferentieerde termijn doet recht aan beide.',
    ...author('provider'),
  });
  await log({ chain, action: 'amendment.propose', objectType: 'amendment', objectId: String(amendment._id), summary: { demo: true } });
}
