/** Messages between the host (service.ts) and the search worker (worker.ts). Plain JSON. */
import type { ClaimKindDef, SearchOptions, SearchPage } from '../../core/api.ts';
import type { OpenReport } from './search-index.ts';

/** Host → worker. Handled strictly in order, so a change posted before a query is in its answer. */
export type ToWorker =
  | { t: 'open'; dbPath: string | null; dataDir: string | null; titles: Array<[string, string]>; kinds: ClaimKindDef[]; documentIds: string[] }
  | { t: 'claims'; ids: string[] }
  | { t: 'entities' }
  | { t: 'titles'; titles: Array<[string, string]> }
  | { t: 'kinds'; kinds: ClaimKindDef[] }
  | { t: 'passages'; documentIds: string[] }
  | { t: 'search'; id: number; query: string; options: SearchOptions }
  /** Compact and save now (tests, the bench, closing); answered with `done`. */
  | { t: 'flush'; id: number }
  | { t: 'close' };

/** Worker → host. */
export type FromWorker =
  | { t: 'opened'; report: OpenReport }
  | { t: 'result'; id: number; page: SearchPage }
  | { t: 'done'; id: number }
  | { t: 'failed'; id: number | null; message: string };
