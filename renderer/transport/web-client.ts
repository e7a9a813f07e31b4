/**
 * The renderer's way to the host: `getReader()` gives the same ReaderBridge whether the page runs
 * in Electron (over the preload's `window.reader`) or in a browser (over HTTP to the web host).
 * Nothing else in the renderer needs to know which.
 */
import { ApiError, READER_EVENTS, channelFor, type ReaderBridge, type ReaderEventName, type ReaderEvents, type ReaderMethod } from '../../core/api.ts';
import { createBridge } from './bridge.ts';
import { unwrap } from './wire.ts';

/** The header the web host checks on every API call (host/web-host/auth.ts). */
const TOKEN_HEADER = 'X-Marginalia-Token';
/** The header naming this tab, so the host's undo is per window (host/web-host.ts). */
const CLIENT_HEADER = 'X-Marginalia-Client';
/** Where the tab keeps its id: sessionStorage lives as long as the tab, reloads included. */
const CLIENT_KEY = 'marginalia.client';

/**
 * This tab's client id: made once per tab and kept across reloads (sessionStorage), so Ctrl+Z
 * after a reload still undoes what this tab did, and another tab's actions stay that tab's.
 */
export function tabClientId(storage: Pick<Storage, 'getItem' | 'setItem'> | null = typeof sessionStorage === 'undefined' ? null : sessionStorage): string {
  const made = (): string => (typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`);
  try {
    const kept = storage?.getItem(CLIENT_KEY);
    if (kept) return kept;
    const id = made();
    storage?.setItem(CLIENT_KEY, id);
    return id;
  } catch {
    return made(); // storage refused (privacy settings): one id for this page's life
  }
}

/** Options for tests and embedding; in the page everything comes from `document`/`window`. */
export interface WebClientOptions {
  /** Origin of the web host; default: the page's own origin. */
  baseUrl?: string;
  /** API token; default: `<meta name="marginalia-token">`, written by the web host into index.html. */
  token?: string;
  /** This tab's client id (undo per window); default: `tabClientId()`. */
  clientId?: string;
  fetch?: typeof fetch;
  EventSource?: typeof EventSource;
}

/** Request bodies up to this many characters are sent with `keepalive` (the browser's limit is 64 KB). */
const KEEPALIVE_MAX_CHARS = 16_000;

/** A ReaderBridge over the web host's HTTP API and its Server-Sent Events stream. */
export function createWebClient(opts: WebClientOptions = {}): ReaderBridge {
  const base = opts.baseUrl ?? '';
  const doFetch = opts.fetch ?? ((input, init) => fetch(input, init));
  const token = opts.token ?? document.querySelector<HTMLMetaElement>('meta[name="marginalia-token"]')?.content ?? '';
  const client = opts.clientId ?? tabClientId();
  let source: EventSource | null = null;
  let closing = false;
  // capture, so this runs before the listeners that send their last saves
  if (typeof window !== 'undefined') window.addEventListener('pagehide', () => { closing = true; }, { capture: true });

  const invoke = async (method: ReaderMethod, args: unknown[]): Promise<unknown> => {
    let res: Response;
    try {
      const body = JSON.stringify(args);
      res = await doFetch(`${base}/api/${channelFor(method)}`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: token, [CLIENT_HEADER]: client },
        body,
        // a save sent as the page closes (the claim editor flushes on pagehide) still reaches the
        // host; browsers allow keepalive bodies up to 64 KB in flight, so only then
        keepalive: closing && body.length < KEEPALIVE_MAX_CHARS,
      });
    } catch {
      throw new ApiError('store-unavailable', 'Cannot reach the reader\'s host. Is `marginalia serve` still running?');
    }
    if (!(res.headers.get('content-type') ?? '').startsWith('application/json')) {
      throw new ApiError(res.status === 403 ? 'store-unavailable' : 'internal', res.status === 403
        ? 'The host refused this page\'s request: open the address printed by `marginalia serve` again.'
        : `The host answered ${res.status} ${res.statusText}.`);
    }
    return unwrap(await res.json());
  };

  const on = <E extends ReaderEventName>(event: E, listener: (payload: ReaderEvents[E]) => void): (() => void) => {
    if (!READER_EVENTS.includes(event)) throw new ApiError('bad-input', `Unknown event "${event}".`);
    const ES = opts.EventSource ?? EventSource;
    source ??= new ES(`${base}/api/events`, { withCredentials: false });
    const handler = (e: Event) => listener(JSON.parse((e as MessageEvent<string>).data) as ReaderEvents[E]);
    const es = source;
    es.addEventListener(channelFor(event), handler);
    return () => es.removeEventListener(channelFor(event), handler);
  };

  return createBridge(invoke, on);
}

let cached: ReaderBridge | null = null;

/**
 * The reader API for this page: over the Electron preload when present (its results are
 * unwrapped into values or ApiErrors), else over HTTP to the web host. Created once.
 */
export function getReader(): ReaderBridge {
  if (cached) return cached;
  // An element with id="reader" also appears as window.reader: only the preload's bridge (a
  // plain object with the API's functions and `on`) counts.
  const candidate: unknown = typeof window !== 'undefined' ? window.reader : undefined;
  const wire = isPreloadBridge(candidate) ? candidate : undefined;
  cached = wire
    ? createBridge(async (method, args) => unwrap(await (wire[method] as (...a: unknown[]) => Promise<unknown>)(...args)), (event, listener) => wire.on(event, listener))
    : createWebClient();
  return cached;
}

/** True for the object electron/preload.ts exposes, false for a DOM element named `reader`. */
function isPreloadBridge(value: unknown): value is NonNullable<Window['reader']> {
  if (typeof value !== 'object' || value === null) return false;
  if (typeof Node !== 'undefined' && value instanceof Node) return false;
  const v = value as Record<string, unknown>;
  return typeof v.on === 'function' && typeof v.getLibrary === 'function';
}
