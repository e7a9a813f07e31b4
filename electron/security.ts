/**
 * The desktop shell's lock-down (DESIGN.md convention 2), applied to every web contents:
 * no new windows, no navigation away from app://marginalia, no webviews, no permissions; http(s) links open in the
 * user's browser after a check. The CSP itself travels with each app:// response
 * (app-protocol.ts) and is also set here on any other response the session sees.
 */
import { shell, type Session, type WebContents } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../host/web-host/headers.ts';
import { isAppUrl, isSafeExternalUrl } from './urls.ts';

/** Opens a link in the system browser if it passes the check; else does nothing. */
export function openExternalIfSafe(url: string): void {
  if (isSafeExternalUrl(url)) void shell.openExternal(url);
}

/** Denies every permission request and check, and sets the CSP on every response. */
export function hardenSession(ses: Session): void {
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
}

/** Blocks navigation, new windows and webviews in a web contents. */
export function hardenWebContents(contents: WebContents): void {
  contents.setWindowOpenHandler(({ url }) => {
    openExternalIfSafe(url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event, url) => {
    if (isAppUrl(url)) return; // moving within our own pages (e.g. ?doc=…) is fine
    event.preventDefault();
    openExternalIfSafe(url);
  });
  contents.on('will-redirect', (event, url) => { if (!isAppUrl(url)) event.preventDefault(); });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
