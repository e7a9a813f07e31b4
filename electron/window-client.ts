/**
 * Which window an IPC call comes from, for the history (undo per window, issue 8, item 17). Kept
 * apart from ipc.ts (no electron import) so it is tested in plain Node.
 */

/** What of a WebContents this needs: its id, and its `destroyed` event. */
export interface WindowContents { readonly id: number; once(event: 'destroyed', listener: () => void): unknown }

/** Window number (1, 2, …: the lowest free) of each open window's contents, by webContents id. */
const windowSlots = new Map<number, number>();

/**
 * The client id of a window: `window:N`, N the lowest number no open window holds. The first
 * window is always `window:1`, so after a restart (or a reload) Ctrl+Z still undoes what that
 * window did before; a window opened after another closed takes its number (and its history).
 * No sender (a test's stand-in event): `window:1`.
 */
export function windowClient(sender: WindowContents | undefined): string {
  if (!sender || typeof sender.id !== 'number') return 'window:1';
  let slot = windowSlots.get(sender.id);
  if (slot === undefined) {
    const used = new Set(windowSlots.values());
    for (slot = 1; used.has(slot); slot += 1);
    windowSlots.set(sender.id, slot);
    const id = sender.id;
    sender.once('destroyed', () => windowSlots.delete(id));
  }
  return `window:${slot}`;
}
