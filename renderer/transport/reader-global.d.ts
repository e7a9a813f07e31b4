import type { ReaderWire } from './wire.ts';

declare global {
  interface Window {
    /**
     * Set by the Electron preload (electron/preload.ts), absent in a browser. Calls resolve to
     * WireResult objects: use `getReader()` from ./web-client.ts rather than this directly.
     */
    readonly reader?: ReaderWire;
  }
}
