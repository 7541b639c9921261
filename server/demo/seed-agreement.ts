import * as Y from 'yjs';
import { clauseDocumentName } from '../../shared/domain/agreement';
import { clauseFragment, encodePosition } from '../../shared/domain/clause-text';
import type { Role } from '../../shared/domain/roles';
import type { OperationContext } from '../commands/operation';
import { createComment, replyToComment } from '../commands/agreement/comment-operations';
import { proposeAmendment } from '../commands/agreement/amendment-operations';
import type { Services } from '../services';
import { setDemoClauseStatuses, writeDemoAgreement, type DemoClauseText as DemoClause } from './seed-road';

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
 * pending amendment. The procurement team writes the clauses, the participants comment and
 * propose, each through the operation they would use.
 */
export async function seedDemoAgreement(services: Services, t: { trajectoryId: string; members: Array<{ role: Role; as: OperationContext }> }): Promise<void> {
  const { documents } = services;
  const chain = t.trajectoryId;
  const params = { trajectoryId: chain };
  const seat = (role: Role) => t.members.find((m) => m.role === role)!.as;
  const procurement = seat('procurement');
  const clauseIds = await writeDemoAgreement(services, procurement, chain, chapters);

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

  const comments = [
    {
      clause: 'Zorgcontinuïteit bij wisseling van aanbieder',
      quote: 'gedurende een overgangstermijn van zes maanden',
      body: 'Zes maanden is voor een kind met een behandelrelatie erg kort. Kan de termijn langer zijn als de behandeling bijna klaar is?',
      by: seat('client'),
      anonymous: true,
      replies: [{ by: seat('provider'), body: 'Eens. Wij stellen voor: zes maanden, of tot het einde van de lopende behandeling als dat eerder is dan twaalf maanden.' }],
    },
    {
      clause: 'Wachttijden en doorverwijzing',
      quote: 'binnen zes weken',
      body: 'Geldt deze termijn ook in de zomervakantie? Kleine praktijken kunnen dan minder opvangen.',
      by: seat('provider'),
      anonymous: false,
      replies: [],
    },
    {
      clause: 'Tarieven en budgetplafond',
      quote: 'Er geldt geen budgetplafond per aanbieder.',
      body: 'Hoe voorkomen we dat de uitgaven in het laatste kwartaal oplopen? Graag een signaleringsafspraak.',
      by: seat('municipality'),
      anonymous: false,
      replies: [],
    },
  ];
  const statuses = [...clauseIds].map(([title, clauseId]) => ({ clauseId, status: chapters.flatMap((c) => c.clauses).find((c) => c.title === title)!.status }));
  // Comments and proposals come while the clauses are open for discussion; the statuses follow.
  for (const c of comments) {
    const clauseId = clauseIds.get(c.clause)!;
    const comment = await createComment(c.by, { params: { ...params, clauseId }, body: { anchor: { variantId: null, ...(await anchorOn(c.clause, c.quote)) }, body: c.body, anonymous: c.anonymous } });
    for (const r of c.replies) await replyToComment(r.by, { params: { ...params, commentId: comment.id }, body: { body: r.body } });
  }

  const quote = 'binnen zes weken';
  const { start, end } = await anchorOn('Wachttijden en doorverwijzing', quote);
  await proposeAmendment(seat('provider'), {
    params: { ...params, clauseId: clauseIds.get('Wachttijden en doorverwijzing')! },
    body: {
      anchor: { start, end },
      originalText: quote,
      proposedText: 'binnen vier weken (acht weken voor hulp met verblijf)',
      motivation: 'Zes weken is voor ambulante hulp te lang voor een gezin in nood; voor verblijf is vier weken niet haalbaar. Een gedifferentieerde termijn doet recht aan beide.',
    },
  });
  await setDemoClauseStatuses(procurement, chain, statuses);
}
