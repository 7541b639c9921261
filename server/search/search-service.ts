import { parseClauseDocumentName } from '../../shared/domain/agreement';
import { documentText } from '../../shared/domain/clause-text';
import type { SearchResult } from '../../shared/schemas/search';
import type { CollabPersistence } from '../collab/persistence';
import type { DocumentRegistry } from '../collab/document-registry';
import type { Logger } from '../logger';
import type { Models } from '../models';
import type { ChangeKind } from '../services';
import { searchSources, storedDocumentText, type SearchSource, type SourceContext } from './sources';
import { TrajectorySearchIndex } from './trajectory-index';
import type { Viewer } from './visibility';

export interface SearchSettings {
  /** At most this many trajectories' indexes are held; the least recently searched goes first. */
  maxTrajectories: number;
  /** An index nobody searched for this long is dropped (built again on the next search). */
  idleMs: number;
}

/** Changes of one kind in a burst are read once: a bulk import is one reload, not hundreds. */
const refreshDelayMs = 50;
/** Clause edits arrive keystroke by keystroke; the text is read at most this often per document. */
const clauseTextDelayMs = 200;
/** Clause documents read from the database at the same time while their texts are read. */
const loadConcurrency = 4;
/** A search waits this long at most for clause texts still being read; it then answers with what is there, and says so. */
const textWaitMs = 1500;

interface Entry {
  trajectoryId: string;
  index: TrajectorySearchIndex;
  ready: Promise<void>;
  /** Texts of the trajectory's clause documents: what the clause source indexes. */
  texts: Map<string, string>;
  /** Clause documents whose text is being read (after the records are indexed: reading a long history is slow). */
  textsLoading: Set<string>;
  /** Resolves when no clause text is being read any more. */
  textsDone: Promise<void>;
  dirty: Set<SearchSource>;
  refreshing: Promise<void> | null;
  timer: NodeJS.Timeout | undefined;
  lastUsed: number;
}

/**
 * One search index per trajectory, in this process: built on the first search from one read of
 * the trajectory's records, then kept current from the changes the app publishes (on this node
 * and, over Redis, on the others) and from edits of clause documents. Queries touch memory only;
 * a query that arrives while a change is being read waits for it, so what it finds is current.
 */
export class SearchService {
  private readonly entries = new Map<string, Entry>();
  private readonly clauseTimers = new Map<string, NodeJS.Timeout>();
  private readonly sweeper: NodeJS.Timeout;
  /** Set once the node is connected to the others: sends a change to every other node. */
  broadcast: ((message: SearchChange) => void) | undefined;

  constructor(
    private readonly models: Models,
    private readonly documents: DocumentRegistry,
    private readonly persistence: CollabPersistence,
    private readonly log: Logger,
    private readonly settings: SearchSettings,
  ) {
    this.sweeper = setInterval(() => this.evictIdle(), Math.max(1000, Math.min(60_000, settings.idleMs / 2)));
    this.sweeper.unref();
  }

  async search(trajectoryId: string, viewer: Viewer, query: string, limit: number): Promise<SearchResult> {
    const entry = this.entry(trajectoryId);
    await entry.ready;
    if (entry.dirty.size > 0 || entry.refreshing) await this.refresh(entry);
    if (entry.textsLoading.size > 0) await Promise.race([entry.textsDone, new Promise((r) => setTimeout(r, textWaitMs).unref())]);
    return { ...entry.index.search(query, viewer, limit), complete: entry.textsLoading.size === 0 };
  }

  /** A change published on this node: applied here and sent to the other nodes. */
  changed(trajectoryId: string, what: ChangeKind): void {
    // Most changes (the audit log, a ballot's tally, members) concern no indexed kind: nothing to tell anyone.
    if (!searchSources.some((source) => source.changes.includes(what))) return;
    this.apply({ kind: 'change', trajectoryId, what });
    this.broadcast?.({ kind: 'change', trajectoryId, what });
  }

  /** A clause document changed on this node (an edit, an accepted amendment, a restored version). */
  clauseDocumentChanged(name: string, read: () => string): void {
    const parsed = parseClauseDocumentName(name);
    if (!parsed || this.clauseTimers.has(name)) return;
    // On a single node without an index of this trajectory there is nobody to tell.
    if (!this.broadcast && !this.entries.has(parsed.trajectoryId)) return;
    const timer = setTimeout(() => {
      this.clauseTimers.delete(name);
      let text: string;
      try {
        text = read();
      } catch (error) {
        return void this.log.warn({ doc: name, err: String(error) }, 'reading a clause text for search failed');
      }
      const message: SearchChange = { kind: 'clause-text', trajectoryId: parsed.trajectoryId, document: name, text };
      this.apply(message);
      this.broadcast?.(message);
    }, clauseTextDelayMs);
    timer.unref();
    this.clauseTimers.set(name, timer);
  }

  /** A change from this node or another. Trajectories without an index here have nothing to update. */
  apply(message: SearchChange): void {
    const entry = this.entries.get(message.trajectoryId);
    if (!entry) return;
    if (message.kind === 'clause-text') {
      this.setText(entry, message.document, message.text);
      return;
    }
    let any = false;
    for (const source of searchSources) {
      if (source.changes.includes(message.what)) {
        entry.dirty.add(source);
        any = true;
      }
    }
    if (!any || entry.timer) return;
    entry.timer = setTimeout(() => {
      entry.timer = undefined;
      void this.refresh(entry).catch((error: unknown) => this.log.warn({ trajectoryId: entry.trajectoryId, err: String(error) }, 'updating a search index failed'));
    }, refreshDelayMs);
    entry.timer.unref();
  }

  /** Held indexes, for the logs and the benchmark. */
  stats(): Array<{ trajectoryId: string; documents: number; approximateBytes: number }> {
    return [...this.entries.values()].map((e) => ({ trajectoryId: e.trajectoryId, documents: e.index.size, approximateBytes: e.index.approximateBytes() }));
  }

  close(): void {
    clearInterval(this.sweeper);
    for (const timer of this.clauseTimers.values()) clearTimeout(timer);
    for (const entry of this.entries.values()) clearTimeout(entry.timer);
    this.entries.clear();
  }

  private entry(trajectoryId: string): Entry {
    let entry = this.entries.get(trajectoryId);
    if (entry) {
      // Most recently used last: the map's order is the eviction order.
      this.entries.delete(trajectoryId);
      this.entries.set(trajectoryId, entry);
      entry.lastUsed = Date.now();
      return entry;
    }
    const created: Entry = {
      trajectoryId,
      index: new TrajectorySearchIndex(),
      ready: Promise.resolve(),
      texts: new Map(),
      textsLoading: new Set(),
      textsDone: Promise.resolve(),
      dirty: new Set(),
      refreshing: null,
      timer: undefined,
      lastUsed: Date.now(),
    };
    created.ready = this.build(created);
    // A failed build must not stay: the next search tries again.
    created.ready.catch(() => {
      if (this.entries.get(trajectoryId) === created) this.entries.delete(trajectoryId);
    });
    this.entries.set(trajectoryId, created);
    while (this.entries.size > this.settings.maxTrajectories) this.drop(this.entries.keys().next().value!);
    return created;
  }

  private async build(entry: Entry): Promise<void> {
    const started = performance.now();
    const { context, unread } = this.context(entry);
    // Each kind is one query; they run side by side, and go into the index in the sources' order.
    const loaded = await Promise.all(searchSources.map((source) => source.load(context)));
    searchSources.forEach((source, i) => entry.index.replaceSource(source.name, loaded[i]!));
    this.readTexts(entry, unread, started);
    this.log.info(
      { event: 'search-index-built', trajectoryId: entry.trajectoryId, documents: entry.index.size, ms: Math.round(performance.now() - started), approximateBytes: entry.index.approximateBytes() },
      'search index built',
    );
  }

  /** Reads the sources marked by changes again, until none is left (changes may arrive meanwhile). */
  private refresh(entry: Entry): Promise<void> {
    if (entry.refreshing) return entry.refreshing;
    clearTimeout(entry.timer);
    entry.timer = undefined;
    entry.refreshing = (async () => {
      try {
        await entry.ready;
        const { context, unread } = this.context(entry);
        while (entry.dirty.size > 0) {
          const sources = [...entry.dirty];
          entry.dirty.clear();
          try {
            const loaded = await Promise.all(sources.map(async (s) => [s, await s.load(context)] as const));
            for (const [source, documents] of loaded) entry.index.replaceSource(source.name, documents);
            this.readTexts(entry, unread.splice(0), null);
          } catch (error) {
            // Read again on the next search rather than answering from an index that missed a change.
            for (const s of sources) entry.dirty.add(s);
            throw error;
          }
        }
      } finally {
        entry.refreshing = null;
      }
    })();
    return entry.refreshing;
  }

  /**
   * What the sources read with. A clause text not known yet is indexed as empty for now and its
   * name collected in `unread`, to be read once the records are in the index (readTexts).
   */
  private context(entry: Entry): { context: SourceContext; unread: string[] } {
    const prefix = `trajectory/${entry.trajectoryId}/clause/`;
    const unread: string[] = [];
    return {
      unread,
      context: {
        models: this.models,
        trajectoryId: entry.trajectoryId,
        clauseText: async (name) => {
          if (!name.startsWith(prefix)) return '';
          const known = entry.texts.get(name);
          if (known !== undefined) return known;
          unread.push(name);
          return '';
        },
      },
    };
  }

  /** Reads clause texts in the background, a few at a time, each into the index as it comes. */
  private readTexts(entry: Entry, names: string[], started: number | null): void {
    const todo = [...new Set(names)].filter((n) => !entry.texts.has(n) && !entry.textsLoading.has(n));
    if (todo.length === 0) return;
    for (const name of todo) entry.textsLoading.add(name);
    const worker = async () => {
      for (let name = todo.shift(); name !== undefined; name = todo.shift()) {
        try {
          if (this.entries.get(entry.trajectoryId) !== entry) return;
          const text = await this.readText(name);
          // A message that came in meanwhile is newer than what was read here.
          if (!entry.texts.has(name)) this.setText(entry, name, text);
        } catch (error) {
          this.log.warn({ doc: name, err: String(error) }, 'reading a clause text for search failed');
        } finally {
          entry.textsLoading.delete(name);
        }
      }
    };
    const done = Promise.all(Array.from({ length: loadConcurrency }, worker)).then(() => {
      if (started !== null && entry.textsLoading.size === 0) {
        this.log.info({ event: 'search-texts-read', trajectoryId: entry.trajectoryId, documents: entry.index.size, ms: Math.round(performance.now() - started), approximateBytes: entry.index.approximateBytes() }, 'search index has every clause text');
      }
    });
    entry.textsDone = Promise.all([entry.textsDone, done]).then(() => undefined);
  }

  /** A clause document's text: from memory when it is open on this node (the freshest), otherwise as stored. */
  private async readText(name: string): Promise<string> {
    const [open] = (await this.documents.loaded(name)).filter((d) => d.name === name);
    if (open) return documentText(open.doc);
    return storedDocumentText((await this.persistence.load(name)).state);
  }

  private setText(entry: Entry, name: string, text: string): void {
    entry.texts.set(name, text);
    const parsed = parseClauseDocumentName(name);
    if (!parsed) return;
    const id = parsed.variantId ? `clause:${parsed.clauseId}:variant:${parsed.variantId}` : `clause:${parsed.clauseId}`;
    const held = entry.index.get(id);
    // A clause this index does not know yet comes with the next read of the agreement.
    if (held) entry.index.put({ ...held, text });
  }

  private evictIdle(): void {
    const now = Date.now();
    for (const entry of [...this.entries.values()]) if (now - entry.lastUsed > this.settings.idleMs) this.drop(entry.trajectoryId);
  }

  private drop(trajectoryId: string): void {
    const entry = this.entries.get(trajectoryId);
    if (!entry) return;
    clearTimeout(entry.timer);
    this.entries.delete(trajectoryId);
    this.log.debug({ trajectoryId }, 'search index dropped');
  }
}

/** What nodes tell each other; every node applies it to the index it holds of that trajectory, if any. */
export type SearchChange = { kind: 'change'; trajectoryId: string; what: ChangeKind } | { kind: 'clause-text'; trajectoryId: string; document: string; text: string };
