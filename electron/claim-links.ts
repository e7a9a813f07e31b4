/**
 * `marginalia://claim/<id>` links into the desktop app (the shape lives in core/links.ts).
 *
 * The OS hands a link over in one of three ways, and each is handled here:
 *   - first launch (Windows, Linux): the link is a command-line argument of the new process;
 *   - the app already runs (Windows, Linux): the new process loses the single-instance lock and
 *     quits; the running one gets `second-instance` with that process's arguments;
 *   - macOS: `open-url`, before or after the app is ready.
 * A link is input from outside: anything but exactly `marginalia://claim/<uuid>` is ignored. A
 * valid one becomes the window's `open-claim` command (onDidRequestCommand); the renderer asks the
 * host for the claim, opens its document, selects and flashes it, or says that this library has
 * no such claim (renderer/annotations/claim-link.ts). A link that arrives before the window has
 * loaded waits for `did-finish-load`.
 */
import { app, type BrowserWindow } from 'electron';
import { resolve } from 'node:path';
import { LINK_SCHEME, claimLinkInArgs, parseClaimLink } from '../core/links.ts';
import { sendCommand } from './ipc.ts';

/** What main.ts calls: arguments of a second instance, and each new window once created. */
export interface ClaimLinks {
  /** `second-instance`: the other process's command line. */
  fromArgs(argv: readonly string[]): void;
  /** A new window: links that came before it loaded are delivered when it has. */
  attach(win: BrowserWindow): void;
}

/**
 * Registers the scheme with the OS and listens for `open-url`. Call at start-up, before `ready`
 * (macOS sends `open-url` for the link that launched the app before `ready`).
 */
export function installClaimLinks(currentWindow: () => BrowserWindow | null): ClaimLinks {
  registerScheme();
  let pending: string | null = claimLinkInArgs(process.argv);

  const deliver = (claimId: string | null): void => {
    if (!claimId) return;
    const win = currentWindow();
    if (!win || win.isDestroyed() || win.webContents.isLoading()) { pending = claimId; return; }
    if (win.isMinimized()) win.restore();
    win.focus();
    sendCommand(win.webContents, { command: 'open-claim', arg: claimId });
  };

  app.on('open-url', (event, url) => {
    event.preventDefault();
    deliver(parseClaimLink(url));
  });

  return {
    fromArgs: (argv) => deliver(claimLinkInArgs(argv)),
    attach: (win) => {
      win.webContents.on('did-finish-load', () => {
        const id = pending;
        pending = null;
        deliver(id);
      });
    },
  };
}

/**
 * `app.setAsDefaultProtocolClient`. Packaged, the OS starts our executable. In development
 * (`electron <app folder>`, process.defaultApp) the OS must start Electron with the app folder,
 * as Electron's deep-link guide shows. Packaged builds also declare the scheme in their
 * Info.plist and .desktop file (electron-builder.yml `protocols`), which macOS and Linux read.
 */
function registerScheme(): void {
  if (process.defaultApp) {
    const appArg = process.argv[1];
    if (appArg) app.setAsDefaultProtocolClient(LINK_SCHEME, process.execPath, [resolve(appArg)]);
  } else {
    app.setAsDefaultProtocolClient(LINK_SCHEME);
  }
}
