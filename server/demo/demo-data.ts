/**
 * Demo content for a fresh start: two procurement trajectories built from the source documents
 * in /work/shared/seeds/ (the verwervingsstrategie of IJmond/Zuid-Kennemerland and the
 * inkoopstrategie of Midden-IJssel/Oost-Veluwe).
 *
 * This module is pure data: no I/O, no database. Municipality and region names are real;
 * every organisation other than a municipality, and every person, is invented. Only what the
 * platform needs about participants is here (name, e-mail, role); nothing about children or
 * families.
 *
 * The state is meant to look plausible on 2026-11-23: IJmond/Zuid-Kennemerland is in its
 * dialogue phase (phase 2), Midden-IJssel/Oost-Veluwe is in the term of its Open House
 * contract (since 1 January 2026) with an ongoing dialogue.
 */
import type { OrganisationType, ProviderKind, Role } from '../../shared/domain/roles';
import type { milestoneKinds, phaseStatuses, procurementModels } from '../../shared/schemas/trajectories';
import type { topicStatuses } from '../../shared/schemas/topics';

export interface DemoRegion { key: string; name: string; municipalities: string[] }
export interface DemoOrganisation { key: string; name: string; type: OrganisationType; providerKind?: ProviderKind }
export interface DemoPerson { key: string; name: string; email: string; platformAdmin?: boolean }
export interface DemoMember { person: string /* DemoPerson.key */; organisation: string /* DemoOrganisation.key */; role: Role }
export interface DemoTopic { title: string; description: string; status: (typeof topicStatuses)[number]; proposedBy?: string /* person key */ }
export interface DemoTrajectory {
  key: string; region: string /* DemoRegion.key */; name: string; description: string;
  model: (typeof procurementModels)[number]; municipalities: string[];
  phases: { name: string; status: (typeof phaseStatuses)[number] }[];
  milestones: { kind: (typeof milestoneKinds)[number]; title: string; date: string /* YYYY-MM-DD */ }[];
  topics: DemoTopic[]; members: DemoMember[];
}
export interface DemoData { regions: DemoRegion[]; organisations: DemoOrganisation[]; people: DemoPerson[]; trajectories: DemoTrajectory[] }

/** The password of every demo account (demo mode only). */
export const demoPassword = 'dialoog-demo';

// ---------------------------------------------------------------------------------------------
// Regions
// ---------------------------------------------------------------------------------------------

const ijmondMunicipalities = ['Beverwijk', 'Heemskerk', 'Velsen', 'Bloemendaal', 'Haarlem', 'Heemstede', 'Zandvoort'];
const middenIJsselMunicipalities = ['Apeldoorn', 'Brummen', 'Epe', 'Hattem', 'Heerde', 'Lochem', 'Voorst', 'Zutphen'];

const regions: DemoRegion[] = [
  { key: 'ijmond-zuid-kennemerland', name: 'IJmond en Zuid-Kennemerland', municipalities: ijmondMunicipalities },
  { key: 'midden-ijssel-oost-veluwe', name: 'Zorgregio Midden-IJssel/Oost-Veluwe', municipalities: middenIJsselMunicipalities },
];

// ---------------------------------------------------------------------------------------------
// Organisations (all invented except the municipalities)
// ---------------------------------------------------------------------------------------------

const organisations: DemoOrganisation[] = [
  // Procurement offices and the independent chairs
  { key: 'inkoopbureau-ijmond-zk', name: 'Inkoopbureau Jeugdhulp IJmond en Zuid-Kennemerland', type: 'procurement_office' },
  { key: 'inkoopbureau-midden-ijssel', name: 'Inkoopbureau Zorgregio Midden-IJssel/Oost-Veluwe', type: 'procurement_office' },
  { key: 'bureau-gespreksleiding', name: 'Bureau Onafhankelijke Gespreksleiding', type: 'procurement_office' },

  // Municipalities
  { key: 'gemeente-haarlem', name: 'Gemeente Haarlem', type: 'municipality' },
  { key: 'gemeente-velsen', name: 'Gemeente Velsen', type: 'municipality' },
  { key: 'gemeente-heemstede', name: 'Gemeente Heemstede', type: 'municipality' },
  { key: 'gemeente-apeldoorn', name: 'Gemeente Apeldoorn', type: 'municipality' },
  { key: 'gemeente-zutphen', name: 'Gemeente Zutphen', type: 'municipality' },
  // The other six of Midden-IJssel/Oost-Veluwe: each municipality signs off the definitive agreement itself.
  { key: 'gemeente-brummen', name: 'Gemeente Brummen', type: 'municipality' },
  { key: 'gemeente-epe', name: 'Gemeente Epe', type: 'municipality' },
  { key: 'gemeente-hattem', name: 'Gemeente Hattem', type: 'municipality' },
  { key: 'gemeente-heerde', name: 'Gemeente Heerde', type: 'municipality' },
  { key: 'gemeente-lochem', name: 'Gemeente Lochem', type: 'municipality' },
  { key: 'gemeente-voorst', name: 'Gemeente Voorst', type: 'municipality' },

  // Providers, IJmond/Zuid-Kennemerland
  { key: 'jeugdzorg-kennemerland-plus', name: 'Jeugdzorg Kennemerland Plus', type: 'provider', providerKind: 'institution' },
  { key: 'praktijk-de-linde', name: 'Praktijk De Linde (vrijgevestigd orthopedagoog)', type: 'provider', providerKind: 'independent' },
  { key: 'cooperatie-vrijgevestigden-nh', name: 'Coöperatie Vrijgevestigden Jeugd Noord-Holland', type: 'provider', providerKind: 'cooperative' },
  { key: 'jeugdnetwerk-kennemerland', name: 'Jeugdnetwerk Kennemerland (intermediaire organisatie)', type: 'provider', providerKind: 'intermediary' },
  { key: 'intermediair-jeugdhulp', name: 'Intermediair vrijgevestigden jeugdhulp', type: 'mediation' },

  // Providers, Midden-IJssel/Oost-Veluwe
  { key: 'jeugdhulp-ijsselvallei', name: 'Stichting Jeugdhulp IJsselvallei', type: 'provider', providerKind: 'institution' },
  { key: 'praktijk-bosrand', name: 'Praktijk Bosrand (vrijgevestigd psycholoog)', type: 'provider', providerKind: 'independent' },
  { key: 'cooperatie-zorgondernemers-ov', name: 'Coöperatie Zorgondernemers Jeugd Oost-Veluwe', type: 'provider', providerKind: 'cooperative' },

  // Client representation
  { key: 'adviesraad-haarlem', name: 'Adviesraad Sociaal Domein Haarlem', type: 'client_representation' },
  { key: 'ouderplatform-ijmond', name: 'Ouderplatform Jeugd IJmond', type: 'client_representation' },
  { key: 'ervaringsdeskundigen-midden-ijssel', name: 'Ervaringsdeskundigen Jeugd Midden-IJssel', type: 'client_representation' },
];

// ---------------------------------------------------------------------------------------------
// People (all invented). The first seven are the documented demo accounts, one per role.
// ---------------------------------------------------------------------------------------------

const people: DemoPerson[] = [
  { key: 'inkoop', name: 'Annelies Brouwer', email: 'inkoop@dialoogtafel.example' },
  { key: 'gemeente', name: 'Ruud Kramer', email: 'gemeente@dialoogtafel.example' },
  { key: 'aanbieder', name: 'Fatima El Amrani', email: 'aanbieder@dialoogtafel.example' },
  { key: 'client', name: 'Joke de Ruiter', email: 'client@dialoogtafel.example' },
  { key: 'facilitator', name: 'Pieter Hoogland', email: 'facilitator@dialoogtafel.example' },
  { key: 'observer', name: 'Sanne Visser', email: 'observer@dialoogtafel.example' },
  { key: 'intermediair', name: 'Anouk Verbeek', email: 'intermediair@dialoogtafel.example' },
  { key: 'admin', name: 'Tom Bakker', email: 'admin@dialoogtafel.example', platformAdmin: true },

  // IJmond/Zuid-Kennemerland
  { key: 'marieke-dekker', name: 'Marieke Dekker', email: 'marieke.dekker@dialoogtafel.example' },
  { key: 'jeroen-smit', name: 'Jeroen Smit', email: 'jeroen.smit@dialoogtafel.example' },
  { key: 'yvonne-mulder', name: 'Yvonne Mulder', email: 'yvonne.mulder@dialoogtafel.example' },
  { key: 'karim-bouzid', name: 'Karim Bouzid', email: 'karim.bouzid@dialoogtafel.example' },

  // Midden-IJssel/Oost-Veluwe
  { key: 'gert-jan-hendriks', name: 'Gert-Jan Hendriks', email: 'gertjan.hendriks@dialoogtafel.example' },
  { key: 'ingrid-wolters', name: 'Ingrid Wolters', email: 'ingrid.wolters@dialoogtafel.example' },
  { key: 'bas-timmermans', name: 'Bas Timmermans', email: 'bas.timmermans@dialoogtafel.example' },
  { key: 'noor-jansen', name: 'Noor Jansen', email: 'noor.jansen@dialoogtafel.example' },
  { key: 'wim-scholten', name: 'Wim Scholten', email: 'wim.scholten@dialoogtafel.example' },
  { key: 'demi-koster', name: 'Demi Koster', email: 'demi.koster@dialoogtafel.example' },
  { key: 'hanneke-prins', name: 'Hanneke Prins', email: 'hanneke.prins@dialoogtafel.example' },
  { key: 'lotte-van-dijk', name: 'Lotte van Dijk', email: 'lotte.vandijk@dialoogtafel.example' },
  { key: 'martijn-bosch', name: 'Martijn Bosch', email: 'martijn.bosch@dialoogtafel.example' },
  { key: 'esther-kok', name: 'Esther Kok', email: 'esther.kok@dialoogtafel.example' },
  { key: 'henk-willems', name: 'Henk Willems', email: 'henk.willems@dialoogtafel.example' },
  { key: 'sofie-vermeulen', name: 'Sofie Vermeulen', email: 'sofie.vermeulen@dialoogtafel.example' },
  { key: 'jan-peters', name: 'Jan Peters', email: 'jan.peters@dialoogtafel.example' },
];

// ---------------------------------------------------------------------------------------------
// Trajectory 1: IJmond/Zuid-Kennemerland, dialogue-oriented tender (SAS regime)
// ---------------------------------------------------------------------------------------------

/*
 * Planning. The strategy's "globale planning" (section 4.3) is dated 2021 (contracts from
 * 1 January 2022). To show this trajectory in its dialogue phase on 2026-11-23, the whole
 * planning is moved forward by exactly 281 weeks (1967 days): every step keeps its weekday and
 * its distance to the other steps. The original date is given with each milestone.
 *
 * Inferred: the contract start. The strategy's 1 January 2022 moves to Saturday 22 May 2027;
 * 1 July 2027 is chosen instead, leaving the implementation time after award that the strategy
 * asks for ("Fase Implementatie").
 */
const ijmondZkTrajectory: DemoTrajectory = {
  key: 'ijmond-zk-jeugdhulp',
  region: 'ijmond-zuid-kennemerland',
  name: 'Dialooggerichte aanbesteding jeugdhulp IJmond en Zuid-Kennemerland',
  description: [
    'De zeven gemeenten van IJmond (Beverwijk, Heemskerk, Velsen) en Zuid-Kennemerland (Bloemendaal, Haarlem, Heemstede, Zandvoort) kopen de specialistische jeugdhulp samen in.',
    'Dat gebeurt met een dialooggerichte aanbesteding volgens de procedure voor sociale en andere specifieke diensten (SAS). Gemeenten kiezen strategische partners en maken met hen in dialoog inhoudelijke, financiële en contractuele afspraken. Die afspraken gaan ter besluitvorming naar de colleges van de deelnemende gemeenten.',
    'Voorheen hadden de gemeenten contracten met ongeveer 90 aanbieders en 92 vrijgevestigden; de 10 grootste aanbieders leveren ongeveer 70% van de jeugdhulp. Eén integraal perceel: elke partner (of samenwerking van partners) biedt alle hulpvormen voor alle doelgroepen. De overeenkomst duurt 9 jaar, met een evaluatie na jaar 3 en na jaar 6.',
  ].join('\n\n'),
  model: 'dialogue_tender',
  municipalities: [...ijmondMunicipalities],
  phases: [
    { name: 'Fase 0: Voorbereiding en publicatie', status: 'done' },
    { name: 'Fase 1: Selectie van strategische partners', status: 'done' },
    { name: 'Fase 2: Dialoog en onderhandeling', status: 'active' },
    { name: 'Fase 3: Definitieve aanbieding en gunning', status: 'planned' },
    { name: 'Implementatie', status: 'planned' },
  ],
  milestones: [
    // Original: donderdag 7 januari 2021
    { kind: 'other', title: 'Start fase 0: voorbereiding van de aanbesteding', date: '2026-05-28' },
    // Original: dinsdag 30 maart 2021 (uiterlijk)
    { kind: 'go_no_go', title: 'Go / no go: vaststellen verwervingsstrategie en selectiedocument', date: '2026-08-18' },
    // Original: donderdag 1 april 2021 (uiterlijk)
    { kind: 'publication', title: 'Publicatie selectiedocument', date: '2026-08-20' },
    // Original: maandag 12 april 2021
    { kind: 'questions_deadline', title: 'Deadline voor het stellen van vragen', date: '2026-08-31' },
    // Original: maandag 19 april 2021
    { kind: 'answers_published', title: 'Publicatie nota van inlichtingen', date: '2026-09-07' },
    // Original: donderdag 29 april 2021
    { kind: 'other', title: 'Ontvangst aanmeldingen', date: '2026-09-17' },
    // Original: donderdag 13 mei 2021
    { kind: 'other', title: 'Voorlopige selectie strategische partners', date: '2026-10-01' },
    // Original: donderdag 27 mei 2021
    { kind: 'other', title: 'Definitieve selectie strategische partners', date: '2026-10-15' },
    // Original: maandag 31 mei 2021
    { kind: 'dialogue_start', title: 'Start dialoog', date: '2026-10-19' },
    // Original: maandag 14 juni 2021 ("medio juni")
    { kind: 'go_no_go', title: 'Toets planning: is de startdatum haalbaar? Zo niet, alternatief kiezen', date: '2026-11-02' },
    // Original: vrijdag 30 juli 2021
    { kind: 'dialogue_end', title: 'Afronding dialoog', date: '2026-12-18' },
    // Original: maandag 2 augustus 2021
    { kind: 'other', title: 'Start definitieve inschrijffase', date: '2026-12-21' },
    // Original: donderdag 16 september 2021
    { kind: 'final_submission', title: 'Definitieve inschrijving', date: '2027-02-04' },
    // Original: donderdag 30 september 2021
    { kind: 'other', title: 'Presentatie uitkomsten beoordeling', date: '2027-02-18' },
    // Original: vrijdag 1 oktober 2021
    { kind: 'award', title: 'Voorlopige gunning voorleggen aan de colleges', date: '2027-02-19' },
    // Original: 1 januari 2022. Inferred, see the note above the trajectory.
    { kind: 'contract_start', title: 'Start overeenkomsten (looptijd 9 jaar)', date: '2027-07-01' },
  ],
  // The 20 topics of section 4.2.3, in the strategy's order. The list is open: partners may add to it.
  topics: [
    {
      title: 'Zorgcontinuïteit',
      description: 'Jeugdigen die nu hulp krijgen, moeten die hulp houden als de nieuwe overeenkomsten ingaan. We spreken af hoe we dat regelen in de tijd tussen gunning en de start.',
      status: 'in_discussion',
    },
    {
      title: '18- / 18+',
      description: 'Hoe helpen we jongvolwassenen bij de overgang naar volwassenheid (in de vorige inkoop perceel 5)? Het doel is dat zij vanaf 23 jaar zelfstandig hun weg vinden.',
      status: 'accepted',
    },
    {
      title: 'Dichtbij in de leefwereld',
      description: 'Hulp sluit aan bij het gewone leven: thuis, op school en in de vrije tijd. Wie tijdelijk niet thuis kan wonen, groeit op een zo thuis mogelijke plek op, dichtbij de ouders.',
      status: 'accepted',
    },
    {
      title: 'Bekostiging en budgetplafond',
      description: 'Samen met de partners kiezen we hoe de jeugdhulp wordt betaald; ook een taakgerichte vorm wordt onderzocht. Vaste grens: er gaat niet meer uit dan het budget dat elke gemeente heeft.',
      status: 'in_discussion',
    },
    {
      title: 'Acceptatieplicht',
      description: 'Partners nemen verantwoordelijkheid voor passende zorg en nemen jeugdigen aan die naar hen worden verwezen. We spreken af wat dat in de praktijk betekent.',
      status: 'accepted',
    },
    {
      title: 'Zorginnovatie',
      description: 'Ruimte voor nieuwe werkwijzen die de vernieuwing van de jeugdhulp versnellen. Hoe ontwikkelen en delen partners zulke vernieuwingen samen?',
      status: 'accepted',
    },
    {
      title: 'Samenwerking formele en informele zorg',
      description: 'Jeugdhulp sluit aan bij het eigen netwerk, vrijwilligers, welzijn en algemene voorzieningen. Het gezin houdt zelf de regie; professionals nemen het niet over.',
      status: 'accepted',
    },
    {
      title: 'Samenwerking met verwijzers',
      description: 'Afspraken met wie verwijst: centrum jeugd en gezin, huisarts, medisch specialist, rechter en gecertificeerde instellingen. Zo komt de juiste hulp snel en zonder dubbel werk.',
      status: 'concluded',
    },
    {
      title: 'Wachtlijstproblematiek',
      description: 'Hoe maken we wachttijden korter en verdelen we de beschikbare plekken eerlijk? Partners werken samen zodat niemand onnodig wacht.',
      status: 'accepted',
    },
    {
      title: 'Specifieke doelgroepen',
      description: 'Met minder direct gecontracteerde aanbieders mag geen kennis of capaciteit verloren gaan, zeker niet voor bijzondere doelgroepen. We spreken af hoe die behouden blijft.',
      status: 'accepted',
    },
    {
      title: 'Kleine, lokale en vrijgevestigde praktijken',
      description: 'Kleine aanbieders en vrijgevestigden bieden vaak maatwerk dichtbij huis. Hoe kunnen zij via samenwerking meedoen? Het gaat om integraliteit, niet om omvang.',
      status: 'in_discussion',
    },
    {
      title: 'Keuzevrijheid',
      description: 'Uiteindelijk kiest de cliënt de aanbieder. Hoe blijft die keuze echt als er minder aanbieders direct gecontracteerd zijn?',
      status: 'accepted',
    },
    {
      title: 'Contractuele voorwaarden',
      description: 'De voorwaarden van de overeenkomst van 9 jaar, met evaluaties na jaar 3 en jaar 6. Daarbij zo weinig mogelijk administratieve lasten, ook tijdens de uitvoering.',
      status: 'accepted',
    },
    {
      title: 'De (verschillen in) de toegang per gemeente',
      description: 'Elke gemeente heeft een eigen toegang tot jeugdhulp. Welke afspraken zijn regionaal gelijk en waar mag een gemeente afwijken?',
      status: 'accepted',
    },
    {
      title: 'Crisis en beschikbaarheid bedden',
      description: 'Afspraken over hulp bij crisis en over genoeg plekken voor verblijf als het thuis niet veilig is. Veiligheid gaat voor, met zo weinig mogelijk uithuisplaatsingen.',
      status: 'accepted',
    },
    {
      title: 'Naschoolse opvang normalisatie',
      description: 'Waar het kan, krijgt een jeugdige steun in gewone voorzieningen zoals de naschoolse opvang. Opgroeien gaat met vallen en opstaan; niet alles vraagt om jeugdhulp.',
      status: 'accepted',
    },
    {
      title: 'Afspraken over marges',
      description: 'Zijn marges op budget of tarieven nodig, en zo ja welke? Het geld gaat zoveel mogelijk naar de jeugdhulp zelf.',
      status: 'accepted',
    },
    {
      title: 'Onderaannemers',
      description: 'Partners kunnen werken met onderaannemers, bijvoorbeeld kleine praktijken. We spreken af wie waarvoor verantwoordelijk is en hoe aanbieders later nog kunnen aansluiten bij een partner.',
      status: 'accepted',
    },
    {
      title: "Kwaliteitsafspraken / KPI's",
      description: 'Welke kwaliteitseisen en prestatieafspraken horen bij de overeenkomst? We rapporteren alleen wat echt nodig is.',
      status: 'accepted',
    },
    {
      title: 'Zorg en onderwijs breed',
      description: 'School is een plek waar problemen vroeg zichtbaar worden en waar hulp kan worden geboden. Afspraken over samenwerking tussen jeugdhulp en onderwijs.',
      status: 'accepted',
    },
  ],
  members: [
    { person: 'inkoop', organisation: 'inkoopbureau-ijmond-zk', role: 'procurement' },
    { person: 'gemeente', organisation: 'gemeente-haarlem', role: 'municipality' },
    { person: 'yvonne-mulder', organisation: 'gemeente-velsen', role: 'municipality' },
    { person: 'aanbieder', organisation: 'jeugdzorg-kennemerland-plus', role: 'provider' },
    { person: 'marieke-dekker', organisation: 'praktijk-de-linde', role: 'provider' },
    { person: 'jeroen-smit', organisation: 'cooperatie-vrijgevestigden-nh', role: 'provider' },
    { person: 'client', organisation: 'adviesraad-haarlem', role: 'client' },
    { person: 'karim-bouzid', organisation: 'ouderplatform-ijmond', role: 'client' },
    { person: 'facilitator', organisation: 'bureau-gespreksleiding', role: 'facilitator' },
    { person: 'observer', organisation: 'gemeente-heemstede', role: 'observer' },
    { person: 'intermediair', organisation: 'intermediair-jeugdhulp', role: 'intermediair' },
  ],
};

// ---------------------------------------------------------------------------------------------
// Trajectory 2: Midden-IJssel/Oost-Veluwe, Open House
// ---------------------------------------------------------------------------------------------

/*
 * Planning from chapter 13 ("Het vervolgproces") of the inkoopstrategie. Where the document
 * gives only a month or a range of months, a concrete date is picked and marked "Inferred".
 * The questions/answers milestones and the dialogue sessions during the contract term are not
 * dated in the document at all; their dates are invented and marked as such.
 */
const middenIJsselTrajectory: DemoTrajectory = {
  key: 'midden-ijssel-ov-jeugdhulp',
  region: 'midden-ijssel-oost-veluwe',
  name: 'Open House jeugdhulp Midden-IJssel/Oost-Veluwe 2026',
  description: [
    'De acht gemeenten van de Zorgregio Midden-IJssel/Oost-Veluwe (Apeldoorn, Brummen, Epe, Hattem, Heerde, Lochem, Voorst, Zutphen) kopen jeugdhulp samen in, los van de Wmo.',
    'Het model is een Open House: een toelatingsprocedure, geen aanbesteding. Elke aanbieder die aan de eisen voldoet, mag meedoen. De overeenkomst kan tijdens de looptijd veranderen, en de regio blijft in gesprek met de aanbieders.',
    'De overeenkomst loopt vanaf 1 januari 2026. Ze is in ten hoogste vier dialoogsessies samen met aanbieders en cliëntvertegenwoordigers afgemaakt. Er zijn ongeveer 300 aanbieders gecontracteerd; de uitgaven aan jeugdhulp waren in 2023 ongeveer 98,7 miljoen euro. Op de concept-inkoopstrategie reageerden 46 aanbieders.',
  ].join('\n\n'),
  model: 'open_house',
  municipalities: [...middenIJsselMunicipalities],
  phases: [
    { name: 'Inkoopstrategie, inspraak en besluitvorming', status: 'done' },
    { name: 'Voorbereiding inkoopprocedure', status: 'done' },
    { name: 'Open House-procedure en dialoogsessies (ten hoogste vier)', status: 'done' },
    { name: 'Besluitvorming definitieve inkoopovereenkomst', status: 'done' },
    { name: 'Implementatie en overbruggingsafspraken', status: 'done' },
    { name: 'Looptijd overeenkomst en doorlopende dialoog', status: 'active' },
  ],
  milestones: [
    // Document: 20 juni 2024
    { kind: 'other', title: 'PFO Zorgregio bespreekt concept-inkoopstrategie', date: '2024-06-20' },
    // Inferred: document says "Aug./sept. 2024"
    { kind: 'other', title: 'Concept-inkoopstrategie ter inspraak: raden, adviesraden, aanbieders en cliëntvertegenwoordigers', date: '2024-08-26' },
    // Document: 26 september 2024
    { kind: 'other', title: 'PFO Zorgregio: verwerken inspraakreacties', date: '2024-09-26' },
    // Document: 24 oktober 2024
    { kind: 'other', title: 'PFO Zorgregio: reactienota en aangepaste inkoopstrategie', date: '2024-10-24' },
    // Inferred: document says "Okt./nov./dec. 2024"
    { kind: 'other', title: 'Besluit colleges van B&W over de inkoopstrategie', date: '2024-12-10' },
    // Inferred: the procedure runs "Dec. 2024 – juli 2025"
    { kind: 'publication', title: 'Publicatie aanmeldingsdocument Open House', date: '2024-12-16' },
    // Invented: not dated in the document
    { kind: 'questions_deadline', title: 'Deadline voor vragen over het aanmeldingsdocument', date: '2025-01-20' },
    // Invented: not dated in the document
    { kind: 'answers_published', title: 'Publicatie nota van inlichtingen', date: '2025-01-31' },
    // Inferred: within "Dec. 2024 – juli 2025"
    { kind: 'other', title: 'Selectie van aanbieders voor de fysieke dialoogtafel', date: '2025-02-27' },
    // Inferred: within "Dec. 2024 – juli 2025"
    { kind: 'dialogue_start', title: 'Dialoogsessie 1 van 4: concept-inkoopovereenkomst', date: '2025-03-13' },
    // Inferred: within "Dec. 2024 – juli 2025"
    { kind: 'dialogue_end', title: 'Dialoogsessie 4 van 4: afronding concept-inkoopovereenkomst', date: '2025-06-05' },
    // Inferred: document says "Juli 2025"
    { kind: 'other', title: 'Besluit colleges van B&W over de definitieve inkoopovereenkomst', date: '2025-07-08' },
    // Inferred: implementation runs "Juli – dec. 2025"
    { kind: 'other', title: 'Overbruggingsovereenkomsten voor zorgcontinuïteit gereed', date: '2025-11-28' },
    // Document: 1 januari 2026
    { kind: 'contract_start', title: 'Inkoopovereenkomst in uitvoering', date: '2026-01-01' },
    // Invented: the document promises structural dialogue sessions during the contract term
    { kind: 'other', title: 'Dialoogsessie looptijd: eerste ervaringen met de nieuwe overeenkomst', date: '2026-05-21' },
    // Invented: the document promises structural dialogue sessions during the contract term
    { kind: 'other', title: 'Dialoogsessie looptijd: wijzigingsvoorstellen voor 2027', date: '2026-12-03' },
  ],
  topics: [
    {
      title: 'Regionale ontwikkelagenda: aanpak wachtlijsten',
      description: 'Wachttijden lopen op, vooral in de jeugd-ggz en bij verblijf. Met strategische partners zoeken we naar samenwerking en initiatieven die wachttijden verkorten.',
      status: 'accepted',
    },
    {
      title: 'Regionale ontwikkelagenda: integrale, systeemgerichte aanpak',
      description: 'Hulp kijkt naar het hele gezin en over de grenzen van domeinen heen. Welke afspraken en producten maken dat in de praktijk mogelijk?',
      status: 'accepted',
    },
    {
      title: 'Regionale ontwikkelagenda: kleinschalige woonvormen',
      description: 'Meer kleinschalige plekken voor jeugdigen die niet thuis kunnen wonen, zo thuis mogelijk en dichtbij. Wie ontwikkelt ze samen, en hoe?',
      status: 'accepted',
    },
    {
      title: 'Drempels voor toelating',
      description: 'Sommige gemeenten willen meer regie op het aantal aanbieders, bijvoorbeeld met strengere kwaliteitseisen of één toetredingsmoment per jaar. Kleine regionale aanbieders die belangrijk zijn, willen we houden.',
      status: 'in_discussion',
    },
    {
      title: 'Tariefdifferentiatie',
      description: 'Verschillende tarieven binnen een product, op basis van reële kostprijzen. Welke eisen horen bij elke tariefgroep en hoe controleren we die?',
      status: 'accepted',
    },
    {
      title: 'Governance-eisen',
      description: 'Zwaardere eisen aan bestuur en financiële bedrijfsvoering, zoals de Governance Code Zorg 2022 en de Wet Normering Topinkomens. Zo weren we aanbieders die niet integer werken.',
      status: 'accepted',
    },
    {
      title: 'Transitie 18- / 18+',
      description: 'Jeugdhulp en Wmo worden apart ingekocht. De overgang naar volwassenheid moet toch soepel verlopen, met producten die een doorlopende aanpak steunen.',
      status: 'accepted',
    },
    {
      title: 'Zorgcontinuïteit en overbruggingsafspraken',
      description: 'Wie al hulp krijgt, hoeft niet te wisselen van hulpverlener omdat een aanbieder niet opnieuw is gecontracteerd. Daarvoor zijn er overbruggingsovereenkomsten voor een bepaalde tijd.',
      status: 'concluded',
    },
    {
      title: 'Eenduidige uitvraag van sturingsinformatie',
      description: 'Gemeenten vragen nu elk op hun eigen manier gegevens op. Wij stellen voor één regionale uitvraag af te spreken, zodat we minder dubbel hoeven te registreren.',
      status: 'proposed',
      proposedBy: 'wim-scholten',
    },
    {
      title: 'De match tussen jeugdige en hulpverlener',
      description: 'Een goede klik met de hulpverlener is vaak wat hulp laat slagen. Wij willen bespreken hoe keuzevrijheid die match ook bij wachtlijsten mogelijk houdt.',
      status: 'proposed',
      proposedBy: 'demi-koster',
    },
  ],
  members: [
    { person: 'inkoop', organisation: 'inkoopbureau-midden-ijssel', role: 'procurement' },
    { person: 'gert-jan-hendriks', organisation: 'gemeente-apeldoorn', role: 'municipality' },
    { person: 'ingrid-wolters', organisation: 'gemeente-zutphen', role: 'municipality' },
    { person: 'lotte-van-dijk', organisation: 'gemeente-brummen', role: 'municipality' },
    { person: 'martijn-bosch', organisation: 'gemeente-epe', role: 'municipality' },
    { person: 'esther-kok', organisation: 'gemeente-hattem', role: 'municipality' },
    { person: 'henk-willems', organisation: 'gemeente-heerde', role: 'municipality' },
    { person: 'sofie-vermeulen', organisation: 'gemeente-lochem', role: 'municipality' },
    { person: 'jan-peters', organisation: 'gemeente-voorst', role: 'municipality' },
    { person: 'bas-timmermans', organisation: 'jeugdhulp-ijsselvallei', role: 'provider' },
    { person: 'noor-jansen', organisation: 'praktijk-bosrand', role: 'provider' },
    { person: 'wim-scholten', organisation: 'cooperatie-zorgondernemers-ov', role: 'provider' },
    { person: 'demi-koster', organisation: 'ervaringsdeskundigen-midden-ijssel', role: 'client' },
    { person: 'hanneke-prins', organisation: 'bureau-gespreksleiding', role: 'facilitator' },
  ],
};

export const demoData: DemoData = {
  regions,
  organisations,
  people,
  trajectories: [ijmondZkTrajectory, middenIJsselTrajectory],
};
