/**
 * How a ReaderApi call's outcome crosses a transport (Electron IPC or HTTP).
 *
 * Electron's IPC and contextBridge copy only an Error's message (custom fields such as `code`
 * are dropped) and attach main-process stack traces; so both transports carry a plain result
 * object instead and the renderer re-throws it as an `ApiError` (renderer/transport/unwrap.ts).
 */
import { ApiError, type ApiErrorCode, type ApiErrorShape } from '../../core/api.ts';

/** The outcome of one call as it travels: a value, or an error a person can read. */
export type WireResult = { ok: true; value: unknown } | { ok: false; error: ApiErrorShape };

const CODES: readonly ApiErrorCode[] = ['bad-input', 'not-found', 'store-unavailable', 'internal'];

/**
 * Turns anything thrown by the host into the wire error: ApiErrors keep their code and message;
 * anything else becomes `internal` with its message only (never a stack).
 */
export function toErrorShape(err: unknown): ApiErrorShape {
  if (err instanceof ApiError || (isRecord(err) && typeof err.code === 'string' && CODES.includes(err.code as ApiErrorCode) && typeof err.message === 'string')) {
    return { code: (err as ApiError).code, message: String((err as ApiError).message) };
  }
  const message = err instanceof Error ? err.message : String(err);
  return { code: 'internal', message: `Unexpected error in the reader's host: ${message}` };
}

/** Runs one host call and wraps its outcome for the wire; never throws. */
export async function settle(call: () => Promise<unknown>): Promise<WireResult> {
  try {
    const value = await call();
    return { ok: true, value: value === undefined ? null : value };
  } catch (err) {
    return { ok: false, error: toErrorShape(err) };
  }
}

/** HTTP status for an error code (the body always carries the code as well). */
export function httpStatusFor(code: ApiErrorCode): number {
  switch (code) {
    case 'bad-input': return 400;
    case 'not-found': return 404;
    default: return 500;
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}
