/**
 * Builds a ReaderBridge from one generic `invoke` and one `on`: the single place where the
 * method list (READER_METHODS) becomes callable methods in the renderer.
 */
import { READER_METHODS, type ReaderBridge, type ReaderMethod } from '../../core/api.ts';

/** Sends one call over a transport and resolves to its value (or rejects with an ApiError). */
export type Invoke = (method: ReaderMethod, args: unknown[]) => Promise<unknown>;

/** A ReaderBridge whose every method goes through `invoke`. */
export function createBridge(invoke: Invoke, on: ReaderBridge['on']): ReaderBridge {
  const bridge: Record<string, unknown> = { on };
  for (const method of READER_METHODS) bridge[method] = (...args: unknown[]) => invoke(method, args);
  return bridge as unknown as ReaderBridge;
}
