/**
 * The only file that touches ipcMain: one generic `handle()` registers every ReaderApi method
 * (READER_METHODS) under its channel, and host events are forwarded to the window under theirs.
 *
 * Each call answers a WireResult (host/web-host/wire.ts) rather than throwing: Electron would
 * strip an error's `code` and attach a main-process stack. Calls whose sender frame is not our
 * top-level app:// page are refused.
 */
import { ipcMain, type IpcMainInvokeEvent, type WebContents, type WebFrameMain } from 'electron';
import { READER_EVENTS, READER_METHODS, channelFor, type ReaderBridge, type ReaderEvents, type ReaderMethod } from '../core/api.ts';
import { settle, type WireResult } from '../host/web-host/wire.ts';
import { withClient } from '../host/store/acting-client.ts';
import { isAppUrl } from './urls.ts';

/** Whether an IPC message comes from our renderer's top frame (not an iframe, not another page). */
export function isTrustedFrame(frame: WebFrameMain | null): boolean {
  return frame !== null && frame.parent === null && isAppUrl(frame.url);
}

/** Window number (1, 2, …: the lowest free) of each open window's contents, by webContents id. */
const windowSlots = new Map<number, number>();

/**
 * The client id of a window for the history (undo per window, issue 8, item 17): `window:N`,
 * N the lowest number no open window holds. The first window is always `window:1`, so after a
 * restart (or a reload) Ctrl+Z still undoes what that window did before.
 */
export function windowClient(sender: Pick<WebContents, 'id' | 'once'> | undefined): string {
  if (!sender || typeof sender.id !== 'number') return 'window:1';
  let slot = windowSlots.get(sender.id);
  if (slot === undefined) {
    const used = new Set(windowSlots.values());
    for (slot = 1; used.has(slot); slot += 1);
    windowSlots.set(sender.id, slot);
    const id = sender.id;
    sender.once('destroyed', () => windowSlots.delete(id));
  }
  return `window:${slot}`;
}

function handle(library: ReaderBridge, method: ReaderMethod): void {
  ipcMain.handle(channelFor(method), (event: IpcMainInvokeEvent, ...args: unknown[]): Promise<WireResult> => {
    if (!isTrustedFrame(event.senderFrame)) {
      return Promise.resolve({ ok: false, error: { code: 'bad-input', message: 'Refused: the request did not come from the reader window.' } });
    }
    const fn = library[method] as (...a: unknown[]) => Promise<unknown>;
    return settle(() => withClient(windowClient(event.sender as WebContents | undefined), () => fn.apply(library, args)));
  });
}

/** Registers a handler for every ReaderApi method. Call once, after the library is open. */
export function registerIpc(library: ReaderBridge): () => void {
  for (const method of READER_METHODS) handle(library, method);
  return () => { for (const method of READER_METHODS) ipcMain.removeHandler(channelFor(method)); };
}

/** Forwards the library's events to a window; returns the unsubscribe. */
export function forwardEvents(library: ReaderBridge, contents: WebContents): () => void {
  const offs = READER_EVENTS.map((name) =>
    library.on(name, (payload: unknown) => { if (!contents.isDestroyed()) contents.send(channelFor(name), payload); }));
  return () => { for (const off of offs) off(); };
}

/** Sends a menu command to the renderer (the `onDidRequestCommand` event). */
export function sendCommand(contents: WebContents, payload: ReaderEvents['onDidRequestCommand']): void {
  if (!contents.isDestroyed()) contents.send(channelFor('onDidRequestCommand'), payload);
}
