/**
 * Which client (a window, a browser tab, the command line) the current call comes from, so the
 * history can record who made each action and undo can be per window (issue 8, item 17).
 *
 * The transports know the client (the web host from the tab's `X-Marginalia-Client` header, the
 * Electron IPC adapter from the sending window) and run the library call inside `withClient`;
 * the library's queue carries it to the work (host/library.ts), and `pushAction` reads it with
 * `actingClient()`. An AsyncLocalStorage rather than a parameter on every ReaderApi method: the
 * contract stays what the renderer sees, and no edit path can forget to pass it on.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

/** The client of calls made outside any transport (unit tests, scripts): one local user. */
export const LOCAL_CLIENT = 'local';
/** The command line (`marginalia …` verbs): always "another client" to every window. */
export const CLI_CLIENT = 'cli';

const acting = new AsyncLocalStorage<string>();

/** Longest client id accepted from a transport; longer or odd ids are refused (see `clientId`). */
const MAX_CLIENT_ID = 80;

/**
 * A client id as a transport received it, checked: letters, digits, `-`, `_`, `.`, `:` up to 80
 * characters; anything else (or nothing) gives null, and the transport uses its own default.
 */
export function clientId(raw: unknown): string | null {
  return typeof raw === 'string' && raw.length > 0 && raw.length <= MAX_CLIENT_ID && /^[\w.:-]+$/.test(raw) ? raw : null;
}

/** Run `work` (and everything it awaits) as `client`. */
export function withClient<T>(client: string, work: () => T): T {
  return acting.run(client, work);
}

/** The client of the current call, or null outside `withClient`. */
export function currentClient(): string | null {
  return acting.getStore() ?? null;
}

/** The client the history records for an action made now: the current one, else LOCAL_CLIENT. */
export function actingClient(): string {
  return acting.getStore() ?? LOCAL_CLIENT;
}

/** How a message names a client other than the one asking: "the command line" or "another window". */
export function clientWords(client: string | null): string {
  return client === CLI_CLIENT ? 'the command line' : 'another window';
}
