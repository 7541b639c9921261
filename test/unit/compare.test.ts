import { describe, expect, it } from 'vitest';
import {
  compareSummary,
  compareTexts,
  countWords,
  newTextOf,
  oldTextOf,
  type CompareSegment,
} from '../../shared/domain/compare';

const same = (text: string): CompareSegment => ({ kind: 'same', text });
const ins = (text: string): CompareSegment => ({ kind: 'inserted', text });
const del = (text: string): CompareSegment => ({ kind: 'deleted', text });
const from = (text: string, moveId = 1): CompareSegment => ({ kind: 'moved-from', text, moveId });
const to = (text: string, moveId = 1): CompareSegment => ({ kind: 'moved-to', text, moveId });

/** Compares, and checks on the way that both texts can be rebuilt from the result. */
function compare(oldText: string, newText: string): CompareSegment[] {
  const segments = compareTexts(oldText, newText);
  expect(oldTextOf(segments)).toBe(oldText);
  expect(newTextOf(segments)).toBe(newText);
  return segments;
}

const P1 = 'De opdrachtnemer levert de zorg binnen vier weken na de aanmelding van de cliënt.';
const P2 = 'De gemeente betaalt de facturen van de opdrachtnemer binnen dertig dagen na ontvangst.';
const P3 = 'Geschillen worden voorgelegd aan de bevoegde rechter in het arrondissement.';
const P4 = 'Deze overeenkomst eindigt van rechtswege na twee jaar.';

describe('compareTexts', () => {
  it('reports identical texts as one unchanged segment', () => {
    expect(compare(P1, P1)).toEqual([same(P1)]);
    expect(compare(`${P1}\n${P2}`, `${P1}\n${P2}`)).toEqual([same(`${P1}\n${P2}`)]);
    expect(compare('', '')).toEqual([]);
  });

  it('reports a pure insertion', () => {
    expect(compare('De cliënt betaalt binnen 30 dagen.', 'De cliënt betaalt altijd binnen 30 dagen.')).toEqual([
      same('De cliënt betaalt '),
      ins('altijd '),
      same('binnen 30 dagen.'),
    ]);
  });

  it('reports a pure deletion', () => {
    expect(compare('De cliënt betaalt altijd binnen 30 dagen.', 'De cliënt betaalt binnen 30 dagen.')).toEqual([
      same('De cliënt betaalt '),
      del('altijd '),
      same('binnen 30 dagen.'),
    ]);
  });

  it('reports the replacement of one word as a deletion followed by an insertion', () => {
    expect(compare('De cliënt betaalt binnen 30 dagen.', 'De cliënt betaalt binnen 14 dagen.')).toEqual([
      same('De cliënt betaalt binnen '),
      del('30'),
      ins('14'),
      same(' dagen.'),
    ]);
  });

  it('reports insertions at the start and at the end', () => {
    expect(compare('De cliënt betaalt.', 'Vanaf 2025 betaalt de cliënt.')).toEqual([
      del('De cliënt'),
      ins('Vanaf 2025'),
      same(' betaalt'),
      ins(' de cliënt'),
      same('.'),
    ]);
    expect(compare('de cliënt betaalt.', 'Zo nodig de cliënt betaalt.')).toEqual([ins('Zo nodig '), same('de cliënt betaalt.')]);
    expect(compare('De cliënt betaalt.', 'De cliënt betaalt. Dat is alles.')).toEqual([
      same('De cliënt betaalt.'),
      ins(' Dat is alles.'),
    ]);
    expect(compare('De cliënt betaalt', 'De cliënt betaalt per maand')).toEqual([
      same('De cliënt betaalt'),
      ins(' per maand'),
    ]);
  });

  it('joins a replacement with a neighbouring change across a shared space', () => {
    expect(compare('De cliënt betaalt.', 'Vanaf 2025 de cliënt betaalt.')).toEqual([
      del('De '),
      ins('Vanaf 2025 de '),
      same('cliënt betaalt.'),
    ]);
  });

  it('shows a rewritten sentence as one replacement, not as a comb of one-word changes', () => {
    expect(compare(P1, P2)).toEqual([
      same('De '),
      del('opdrachtnemer levert de zorg binnen vier weken na de aanmelding van de cliënt'),
      ins('gemeente betaalt de facturen van de opdrachtnemer binnen dertig dagen na ontvangst'),
      same('.'),
    ]);
  });

  it('marks a moved sentence', () => {
    expect(
      compare(
        'Eerst komt de aanmelding. Dan volgt het intakegesprek. Tot slot de start van de zorg.',
        'Dan volgt het intakegesprek. Tot slot de start van de zorg. Eerst komt de aanmelding.',
      ),
    ).toEqual([
      from('Eerst komt de aanmelding. '),
      same('Dan volgt het intakegesprek. Tot slot de start van de zorg.'),
      to(' Eerst komt de aanmelding.'),
    ]);
  });

  it('finds a swap of two similar sentences as a move (a word diff alone pairs their words)', () => {
    expect(
      compare(
        'Betaling binnen 30 dagen. Levering binnen 10 dagen.',
        'Levering binnen 10 dagen. Betaling binnen 30 dagen.',
      ),
    ).toEqual([to('Levering binnen 10 dagen. '), same('Betaling binnen 30 dagen.'), from(' Levering binnen 10 dagen.')]);
  });

  it('marks a paragraph moved from the top to the bottom, with its line break', () => {
    expect(compare([P1, P2, P3].join('\n'), [P2, P3, P1].join('\n'))).toEqual([
      from(`${P1}\n`),
      same(`${P2}\n${P3}`),
      to(`\n${P1}`),
    ]);
    expect(compare([P2, P3, P1].join('\n'), [P1, P2, P3].join('\n'))).toEqual([
      to(`${P1}\n`),
      same(`${P2}\n${P3}`),
      from(`\n${P1}`),
    ]);
  });

  it('marks a paragraph moved between paragraphs', () => {
    // P2 and P3 swap places: the shorter of the two (P3) is the one marked as moved.
    expect(compare([P1, P2, P3, P4].join('\n'), [P1, P3, P2, P4].join('\n'))).toEqual([
      same(`${P1}\n`),
      to(`${P3}\n`),
      same(`${P2}\n`),
      from(`${P3}\n`),
      same(P4),
    ]);
    // Moved past a paragraph of about the same length with many of the same words ("de", "van",
    // "binnen", "opdrachtnemer"): a plain word diff pairs those words up; the sentence level sees the move.
    expect(compare([P1, P2, P3].join('\n'), [P2, P1, P3].join('\n'))).toEqual([
      to(`${P2}\n`),
      same(`${P1}\n`),
      from(`${P2}\n`),
      same(P3),
    ]);
  });

  it('moves a sentence past a short heading, rather than the heading past the sentence', () => {
    // "Artikel 2." has too few words to be shown as moved; the sentence can be.
    expect(
      compare(
        'Artikel 1.\nDe cliënt betaalt binnen dertig dagen.\nArtikel 2.\nDe gemeente controleert de facturen.',
        'Artikel 1.\nArtikel 2.\nDe cliënt betaalt binnen dertig dagen.\nDe gemeente controleert de facturen.',
      ),
    ).toEqual([
      same('Artikel 1.\n'),
      from('De cliënt betaalt binnen dertig dagen.\n'),
      same('Artikel 2.\n'),
      to('De cliënt betaalt binnen dertig dagen.\n'),
      same('De gemeente controleert de facturen.'),
    ]);
  });

  it('marks a moved paragraph of several sentences as one move, short sentences included', () => {
    // "Artikel 2." has fewer than three words, but moves along with the rest of its paragraph.
    const moved = 'Artikel 2. Betaling binnen dertig dagen. Daarna volgt de rente.';
    expect(compare([moved, P1, P2, P3].join('\n'), [P1, P2, P3, moved].join('\n'))).toEqual([
      from(`${moved}\n`),
      same(`${P1}\n${P2}\n${P3}`),
      to(`\n${moved}`),
    ]);
  });

  it('reports the shorter of two swapped paragraphs as the moved one', () => {
    // Moving a long paragraph down past a short one is the same change as moving the short one up;
    // the comparison keeps the most text unchanged, so the short one is marked as moved.
    const long = 'Artikel 2. De cliënt betaalt binnen dertig dagen. Bij te late betaling is rente verschuldigd.';
    expect(compare(['Artikel 1. Doel.', long, P3].join('\n'), ['Artikel 1. Doel.', P3, long].join('\n'))).toEqual([
      same('Artikel 1. Doel.\n'),
      to(`${P3}\n`),
      same(long),
      from(`\n${P3}`),
    ]);
  });

  it('marks a move and an edit elsewhere', () => {
    const newText = [P2, P3.replace('bevoegde', 'Utrechtse'), P1].join('\n');
    const segments = compare([P1, P2, P3].join('\n'), newText);
    expect(segments).toEqual([
      from(`${P1}\n`),
      same(`${P2}\nGeschillen worden voorgelegd aan de `),
      del('bevoegde'),
      ins('Utrechtse'),
      same(' rechter in het arrondissement.'),
      to(`\n${P1}`),
    ]);
    expect(compareSummary(segments)).toEqual({ inserted: 1, deleted: 1, moved: 1 });
  });

  it('marks a moved sentence that sits inside a bigger change', () => {
    const segments = compare(
      'Artikel 5. De zorgaanbieder meldt wijzigingen direct. Oude tekst hier. Slot.',
      'Artikel 5. Nieuwe tekst daar. Slot. De zorgaanbieder meldt wijzigingen direct.',
    );
    expect(segments).toEqual([
      same('Artikel 5. '),
      from('De zorgaanbieder meldt wijzigingen direct. '),
      del('Oude'),
      ins('Nieuwe'),
      same(' tekst '),
      del('hier'),
      ins('daar'),
      same('. Slot.'),
      to(' De zorgaanbieder meldt wijzigingen direct.'),
    ]);
  });

  it('marks a moved clause within a sentence', () => {
    expect(
      compare(
        'De cliënt betaalt, tenzij anders bepaald in de overeenkomst, binnen 30 dagen.',
        'De cliënt betaalt binnen 30 dagen, tenzij anders bepaald in de overeenkomst.',
      ),
    ).toEqual([
      same('De cliënt betaalt'),
      to(' binnen 30 dagen'),
      same(', tenzij anders bepaald in de overeenkomst'),
      del(', '),
      from('binnen 30 dagen'),
      same('.'),
    ]);
  });

  it('does not call a passage of fewer than three words a move', () => {
    const segments = compare('Zie artikel. Dit blijft. Ja nee.', 'Ja nee. Dit blijft. Zie artikel.');
    expect(segments.some((s) => s.kind === 'moved-from' || s.kind === 'moved-to')).toBe(false);
  });

  it('handles empty to text and text to empty', () => {
    expect(compare('', 'De cliënt betaalt.\nDaarna volgt de rest.')).toEqual([ins('De cliënt betaalt.\nDaarna volgt de rest.')]);
    expect(compare('De cliënt betaalt.\nDaarna volgt de rest.', '')).toEqual([del('De cliënt betaalt.\nDaarna volgt de rest.')]);
  });

  it('handles Dutch text with punctuation and diacritics', () => {
    expect(
      compare(
        'De cliënt ontvangt één factuur per maand; de zorgaanbieder (jeugdhulp) ook.',
        'De cliënte ontvangt één factuur per kwartaal, tenzij anders overeengekomen; de zorgaanbieder (jeugdhulp) ook.',
      ),
    ).toEqual([
      same('De '),
      del('cliënt'),
      ins('cliënte'),
      same(' ontvangt één factuur per '),
      del('maand'),
      ins('kwartaal, tenzij anders overeengekomen'),
      same('; de zorgaanbieder (jeugdhulp) ook.'),
    ]);
    expect(
      compare('Partijen, te weten X en Y, komen overeen.', 'Partijen (X en Y) komen het volgende overeen:'),
    ).toEqual([
      same('Partijen'),
      del(', te weten '),
      ins(' ('),
      same('X en Y'),
      del(','),
      ins(')'),
      same(' komen '),
      ins('het volgende '),
      same('overeen'),
      del('.'),
      ins(':'),
    ]);
    expect(compare('Eén cliënt, één zorgaanbieder.', 'Eén cliënt, twee zorgaanbieders.')).toEqual([
      same('Eén cliënt, '),
      del('één zorgaanbieder'),
      ins('twee zorgaanbieders'),
      same('.'),
    ]);
  });

  it('keeps the paragraph breaks of texts with several paragraphs', () => {
    expect(
      compare(
        'Artikel 1.\nDe cliënt betaalt.\n\nArtikel 2.\nGeen bijzonderheden.',
        'Artikel 1.\nDe cliënt betaalt direct.\n\nArtikel 2.\nGeen bijzonderheden.\nArtikel 3.',
      ),
    ).toEqual([
      same('Artikel 1.\nDe cliënt betaalt'),
      ins(' direct'),
      same('.\n\nArtikel 2.\nGeen bijzonderheden.'),
      ins('\nArtikel 3.'),
    ]);
  });

  it('shows a sentence break that became a paragraph break', () => {
    expect(compare('Eerste zin. Tweede zin.', 'Eerste zin.\nTweede zin.')).toEqual([
      same('Eerste zin.'),
      del(' '),
      ins('\n'),
      same('Tweede zin.'),
    ]);
  });
});

describe('compareSummary', () => {
  it('counts inserted and deleted words and moved passages', () => {
    const segments = compare(
      'De cliënt betaalt binnen 30 dagen. Deze zin gaat naar het eind. Slot.',
      'De cliënt betaalt binnen één maand, zo nodig eerder. Slot. Deze zin gaat naar het eind.',
    );
    expect(segments).toEqual([
      same('De cliënt betaalt binnen '),
      del('30 dagen'),
      ins('één maand, zo nodig eerder'),
      same('. '),
      from('Deze zin gaat naar het eind. '),
      same('Slot.'),
      to(' Deze zin gaat naar het eind.'),
    ]);
    expect(compareSummary(segments)).toEqual({ inserted: 5, deleted: 2, moved: 1 });
  });

  it('is all zero for identical texts', () => {
    expect(compareSummary(compareTexts(P1, P1))).toEqual({ inserted: 0, deleted: 0, moved: 0 });
    expect(compareSummary([])).toEqual({ inserted: 0, deleted: 0, moved: 0 });
  });

  it('does not count punctuation or whitespace as words', () => {
    expect(countWords(' , – 30 dagen; cliënt’s\n')).toBe(3);
    expect(compareSummary([del(', '), ins('\n'), ins('één')])).toEqual({ inserted: 1, deleted: 0, moved: 0 });
  });
});

describe('compareTexts on random edits', () => {
  /** Deterministic pseudo-random numbers (mulberry32), so a failure can be reproduced. */
  function random(seed: number) {
    let a = seed >>> 0;
    return () => {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  const vocabulary = [
    'de', 'het', 'een', 'cliënt', 'één', 'zorgaanbieder', 'gemeente', 'jeugdhulp', 'betaalt', 'levert',
    'binnen', 'dagen', 'na', 'van', 'in', 'op', 'aan', 'voor', 'overeenkomst', 'tarief', 'regio', 'zorg',
    'continuïteit', 'wachtlijst', '18+', 'artikel', '3.2', '(zie', 'bijlage)', 'co-financiering', '€',
  ];

  function randomText(rnd: () => number): string {
    const paragraphs: string[] = [];
    const paragraphCount = Math.floor(rnd() * 4);
    for (let p = 0; p < paragraphCount; p++) {
      const sentences: string[] = [];
      const sentenceCount = 1 + Math.floor(rnd() * 3);
      for (let s = 0; s < sentenceCount; s++) {
        const words: string[] = [];
        const wordCount = 1 + Math.floor(rnd() * 8);
        for (let w = 0; w < wordCount; w++) {
          words.push(vocabulary[Math.floor(rnd() * vocabulary.length)]! + (rnd() < 0.1 ? ',' : ''));
        }
        sentences.push(words.join(rnd() < 0.05 ? '  ' : ' ') + (rnd() < 0.2 ? ';' : '.'));
      }
      paragraphs.push(sentences.join(' '));
    }
    return paragraphs.join(rnd() < 0.2 ? '\n\n' : '\n');
  }

  /** Applies a few random edits: word insertions, deletions and replacements, moves, new paragraphs. */
  function edit(text: string, rnd: () => number): string {
    let result = text;
    const edits = Math.floor(rnd() * 5);
    for (let e = 0; e < edits; e++) {
      const kind = rnd();
      const tokens = result.split(/(\s+)/);
      const at = Math.floor(rnd() * (tokens.length + 1));
      const word = vocabulary[Math.floor(rnd() * vocabulary.length)]!;
      if (kind < 0.25) tokens.splice(at, 0, word, ' ');
      else if (kind < 0.45) tokens.splice(at, 2);
      else if (kind < 0.6) tokens[Math.min(at, tokens.length - 1)] = word;
      else if (kind < 0.75) tokens.splice(at, 0, '\n');
      else {
        // Move a sentence or a paragraph somewhere else.
        const units = kind < 0.88 ? result.split(/(?<=[.;]) /) : result.split('\n');
        if (units.length < 2) continue;
        const [moved] = units.splice(Math.floor(rnd() * units.length), 1);
        units.splice(Math.floor(rnd() * (units.length + 1)), 0, moved!);
        result = units.join(kind < 0.88 ? ' ' : '\n');
        continue;
      }
      result = tokens.join('');
    }
    return result;
  }

  it('rebuilds both texts, pairs every move, and keeps segments tidy', () => {
    const rnd = random(20250611);
    let moves = 0;
    for (let round = 0; round < 400; round++) {
      const oldText = randomText(rnd);
      const newText = rnd() < 0.1 ? randomText(rnd) : edit(oldText, rnd);
      const segments = compareTexts(oldText, newText);
      const context = JSON.stringify({ oldText, newText, segments });

      const oldParts = segments.filter((s) => s.kind === 'same' || s.kind === 'deleted' || s.kind === 'moved-from');
      const newParts = segments.filter((s) => s.kind === 'same' || s.kind === 'inserted' || s.kind === 'moved-to');
      expect(oldParts.map((s) => s.text).join(''), context).toBe(oldText);
      expect(newParts.map((s) => s.text).join(''), context).toBe(newText);

      segments.forEach((segment, k) => {
        expect(segment.text, context).not.toBe('');
        const previous = segments[k - 1];
        if (previous) expect(previous.kind === segment.kind && previous.moveId === segment.moveId, context).toBe(false);
        expect(segment.moveId !== undefined, context).toBe(segment.kind === 'moved-from' || segment.kind === 'moved-to');
      });

      // Every move has one 'from' and one 'to' with the same text (whitespace aside), numbered in order.
      const ids = [...new Set(segments.flatMap((s) => (s.moveId === undefined ? [] : [s.moveId])))];
      expect(ids, context).toEqual(ids.map((_, k) => k + 1));
      for (const id of ids) {
        const movedFrom = segments.filter((s) => s.kind === 'moved-from' && s.moveId === id);
        const movedTo = segments.filter((s) => s.kind === 'moved-to' && s.moveId === id);
        expect(movedFrom, context).toHaveLength(1);
        expect(movedTo, context).toHaveLength(1);
        const normalise = (text: string) => text.replace(/\s+/g, ' ').trim();
        expect(normalise(movedFrom[0]!.text), context).toBe(normalise(movedTo[0]!.text));
        expect(countWords(movedFrom[0]!.text), context).toBeGreaterThanOrEqual(3);
      }
      moves += ids.length;

      if (oldText === newText) expect(segments, context).toEqual(oldText ? [same(oldText)] : []);
    }
    // The edits include moves; make sure the property run actually exercised move detection.
    expect(moves).toBeGreaterThan(20);
  });
});
