/**
 * A segment of the search index: claims (or passages) numbered 0…n-1 within it, and for each
 * term the list of the segment's documents that have it, with the term's frequency in each field.
 * Documents are only ever appended; a changed or deleted document is marked dead (a tombstone)
 * and its new version appended elsewhere (see engine.ts for how segments make one index).
 *
 * Postings are kept compressed, as Lucene and Lunr's successors do, because a research library's
 * index is mostly postings (100,000 claims of a Brown sentence with a note and a restatement:
 * ~8 million of them): each entry is the gap to the previous document (LEB128 varint), one byte
 * saying which fields have the term, then one byte of frequency (capped at 255) per such field.
 * An entry costs 3–4 bytes against ~60 for a Lunr posting object; the same bytes are what the
 * persisted file holds, so loading a segment is reading its buffer, not parsing objects.
 *
 * Beside the postings, each document's own fields are kept as sequences of word hashes
 * (word-sequence.ts), which is what phrases are checked against.
 */
import { WordSequences } from './word-sequence.ts';

/** Index fields, in the order of the field mask's bits. */
export const FIELDS = ['restatement', 'tags', 'note', 'quote', 'spelling', 'side'] as const;
export type FieldName = (typeof FIELDS)[number];
/** Number of fields (bits of the mask). */
export const NF = FIELDS.length;
/** Field numbers. */
export const F = { restatement: 0, tags: 1, note: 2, quote: 3, spelling: 4, side: 5 } as const;

/** One document as the indexer hands it over: its terms with a frequency per field. */
export interface IndexDoc {
  /** Claim id (or passage key). */
  id: string;
  /** What it was built from (claim `modified` + position): a persisted segment is checked against it. */
  stamp: string;
  /** Index into the engine's table of document ids. */
  docRef: number;
  /** Where it starts in its document's plain text (orders ties within a source). */
  start: number;
  /** term → frequency per field (length NF). */
  terms: Map<string, number[]>;
  /** Field lengths in terms (length NF). */
  lengths: number[];
  /** Hashes of the folded words of the own fields (restatement, tags, note, quote), in order (word-sequence.ts). */
  sequence: ReadonlyArray<ArrayLike<number>>;
}

/** The postings of one term in one segment. */
interface Posting { buf: Uint8Array; len: number; last: number; df: number }

/** Called per posting entry: the document's number in the segment, its field mask, the frequencies. */
export type PostingVisitor = (doc: number, mask: number, tf: Uint8Array) => void;

const TF = new Uint8Array(NF);

/** Where `Segment.decode` puts a term's postings (shared; grown to the longest list decoded). */
export const DECODED = { docs: new Int32Array(1024), masks: new Uint8Array(1024), tfs: new Uint8Array(1024 * NF) };
function growDecoded(n: number): void {
  const size = Math.max(n, DECODED.docs.length * 2);
  DECODED.docs = new Int32Array(size); DECODED.masks = new Uint8Array(size); DECODED.tfs = new Uint8Array(size * NF);
}
function grown(a: Uint32Array, size: number): Uint32Array { const out = new Uint32Array(size); out.set(a); return out; }

/** A segment; see the module comment. */
export class Segment {
  ids: string[] = [];
  stamps: string[] = [];
  /**
   * Typed arrays always (views of the file in a segment read from disk; grown by doubling while
   * documents are appended, so only the first `size` entries count): the scoring loop reads them
   * for every posting, and one array type keeps it monomorphic.
   */
  docRefs: Uint32Array = new Uint32Array(64);
  starts: Uint32Array = new Uint32Array(64);
  /** Field lengths in terms, NF per document (capped at 65,535). */
  lengths: Uint16Array = new Uint16Array(64 * NF);
  /** 1 = dead (edited or deleted since the segment was built). */
  dead = new Uint8Array(64);
  deadCount = 0;
  /** Sum of field lengths over all documents (live or dead), per field. */
  readonly lengthSums = new Array<number>(NF).fill(0);
  readonly postings = new Map<string, Posting>();
  /** A segment read from disk: its postings stay in the file's buffer until a term is first asked for. */
  #frozen: { index: Map<string, number>; terms: string[]; offsets: Uint32Array; dfs: Uint32Array; bytes: Uint8Array } | null = null;
  /** Document number by id, live documents only. */
  readonly byId = new Map<string, number>();
  /** Each document's own fields as word hashes (phrases are checked in them). */
  seq = new WordSequences();

  get size(): number { return this.ids.length; }
  get liveCount(): number { return this.ids.length - this.deadCount; }

  /** Appends a document (an id already here is marked dead first). */
  add(d: IndexDoc): number {
    if (this.#frozen) throw new Error('A segment read from disk is not appended to.');
    const old = this.byId.get(d.id);
    if (old !== undefined) this.kill(old);
    const n = this.appendDocument(d.id, d.stamp, d.docRef, d.start, d.lengths, d.sequence);
    for (const [term, tf] of d.terms) this.#append(term, n, tf);
    return n;
  }

  /** Appends a document's row (not its postings: `add` or compaction's `appendPosting` write those). */
  appendDocument(id: string, stamp: string, docRef: number, start: number, lengths: ArrayLike<number>, sequence: ReadonlyArray<ArrayLike<number>>): number {
    const n = this.ids.length;
    if (n >= this.docRefs.length) {
      this.docRefs = grown(this.docRefs, n * 2); this.starts = grown(this.starts, n * 2);
      const l = new Uint16Array(n * 2 * NF); l.set(this.lengths); this.lengths = l;
    }
    if (n >= this.dead.length) { const g = new Uint8Array(this.dead.length * 2); g.set(this.dead); this.dead = g; }
    this.ids.push(id); this.stamps.push(stamp); this.docRefs[n] = docRef; this.starts[n] = start;
    for (let f = 0; f < NF; f++) { const l = Math.min(65_535, lengths[f] ?? 0); this.lengths[n * NF + f] = l; this.lengthSums[f]! += l; }
    this.byId.set(id, n);
    this.seq.add(sequence);
    return n;
  }

  /** Marks a document dead (a tombstone); false when it is not here or already dead. */
  kill(doc: number): boolean {
    if (this.dead[doc]) return false;
    this.dead[doc] = 1;
    this.deadCount++;
    if (this.byId.get(this.ids[doc]!) === doc) this.byId.delete(this.ids[doc]!);
    return true;
  }

  /** Marks the document with this id dead, if it is here. */
  killId(id: string): boolean {
    const n = this.byId.get(id);
    return n !== undefined && this.kill(n);
  }

  /** Number of documents (live or dead) with the term. */
  df(term: string): number {
    const fz = this.#frozen;
    if (fz) { const i = fz.index.get(term); return i === undefined ? 0 : fz.dfs[i]!; }
    return this.postings.get(term)?.df ?? 0;
  }

  /** The postings of a term (from the file's buffer on first use, for a segment read from disk). */
  #posting(term: string): Posting | undefined {
    const p = this.postings.get(term);
    const fz = this.#frozen;
    if (p || !fz) return p;
    const i = fz.index.get(term);
    if (i === undefined) return undefined;
    const from = fz.offsets[i]!, to = fz.offsets[i + 1]!;
    const made = { buf: fz.bytes.subarray(from, to), len: to - from, last: -1, df: fz.dfs[i]! };
    this.postings.set(term, made);
    return made;
  }

  /**
   * Decodes the postings of a term into `DECODED` (live documents whose field mask meets
   * `allowed`), without a call per entry: the scoring loop reads the arrays. Returns how many.
   */
  decode(term: string, allowed: number): number {
    const p = this.#posting(term);
    if (!p) return 0;
    const { buf, len } = p;
    if (DECODED.docs.length < p.df) growDecoded(p.df);
    const { docs, masks, tfs } = DECODED;
    const dead = this.dead;
    let i = 0, doc = 0, n = 0;
    while (i < len) {
      let b = buf[i++]!, gap = b & 0x7f;
      for (let shift = 7; b & 0x80; shift += 7) { b = buf[i++]!; gap += (b & 0x7f) * 2 ** shift; }
      doc += gap;
      const mask = buf[i++]!;
      const keep = mask & allowed && !dead[doc];
      if (keep) { docs[n] = doc; masks[n] = mask; }
      for (let f = 0; f < NF; f++) if (mask & (1 << f)) { const v = buf[i++]!; if (keep) tfs[n * NF + f] = v; }
      if (keep) n++;
    }
    return n;
  }

  /** Visits every live document that has the term. */
  forEach(term: string, visit: PostingVisitor): void {
    const p = this.#posting(term);
    if (!p) return;
    const { buf, len } = p;
    let i = 0, doc = 0;
    while (i < len) {
      let gap = 0, shift = 0, b: number;
      do { b = buf[i++]!; gap += (b & 0x7f) * 2 ** shift; shift += 7; } while (b & 0x80);
      doc += gap;
      const mask = buf[i++]!;
      for (let f = 0; f < NF; f++) TF[f] = mask & (1 << f) ? buf[i++]! : 0;
      if (!this.dead[doc]) visit(doc, mask, TF);
    }
  }

  /** Every term of the segment. */
  terms(): Iterable<string> { return this.#frozen ? this.#frozen.terms : this.postings.keys(); }

  /** Appends one posting entry (documents in increasing order per term); compaction writes with it. */
  appendPosting(term: string, doc: number, tf: number[]): void { this.#append(term, doc, tf); }

  #append(term: string, doc: number, tf: number[]): void {
    let p = this.postings.get(term);
    if (!p) { p = { buf: new Uint8Array(8), len: 0, last: 0, df: 0 }; this.postings.set(term, p); }
    let mask = 0;
    for (let f = 0; f < NF; f++) if (tf[f]) mask |= 1 << f;
    if (p.len + 5 + 1 + NF > p.buf.length) { const grown = new Uint8Array(Math.max(16, p.buf.length * 2)); grown.set(p.buf.subarray(0, p.len)); p.buf = grown; }
    let gap = doc - p.last;
    while (gap >= 0x80) { p.buf[p.len++] = (gap & 0x7f) | 0x80; gap = Math.floor(gap / 0x80); }
    p.buf[p.len++] = gap;
    p.buf[p.len++] = mask;
    for (let f = 0; f < NF; f++) if (tf[f]) p.buf[p.len++] = Math.min(255, tf[f]!);
    p.last = doc;
    p.df++;
  }

  /** The segment as byte sections (persist.ts writes them; `Segment.fromParts` reads them back). */
  toParts(): SegmentParts {
    const terms = [...this.terms()];
    let total = 0;
    for (const t of terms) total += this.#posting(t)!.len;
    const bytes = new Uint8Array(total);
    const sizes = new Uint32Array(terms.length);
    const dfs = new Uint32Array(terms.length);
    let at = 0;
    terms.forEach((t, i) => { const p = this.#posting(t)!; bytes.set(p.buf.subarray(0, p.len), at); at += p.len; sizes[i] = p.len; dfs[i] = p.df; });
    return {
      ids: this.ids, stamps: this.stamps, docRefs: this.docRefs.slice(0, this.size), starts: this.starts.slice(0, this.size),
      lengths: this.lengths.slice(0, this.size * NF), dead: this.dead.slice(0, this.ids.length),
      terms, sizes, dfs, bytes, seqWords: this.seq.parts().words, seqStarts: this.seq.parts().starts,
    };
  }

  /** A segment over persisted sections (postings are views into `bytes`, not copies). */
  static fromParts(p: SegmentParts): Segment {
    const s = new Segment();
    s.ids = p.ids; s.stamps = p.stamps; s.docRefs = p.docRefs; s.starts = p.starts; s.lengths = p.lengths;
    s.dead = new Uint8Array(Math.max(64, p.ids.length));
    s.dead.set(p.dead);
    for (let i = 0; i < p.ids.length; i++) if (s.dead[i]) s.deadCount++; else s.byId.set(p.ids[i]!, i);
    for (let i = 0; i < p.lengths.length; i++) s.lengthSums[i % NF]! += p.lengths[i]!;
    const offsets = new Uint32Array(p.terms.length + 1);
    for (let i = 0; i < p.terms.length; i++) offsets[i + 1] = offsets[i]! + p.sizes[i]!;
    const index = new Map<string, number>();
    for (let i = 0; i < p.terms.length; i++) index.set(p.terms[i]!, i);
    s.#frozen = { index, terms: p.terms, offsets, dfs: p.dfs, bytes: p.bytes };
    s.seq = WordSequences.frozen(p.seqWords, p.seqStarts);
    return s;
  }
}

/** A segment's sections, as persisted. */
export interface SegmentParts {
  ids: string[];
  stamps: string[];
  docRefs: Uint32Array;
  starts: Uint32Array;
  lengths: Uint16Array;
  dead: Uint8Array;
  terms: string[];
  sizes: Uint32Array;
  dfs: Uint32Array;
  bytes: Uint8Array;
  /** Word hashes of every document's own fields, and where each document's field starts (SEQUENCE_FIELDS per document). */
  seqWords: Int32Array;
  seqStarts: Int32Array;
}

