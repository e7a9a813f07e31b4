/**
 * Links back into the app: the one place that knows what a claim link looks like.
 *
 *   desktop  `marginalia://claim/<id>`      (the scheme the shell registers with the OS)
 *   browser  `http://127.0.0.1:PORT/claim/<id>`  (the web host's path for the same claim)
 *
 * `<id>` is a claim id, which is always a UUID (host/library/claims.ts makes them with
 * randomUUID; imports keep only UUID ids). Exports (Markdown notes, CSV, a copied citation) call
 * `claimLink(id)`; the shell and the web host call the parsers and ignore anything that is not
 * exactly this shape (a link is input from outside, like a file).
 */

/** The URL scheme registered with the operating system (without the colon). */
export const LINK_SCHEME = 'marginalia';

/** Path prefix of a claim on the web host: `/claim/<id>`. */
export const CLAIM_PATH_PREFIX = '/claim/';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// One trailing slash is allowed: some systems append it when they hand a custom-scheme URL over
// (Chromium-based browsers on Windows do). Nothing else: no query, no fragment, no other host.
const DESKTOP_LINK = /^marginalia:\/\/claim\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\/?$/i;

/** Whether `id` has the shape of a claim id (a UUID, any case). */
export function isClaimId(id: string): boolean {
  return UUID.test(id);
}

/**
 * The link that opens a claim in the desktop app, `marginalia://claim/<id>`.
 * Throws a TypeError when `id` is not a claim id (a caller bug, never user input).
 */
export function claimLink(id: string): string {
  if (!isClaimId(id)) throw new TypeError(`Not a claim id: ${JSON.stringify(id)}`);
  return `${LINK_SCHEME}://claim/${id}`;
}

/**
 * The claim id a desktop link names, or null for anything that is not exactly
 * `marginalia://claim/<uuid>` (optionally with one trailing slash). Surrounding whitespace and
 * quotes, which shells and launchers sometimes leave, are not accepted either.
 */
export function parseClaimLink(url: string): string | null {
  if (typeof url !== 'string' || url.length > 100) return null;
  const m = DESKTOP_LINK.exec(url);
  return m ? m[1]! : null;
}

/** The first claim link among command-line arguments (how Windows and Linux hand a link over). */
export function claimLinkInArgs(argv: readonly string[]): string | null {
  for (const arg of argv) {
    const id = parseClaimLink(arg);
    if (id) return id;
  }
  return null;
}

/** The web host's path for a claim, `/claim/<id>`. Throws a TypeError for a non-claim id. */
export function claimPath(id: string): string {
  if (!isClaimId(id)) throw new TypeError(`Not a claim id: ${JSON.stringify(id)}`);
  return `${CLAIM_PATH_PREFIX}${id}`;
}

/**
 * The claim id of a web host path `/claim/<uuid>` (optionally with one trailing slash), or
 * null. `undefined` for a path that does not start with `/claim/` at all, so the host can tell
 * "not a claim route" from "a malformed claim route".
 */
export function claimIdFromPath(pathname: string): string | null | undefined {
  if (!pathname.startsWith(CLAIM_PATH_PREFIX)) return undefined;
  const rest = pathname.slice(CLAIM_PATH_PREFIX.length).replace(/\/$/, '');
  return isClaimId(rest) ? rest : null;
}
