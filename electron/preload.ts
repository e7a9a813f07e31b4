/**
 * The only file that touches ipcRenderer. Exposes `window.reader`: one named function per
 * ReaderApi method (each resolving to a WireResult, unwrapped in renderer/transport/) and `on`
 * for READER_EVENTS. Never exposes ipcRenderer itself, and accepts only known event names.
 * Runs sandboxed: bundled to dist/electron/preload.cjs by scripts/build.ts.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { READER_EVENTS, READER_METHODS, channelFor, type ReaderEventName } from '../core/api.ts';

function invoke(method: (typeof READER_METHODS)[number], args: unknown[]): Promise<unknown> {
  return ipcRenderer.invoke(channelFor(method), ...args);
}

const reader: Record<string, unknown> = {
  on(event: ReaderEventName, listener: (payload: unknown) => void): () => void {
    if (!READER_EVENTS.includes(event) || typeof listener !== 'function') throw new Error(`Unknown event "${String(event)}".`);
    const wrapped = (_e: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(channelFor(event), wrapped);
    return () => { ipcRenderer.removeListener(channelFor(event), wrapped); };
  },
};
for (const method of READER_METHODS) reader[method] = (...args: unknown[]) => invoke(method, args);

contextBridge.exposeInMainWorld('reader', reader);
