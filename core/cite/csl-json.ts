/**
 * CSL-JSON export: the items as citeproc-js, Pandoc and Zotero read them, each `id` its
 * citekey, so `[@key]` in a Pandoc document finds its entry in this file.
 */
import type { CslItem } from '../api.ts';

/**
 * A CSL-JSON array of `items` (from exportableItem: only CSL variables, no provenance note)
 * with each id replaced by its citekey from `keys` (kept when it has none); fields in a fixed
 * order (id, type, then alphabetical), two-space indent, a final newline.
 */
export function toCslJson(items: readonly CslItem[], keys: ReadonlyMap<string, string>): string {
  const out = items.map((item) => {
    const entry: Record<string, unknown> = { id: keys.get(item.id) ?? item.id, type: item.type };
    for (const k of Object.keys(item).filter((k) => k !== 'id' && k !== 'type').sort()) entry[k] = item[k];
    return entry;
  });
  return `${JSON.stringify(out, null, 2)}\n`;
}
