/**
 * Test builders for "the document changed": a list of splices applied to an old text, and the
 * independent answer to "where is this old passage now?". The anchoring tests compare the
 * anchoring layer's answer with this one, so it must never call the code under test.
 */

/** Replace `remove` characters at `at` (in the old text) by `insert`. */
export interface Splice { at: number; remove: number; insert: string }

/** What an edit did to a passage `[start, end)` of the old text. */
export type Fate =
  | { kind: 'kept'; start: number; end: number } // same characters, maybe shifted
  | { kind: 'changed'; start: number; end: number } // edited inside, the passage survives
  | { kind: 'deleted' } // wholly removed
  | { kind: 'unclear' }; // an edit straddles its edge: the test makes no claim about it

/** Applies non-overlapping splices (any order) to `text`. */
export function applySplices(text: string, splices: Splice[]): string {
  const sorted = [...splices].sort((a, b) => b.at - a.at);
  let out = text;
  for (const s of sorted) out = out.slice(0, s.at) + s.insert + out.slice(s.at + s.remove);
  return out;
}

/** Where the old passage `[start, end)` is after the splices. */
export function fateOf(start: number, end: number, splices: Splice[]): Fate {
  let shift = 0;
  let inner = 0;
  let changed = false;
  for (const s of splices) {
    const sEnd = s.at + s.remove;
    const delta = s.insert.length - s.remove;
    if (sEnd <= start) { shift += delta; continue; } // wholly before (an insertion at `start` too)
    if (s.at >= end) continue; // wholly after (an insertion at `end` lands after the passage)
    if (s.at <= start && sEnd >= end && s.remove > 0) return { kind: 'deleted' };
    if (s.at >= start && sEnd <= end) { inner += delta; changed = true; continue; }
    return { kind: 'unclear' };
  }
  return { kind: changed ? 'changed' : 'kept', start: start + shift, end: end + shift + inner };
}
