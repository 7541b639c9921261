import MiniSearch, { type SearchResult as EngineResult } from 'minisearch';
import { searchKinds, type SearchHit, type SearchResult } from '../../shared/schemas/search';
import { searchTerm, tokenize } from './dutch-text';
import { highlight, snippet } from './highlight';
import type { SearchDocument } from './sources';
import { mayRead, type Viewer } from './visibility';

/** Engine options: Dutch terms at index and query time, prefixes, and one typo in a longer word. */
function engine(): MiniSearch<SearchDocument> {
  return new MiniSearch<SearchDocument>({
    fields: ['title', 'text'],
    storeFields: [],
    tokenize,
    processTerm: (word) => searchTerm(word),
    searchOptions: {
      boost: { title: 2 },
      prefix: (term) => term.length >= 3,
      fuzzy: (term) => (term.length >= 5 ? 0.2 : false),
      maxFuzzy: 2,
    },
  });
}

const signatureOf = (d: SearchDocument) => JSON.stringify([d.title, d.text, d.path, d.visibility]);

/**
 * The search index of one trajectory: the engine, and per document its text and visibility facts
 * (for highlighting and for the policy, asked per query). Held in memory only.
 */
export class TrajectorySearchIndex {
  private readonly engine = engine();
  private readonly documents = new Map<string, { document: SearchDocument; signature: string }>();
  private readonly bySource = new Map<string, Set<string>>();

  get size(): number {
    return this.documents.size;
  }

  /** Makes the index hold exactly `documents` for this source: changed ones replaced, gone ones removed. */
  replaceSource(source: string, documents: readonly SearchDocument[]): void {
    const before = this.bySource.get(source) ?? new Set<string>();
    const now = new Set<string>();
    for (const document of documents) {
      now.add(document.id);
      this.put(document);
    }
    for (const id of before) if (!now.has(id)) this.remove(id);
    this.bySource.set(source, now);
  }

  /** Adds or replaces one document (unchanged ones are left alone). */
  put(document: SearchDocument): void {
    const signature = signatureOf(document);
    const held = this.documents.get(document.id);
    if (held?.signature === signature) return;
    if (held) this.engine.discard(document.id);
    this.engine.add(document);
    this.documents.set(document.id, { document, signature });
  }

  get(id: string): SearchDocument | undefined {
    return this.documents.get(id)?.document;
  }

  private remove(id: string): void {
    if (!this.documents.has(id)) return;
    this.engine.discard(id);
    this.documents.delete(id);
  }

  search(query: string, viewer: Viewer, limit: number): Omit<SearchResult, 'complete'> {
    const readable = (result: EngineResult) => {
      const held = this.documents.get(String(result.id));
      return held !== undefined && mayRead(viewer, held.document.visibility);
    };
    // Every word must match (by its stem, a prefix or a small typo): a common word of a query never finds things on its own.
    const results = this.engine.search(query, { combineWith: 'AND', filter: readable });
    const hits = results.slice(0, limit).map((result) => this.hit(result));
    return {
      query,
      total: results.length,
      groups: searchKinds.map((kind) => ({ kind, hits: hits.filter((h) => h.kind === kind) })).filter((g) => g.hits.length > 0),
    };
  }

  private hit(result: EngineResult): SearchHit {
    const document = this.documents.get(String(result.id))!.document;
    const terms = new Set(result.terms);
    return {
      id: document.id,
      kind: document.kind,
      title: highlight(document.title, terms),
      snippet: snippet(document.text, terms),
      path: document.path,
    };
  }

  /** A rough size in bytes of what the index holds (the engine's serialised form plus the texts), for the logs. */
  approximateBytes(): number {
    let texts = 0;
    for (const { signature } of this.documents.values()) texts += signature.length * 2;
    return JSON.stringify(this.engine).length * 2 + texts;
  }
}
