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
import { windowClient } from './window-client.ts';
import { isAppUrl } from './urls.ts';

/** Whether an IPC message comes from our renderer's top frame (not an iframe, not another page). */
export function isTrustedFrame(frame: WebFrameMain | null): boolean {
  return frame !== null && frame.parent === null && isAppUrl(frame.url);
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
