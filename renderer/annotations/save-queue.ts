/**
 * Saves an editor's field edits one after another and reports an honest state: "Saving…" while
 * any patch is in flight or waiting, "Saved" only after the host's promise resolved, the host's
 * own message when it failed. Typing is debounced; leaving a field saves at once.
 */

/** The state shown to the user. */
export type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'error'; message: string };

/** Quiet time after the last keystroke before a text field saves (long enough to cover a word). */
export const TYPING_DEBOUNCE_MS = 600;

/** One queue per open claim. */
export class SaveQueue<P extends object> {
  #save: (patch: P) => Promise<unknown>;
  #onState: (s: SaveState) => void;
  #pending: P | null = null;
  #timer: ReturnType<typeof setTimeout> | null = null;
  #chain: Promise<void> = Promise.resolve();
  #inFlight = 0;
  #failed: string | null = null;

  constructor(save: (patch: P) => Promise<unknown>, onState: (s: SaveState) => void) {
    this.#save = save;
    this.#onState = onState;
  }

  /** Queues a change to save after the typing pause (later keys of the same field win). */
  later(patch: P): void {
    this.#pending = { ...(this.#pending ?? {}), ...patch } as P;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.flush(), TYPING_DEBOUNCE_MS);
    this.#onState({ kind: 'saving' });
  }

  /** Saves a change now (after anything queued before it). */
  now(patch: P): Promise<void> {
    this.#pending = { ...(this.#pending ?? {}), ...patch } as P;
    return this.flush();
  }

  /** Sends whatever is waiting; resolves when everything sent so far has settled. */
  flush(): Promise<void> {
    if (this.#timer) { clearTimeout(this.#timer); this.#timer = null; }
    const patch = this.#pending;
    this.#pending = null;
    if (patch) {
      this.#inFlight++;
      this.#failed = null;
      this.#onState({ kind: 'saving' });
      this.#chain = this.#chain.then(async () => {
        try { await this.#save(patch); } catch (err) { this.#failed = err instanceof Error ? err.message : String(err); }
        this.#inFlight--;
        if (this.#inFlight === 0 && !this.#pending) {
          this.#onState(this.#failed ? { kind: 'error', message: this.#failed } : { kind: 'saved' });
        }
      });
    }
    return this.#chain;
  }

  /** Whether edits are waiting or in flight. */
  busy(): boolean {
    return this.#pending !== null || this.#inFlight > 0;
  }
}
