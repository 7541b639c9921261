import { describe, expect, it } from 'vitest';
import type { Role } from '../../shared/domain/roles';
import { foldDiacritics, searchTerm } from '../../server/search/dutch-text';
import { highlight, snippet } from '../../server/search/highlight';
import { TrajectorySearchIndex } from '../../server/search/trajectory-index';
import type { SearchDocument } from '../../server/search/sources';
import { mayRead, type Viewer } from '../../server/search/visibility';

const viewer = (role: Role, userId = 'u1'): Viewer => ({
  actor: { kind: 'user', userId, name: 'X', email: 'x@example.org', platformAdmin: false, sessionId: 's' },
  seat: { membershipId: 'm', role, organisationId: 'o' },
});

describe('Dutch search terms', () => {
  it('folds accents and stems, the same for every form of a word', () => {
    expect(foldDiacritics('zorgcontinuïteit')).toBe('zorgcontinuiteit');
    expect(searchTerm('Zorgcontinuïteit')).toBe(searchTerm('zorgcontinuiteit'));
    expect(searchTerm('afspraken')).toBe(searchTerm('afspraak'));
    expect(searchTerm('gemeenten')).toBe(searchTerm('gemeente'));
    expect(searchTerm('Coöperatie')).toBe(searchTerm('cooperatie'));
    expect(searchTerm('a')).toBeNull();
    expect(searchTerm('7')).toBe('7');
  });

  it('highlights the words whose terms matched, as ranges of the plain text', () => {
    const terms = new Set([searchTerm('afspraak')!]);
    const title = highlight('Afspraken over <b>tarieven</b>', terms);
    expect(title.ranges.map(([s, e]) => title.text.slice(s, e))).toEqual(['Afspraken']);
    const long = `${'woord '.repeat(100)}de afspraak staat hier ${'meer '.repeat(100)}`;
    const cut = snippet(long, terms)!;
    expect(cut.text.startsWith('… ')).toBe(true);
    expect(cut.text.endsWith(' …')).toBe(true);
    expect(cut.ranges.map(([s, e]) => cut.text.slice(s, e))).toEqual(['afspraak']);
    expect(cut.text.length).toBeLessThan(240);
  });
});

describe('a trajectory index', () => {
  const doc = (id: string, text: string, visibility: SearchDocument['visibility'] = { action: 'topic.list' }): SearchDocument => ({ id, kind: 'topic', title: id, text, path: `/p/${id}`, visibility });

  it('finds by stem, prefix and a typo, every word required; follows replaced sources', () => {
    const index = new TrajectorySearchIndex();
    index.replaceSource('topics', [doc('topic:1', 'Afspraken over zorgcontinuïteit'), doc('topic:2', 'Wachttijden in de regio')]);
    const ids = (q: string) => index.search(q, viewer('observer'), 50).groups.flatMap((g) => g.hits.map((h) => h.id));
    expect(ids('afspraak')).toEqual(['topic:1']);
    expect(ids('zorgcontinuiteit')).toEqual(['topic:1']);
    expect(ids('wacht')).toEqual(['topic:2']);
    expect(ids('wachtijden')).toEqual(['topic:2']);
    expect(ids('afspraak regio')).toEqual([]);
    index.replaceSource('topics', [doc('topic:2', 'Wachttijden in de regio')]);
    expect(ids('afspraak')).toEqual([]);
    expect(index.size).toBe(1);
  });

  it('asks each document’s visibility per viewer', () => {
    const index = new TrajectorySearchIndex();
    const draft = { action: 'question.list' as const, restricted: { action: 'question.answer' as const, userIds: ['asker'] } };
    index.replaceSource('questions', [doc('question:1', 'Een vraag over tarieven', draft)]);
    const found = (v: Viewer) => index.search('tarieven', v, 50).total;
    expect(found(viewer('procurement'))).toBe(1);
    expect(found(viewer('provider', 'asker'))).toBe(1);
    expect(found(viewer('provider', 'another'))).toBe(0);
    expect(found(viewer('facilitator'))).toBe(0);
    expect(mayRead({ actor: { kind: 'anonymous' }, seat: null }, { action: 'topic.list' })).toBe(false);
  });
});
