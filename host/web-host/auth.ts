/**
 * Who may talk to the loopback web host.
 *
 * The host listens on 127.0.0.1 only, but any local process and any web page the user visits can
 * reach 127.0.0.1. Three checks keep them out:
 *  1. Host header must be exactly `127.0.0.1:PORT` or `localhost:PORT` (defeats DNS rebinding).
 *  2. A per-launch random token: the printed URL carries it once (`/?token=`); the host answers
 *     with an HttpOnly, SameSite=Strict session cookie and redirects to `/` so the token leaves
 *     the address bar. Every later request needs that cookie.
 *  3. API calls (which change state) also need the header `X-Marginalia-Token: <token>`. A page
 *     on another origin cannot send a custom header without a CORS preflight, which this host
 *     never answers, so cross-site requests cannot forge calls. The renderer learns the token
 *     from a `<meta name="marginalia-token">` the host writes into index.html, which is itself
 *     only served to a browser holding the cookie.
 * Cookies are not port-scoped, so the cookie name carries the port: two hosts on one machine
 * do not overwrite each other's session.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** The header API calls carry (lower case, as node:http presents it). */
export const TOKEN_HEADER = 'x-marginalia-token';

/** A fresh per-launch secret: 32 random bytes, base64url (43 characters). */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** The session cookie's name for a host on `port`. */
export function cookieName(port: number): string {
  return `marginalia-${port}`;
}

/** The Set-Cookie value that opens a browser session. */
export function sessionCookie(port: number, token: string): string {
  return `${cookieName(port)}=${token}; HttpOnly; SameSite=Strict; Path=/`;
}

/** Whether the Host header names this very host (and nothing else). */
export function isOwnHost(req: IncomingMessage, port: number): boolean {
  const host = req.headers.host;
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

/** Constant-time comparison, so the token cannot be guessed byte by byte from timings. */
export function sameSecret(given: string | undefined | null, token: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Whether the request carries this host's session cookie with the right token. */
export function hasSessionCookie(req: IncomingMessage, port: number, token: string): boolean {
  const header = req.headers.cookie;
  if (!header) return false;
  const name = cookieName(port);
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name && sameSecret(part.slice(eq + 1).trim(), token)) return true;
  }
  return false;
}

/** Whether an API request carries the token header. */
export function hasTokenHeader(req: IncomingMessage, token: string): boolean {
  const v = req.headers[TOKEN_HEADER];
  return sameSecret(Array.isArray(v) ? undefined : v, token);
}
