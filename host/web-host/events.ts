/**
 * Server-Sent Events for READER_EVENTS: one stream per browser tab at `GET /api/events`.
 * Each event is sent under its channel name (`channelFor(event)`) with the JSON payload as data.
 */
import type { ServerResponse } from 'node:http';
import { READER_EVENTS, channelFor, type ReaderBridge } from '../../core/api.ts';

/** Keep-alive comment interval: proxies and browsers drop streams idle for ~30-60 s. */
const KEEP_ALIVE_MS = 15_000;

/** Fans the library's events out to every open SSE stream. */
export class EventHub {
  readonly #clients = new Set<ServerResponse>();
  readonly #unsubscribe: Array<() => void> = [];
  readonly #timer: NodeJS.Timeout;

  constructor(library: Pick<ReaderBridge, 'on'>) {
    for (const name of READER_EVENTS) {
      this.#unsubscribe.push(library.on(name, (payload: unknown) => this.#broadcast(channelFor(name), payload)));
    }
    this.#timer = setInterval(() => { for (const c of this.#clients) c.write(': keep-alive\n\n'); }, KEEP_ALIVE_MS);
    this.#timer.unref();
  }

  /** Opens a stream on `res` and keeps it until the client goes away or the hub closes. */
  attach(res: ServerResponse): void {
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
    });
    res.write('retry: 2000\n\n');
    this.#clients.add(res);
    res.on('close', () => this.#clients.delete(res));
  }

  /** Ends every stream and stops listening to the library. */
  close(): void {
    clearInterval(this.#timer);
    for (const u of this.#unsubscribe) u();
    for (const c of this.#clients) c.end();
    this.#clients.clear();
  }

  #broadcast(event: string, payload: unknown): void {
    const data = JSON.stringify(payload ?? null);
    for (const c of this.#clients) c.write(`event: ${event}\ndata: ${data}\n\n`);
  }
}
