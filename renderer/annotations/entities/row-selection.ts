/**
 * Which rows of a list are selected, the way file managers do it: a click toggles one row and
 * becomes the anchor, Shift+click selects the rows from the anchor to the clicked one, "select
 * all" takes every row shown. Rows that leave the list (a filter, a delete) leave the selection,
 * so a bulk action never touches a claim the user cannot see. Pure: tested in Node.
 */

/** The selection over an ordered list of row ids. */
export class RowSelection {
  #order: string[] = [];
  #selected = new Set<string>();
  #anchor: string | null = null;

  /** The rows shown now, in order; selected rows no longer shown are dropped. */
  setRows(ids: readonly string[]): void {
    this.#order = [...ids];
    const shown = new Set(ids);
    for (const id of [...this.#selected]) if (!shown.has(id)) this.#selected.delete(id);
    if (this.#anchor !== null && !shown.has(this.#anchor)) this.#anchor = null;
  }

  /** Selects or deselects one row (a plain click on its checkbox); it becomes the anchor. */
  toggle(id: string, on = !this.#selected.has(id)): void {
    if (!this.#order.includes(id)) return;
    if (on) this.#selected.add(id); else this.#selected.delete(id);
    this.#anchor = id;
  }

  /**
   * Shift+click: every row between the anchor and `id` takes the state `id` is being given
   * (selecting extends, deselecting shrinks). Without an anchor it is a plain toggle.
   */
  extendTo(id: string, on = true): void {
    const to = this.#order.indexOf(id);
    const from = this.#anchor === null ? -1 : this.#order.indexOf(this.#anchor);
    if (to < 0) return;
    if (from < 0) { this.toggle(id, on); return; }
    const [lo, hi] = from <= to ? [from, to] : [to, from];
    for (const row of this.#order.slice(lo, hi + 1)) {
      if (on) this.#selected.add(row); else this.#selected.delete(row);
    }
    this.#anchor = id;
  }

  /** Selects every row shown. */
  selectAll(): void {
    for (const id of this.#order) this.#selected.add(id);
  }

  clear(): void {
    this.#selected.clear();
    this.#anchor = null;
  }

  has(id: string): boolean {
    return this.#selected.has(id);
  }

  /** Selected ids in list order. */
  ids(): string[] {
    return this.#order.filter((id) => this.#selected.has(id));
  }

  get size(): number {
    return this.#selected.size;
  }

  /** Whether every row shown is selected (and there is at least one). */
  get all(): boolean {
    return this.#order.length > 0 && this.#selected.size === this.#order.length;
  }
}
