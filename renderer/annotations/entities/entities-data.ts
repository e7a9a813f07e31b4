/**
 * The entities UI's view of the library: the entities, how many claims carry each (counted by the
 * host: `claimCounts('entity')`), the documents and the claim kinds, fetched together and fetched
 * again whenever the host says annotations, the library or the settings changed (an edit here, an
 * undo, the CLI, another window). The registry and the entity pages draw from this one copy, so
 * their names and counts agree; an entity page asks the host for its claims in pages
 * (entity-claims.ts). No claim is fetched here: at 10,000 claims the whole list was ~6 MB of JSON
 * per change, the counts are a few bytes per entity.
 *
 * Nothing is fetched while no view that draws from it is on screen (`setWanted(false)`): a change
 * then only marks the copy stale, and it is fetched when a view shows again.
 */
import type { ClaimKindDef, DocumentSummary, Entity, LibrarySnapshot, ReaderBridge } from '../../../core/api.ts';
import { errorMessage } from '../format.ts';

export interface EntitiesData {
  /** Every entity, as the host lists them (by name). */
  entities(): Entity[];
  entity(id: string): Entity | undefined;
  /** The open corpus's documents. */
  documents(): DocumentSummary[];
  /** The library as last fetched (corpora, the open one), or null before the first load. */
  library(): LibrarySnapshot | null;
  kinds(): ClaimKindDef[];
  /** How many claims are tagged with the entity (0 for one with none, or unknown). */
  claimCount(entityId: string): number;
  /** Whether the first load finished. */
  ready(): boolean;
  /**
   * Fetches everything again; concurrent calls share one fetch (and one more if asked meanwhile).
   * While not wanted it only marks the copy stale.
   */
  refresh(): Promise<void>;
  /** Whether a view that draws from this is on screen; becoming wanted fetches a stale copy. */
  setWanted(wanted: boolean): void;
  /** Called after every fetch (also a failed one); returns the removal. */
  onDidChange(listener: () => void): () => void;
  dispose(): void;
}

/** The host calls the data makes (a ReaderBridge has them all). */
export type EntitiesDataReader = Pick<ReaderBridge, 'listEntities' | 'claimCounts' | 'getSettings' | 'getLibrary' | 'on'>;

/** Creates the data; the first load waits until a view wants it (`setWanted(true)`). */
export function createEntitiesData(reader: EntitiesDataReader, opts: { onError(message: string): void }): EntitiesData {
  let entities: Entity[] = [];
  let byId = new Map<string, Entity>();
  let counts: Record<string, number> = {};
  let library: LibrarySnapshot | null = null;
  let kinds: ClaimKindDef[] = [];
  let loaded = false;
  let running: Promise<void> | null = null;
  let again = false;
  const listeners = new Set<() => void>();

  const load = async (): Promise<void> => {
    try {
      const [e, c, s, lib] = await Promise.all([reader.listEntities(), reader.claimCounts('entity'), reader.getSettings(), reader.getLibrary()]);
      entities = e;
      byId = new Map(e.map((x) => [x.id, x]));
      counts = c;
      kinds = s.kinds;
      library = lib;
      loaded = true;
    } catch (err) {
      opts.onError(`Could not read the entities: ${errorMessage(err)}`);
    }
    for (const l of [...listeners]) l();
  };

  let wanted = false;
  let stale = true;
  const refresh = (): Promise<void> => {
    if (!wanted) { stale = true; return running ?? Promise.resolve(); }
    stale = false;
    if (running) { again = true; return running; }
    running = (async () => {
      do { again = false; await load(); } while (again);
      running = null;
    })();
    return running;
  };

  const offs = [
    reader.on('onDidChangeAnnotations', () => void refresh()),
    reader.on('onDidChangeLibrary', () => void refresh()),
    reader.on('onDidChangeSettings', () => void refresh()),
  ];

  return {
    entities: () => entities,
    entity: (id) => byId.get(id),
    documents: () => library?.documents ?? [],
    library: () => library,
    kinds: () => kinds,
    claimCount: (id) => (Object.hasOwn(counts, id) ? counts[id]! : 0),
    ready: () => loaded,
    refresh,
    setWanted: (w) => { wanted = w; if (w && stale) void refresh(); },
    onDidChange: (l) => { listeners.add(l); return () => listeners.delete(l); },
    dispose: () => { for (const off of offs) off(); listeners.clear(); },
  };
}
