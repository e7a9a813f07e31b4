/**
 * The entities UI's view of the library: entities, every claim, the documents and the claim
 * kinds, fetched together and fetched again whenever the host says annotations or the library
 * changed (an edit here, an undo, the CLI, another window). The views draw from this one copy,
 * so the registry's counts, the entity page and the library-wide list always agree.
 *
 * Nothing is fetched while no view that draws from it is on screen (`setWanted(false)`): a change
 * then only marks the copy stale, and it is fetched when a view shows again. With 10,000 claims a
 * fetch moves ~6 MB, which every claim edit would otherwise cost while the user reads.
 */
import type { Claim, ClaimKindDef, DocumentSummary, Entity, ReaderBridge } from '../../../core/api.ts';
import { errorMessage } from '../format.ts';

export interface EntitiesData {
  entities(): Entity[];
  entity(id: string): Entity | undefined;
  claims(): Claim[];
  documents(): DocumentSummary[];
  kinds(): ClaimKindDef[];
  /** Claims tagged with the entity. */
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
  onDidChange(listener: () => void): () => void;
  dispose(): void;
}

/** Creates the data; the first load waits until a view wants it (`setWanted(true)`). */
export function createEntitiesData(reader: ReaderBridge, opts: { onError(message: string): void }): EntitiesData {
  let entities: Entity[] = [];
  let claims: Claim[] = [];
  let documents: DocumentSummary[] = [];
  let kinds: ClaimKindDef[] = [];
  let counts = new Map<string, number>();
  let loaded = false;
  let running: Promise<void> | null = null;
  let again = false;
  const listeners = new Set<() => void>();

  const load = async (): Promise<void> => {
    try {
      const [e, c, s, lib] = await Promise.all([reader.listEntities(), reader.listClaims(), reader.getSettings(), reader.getLibrary()]);
      entities = e;
      claims = c;
      kinds = s.kinds;
      documents = lib.documents;
      counts = new Map();
      for (const claim of claims) for (const id of claim.entityIds) counts.set(id, (counts.get(id) ?? 0) + 1);
      loaded = true;
    } catch (err) {
      opts.onError(`Could not read the entities and claims: ${errorMessage(err)}`);
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
    entity: (id) => entities.find((e) => e.id === id),
    claims: () => claims,
    documents: () => documents,
    kinds: () => kinds,
    claimCount: (id) => counts.get(id) ?? 0,
    ready: () => loaded,
    refresh,
    setWanted: (w) => { wanted = w; if (w && stale) void refresh(); },
    onDidChange: (l) => { listeners.add(l); return () => listeners.delete(l); },
    dispose: () => { for (const off of offs) off(); listeners.clear(); },
  };
}
