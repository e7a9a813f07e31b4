/**
 * The renderer's side of the wire format (mirrors host/web-host/wire.ts, which the renderer may
 * not import): calls resolve to a result object, which `unwrap` turns back into a value or an
 * `ApiError` with the host's code and message. Electron's contextBridge would drop an Error's
 * `code`, so the Electron preload passes these result objects through untouched as well.
 */
import { ApiError, type ApiErrorCode, type ApiErrorShape, type ReaderApi, type ReaderBridge, type ReaderMethod } from '../../core/api.ts';

/** The outcome of one call as it travels. */
export type WireResult = { ok: true; value: unknown } | { ok: false; error: ApiErrorShape };

/** What the Electron preload exposes as `window.reader`: the API, each call resolving to a WireResult. */
export type ReaderWire = { [M in ReaderMethod]: (...args: Parameters<ReaderApi[M]>) => Promise<WireResult> } & Pick<ReaderBridge, 'on'>;

const CODES: readonly ApiErrorCode[] = ['bad-input', 'not-found', 'store-unavailable', 'internal'];

/** The value of a result, or throws its error as an ApiError. */
export function unwrap(result: unknown): unknown {
  if (typeof result === 'object' && result !== null && 'ok' in result) {
    const r = result as WireResult;
    if (r.ok) return r.value;
    const code = CODES.includes(r.error?.code) ? r.error.code : 'internal';
    throw new ApiError(code, typeof r.error?.message === 'string' ? r.error.message : 'The reader\'s host reported an error.');
  }
  throw new ApiError('internal', 'The reader\'s host sent an answer this page does not understand.');
}
