/**
 * The claim index on disk, next to the store (`search-index.bin` in the data folder), so a
 * restart loads it instead of re-indexing every claim.
 *
 * Layout: the 8 bytes "MGSIDX01", a little-endian u32 header length, the header (JSON: format,
 * version, the term rules it was made under, a SHA-1 of the body, a SHA-1 of the claims' stamps
 * (search-index.ts `storeStamps`), the body's sections; padded
 * with spaces so the body starts at a multiple of 8), then the body: each section's bytes one
 * after another, each padded to a multiple of 4 (string lists as UTF-8 joined by "\n", numbers
 * as little-endian typed arrays). The alignment lets a load use the numeric sections as views
 * of the file's buffer instead of copying them (at 100,000 claims a copy of ~40 MB). Written to
 * a temporary file and renamed, so a crash leaves the old file or the new one, never half of one.
 *
 * Version 4 added the word sequences (word-sequence.ts), whole-tag terms, stop-word postings and
 * the stamps digest, and checks the body with SHA-1 instead of SHA-256 (the checksum guards
 * against damage, not forgery: SHA-1 reads 41 MB in ~25 ms of CPU, SHA-256 took ~190 ms of a
 * cold load's budget); an older file is refused and rebuilt.
 *
 * Nothing read is trusted: a file of another format or version, made under other term rules or
 * another Lunr, or whose body does not match its checksum, is refused with a reason (the caller
 * rebuilds). A file that passes is then checked claim by claim against the store (worker.ts).
 */
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync, rmSync } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import lunr from 'lunr';
import { INDEX_FORMAT_VERSION } from '../../core/search/annotation-index.ts';
import type { SegmentParts } from './segment.ts';
import { SEQUENCE_FIELDS } from './word-sequence.ts';

/** File name in the data folder. */
export const INDEX_FILE = 'search-index.bin';
const MAGIC = 'MGSIDX01';
const FORMAT = 'marginalia-search-index';
/** Version of this file's layout; bump when the sections or the posting encoding change. */
export const FILE_VERSION = 4;
/** The rules the terms were made under: core's term rules (terms.ts) and Lunr's stemmer. */
const RULES = `terms-${INDEX_FORMAT_VERSION}/lunr-${lunr.version}`;

/** What is persisted: the base segment and the tables its numbers point into. */
export interface PersistedIndex {
  documents: string[];
  surfaces: Array<[string, string]>;
  segment: SegmentParts;
  /**
   * `digest` of the store's claim stamps (search-index.ts `storeStamps`) when the segment was
   * exactly what the store held, else '': a load whose store gives the same digest has nothing
   * to patch.
   */
  stampsDigest: string;
}

/** SHA-1 of a text (hex). */
export function digest(text: string | Uint8Array): string {
  return createHash('sha1').update(text).digest('hex');
}

type Kind = 'strings' | 'u32' | 'i32' | 'u16' | 'u8';
interface Section { name: string; kind: Kind; length: number }
interface Header { format: string; version: number; rules: string; sha1: string; stamps: string; sections: Section[] }

function bytesOf(kind: Kind, value: unknown): Uint8Array {
  if (kind === 'strings') return Buffer.from((value as string[]).join('\n'), 'utf8');
  const a = value as Uint32Array | Int32Array | Uint16Array | Uint8Array;
  return new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
}

/** The file's bytes: magic, header length, header, body. */
function indexFileBytes(index: PersistedIndex): Buffer[] {
  const s = index.segment;
  const parts: Array<[string, Kind, unknown]> = [
    ['documents', 'strings', index.documents], ['surfaces', 'strings', index.surfaces.map(([a, b]) => `${a}\t${b}`)],
    ['ids', 'strings', s.ids], ['stamps', 'strings', s.stamps], ['docRefs', 'u32', s.docRefs], ['starts', 'u32', s.starts],
    ['lengths', 'u16', s.lengths], ['dead', 'u8', s.dead], ['terms', 'strings', s.terms], ['sizes', 'u32', s.sizes],
    ['dfs', 'u32', s.dfs], ['bytes', 'u8', s.bytes], ['seqWords', 'i32', s.seqWords], ['seqStarts', 'i32', s.seqStarts],
  ];
  const chunks = parts.map(([, kind, v]) => bytesOf(kind, v));
  const padded = chunks.flatMap((c) => (c.byteLength % 4 ? [c, new Uint8Array(4 - (c.byteLength % 4))] : [c]));
  const body = Buffer.concat(padded);
  const header: Header = {
    format: FORMAT, version: FILE_VERSION, rules: RULES, sha1: digest(body), stamps: index.stampsDigest,
    sections: parts.map(([name, kind], i) => ({ name, kind, length: chunks[i]!.byteLength })),
  };
  let headText = JSON.stringify(header);
  headText += ' '.repeat((8 - ((12 + Buffer.byteLength(headText)) % 8)) % 8);
  const head = Buffer.from(headText, 'utf8');
  const len = Buffer.alloc(4);
  len.writeUInt32LE(head.byteLength);
  return [Buffer.from(MAGIC, 'latin1'), len, head, body];
}

/** Writes the index (temporary file, then rename). */
export function writeIndexFile(path: string, index: PersistedIndex): void {
  const bytes = indexFileBytes(index);
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, Buffer.concat(bytes));
    renameSync(tmp, path);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
}

/** The same, with the file written off the thread (the worker keeps answering while ~40 MB go to disk). */
export async function writeIndexFileAsync(path: string, index: PersistedIndex): Promise<void> {
  const bytes = indexFileBytes(index);
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    await writeFile(tmp, bytes);
    await rename(tmp, path);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}

/** A read index, or why the file cannot be used. */
export type ReadIndexResult = { ok: true; index: PersistedIndex; bytes: number } | { ok: false; reason: string };

/** Reads and checks an index file; never throws. */
export function readIndexFile(path: string): ReadIndexResult {
  let file: Buffer;
  try { file = readFileSync(path); } catch (err) {
    return { ok: false, reason: (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'There is no search index yet.' : `The search index cannot be read (${(err as Error).message}).` };
  }
  if (file.byteLength < 12 || file.toString('latin1', 0, 8) !== MAGIC) return { ok: false, reason: 'The search index file is not one this version reads.' };
  const headLen = file.readUInt32LE(8);
  let header: Header;
  try { header = JSON.parse(file.toString('utf8', 12, 12 + headLen)) as Header; } catch {
    return { ok: false, reason: 'The search index file has a damaged header.' };
  }
  if (header.format !== FORMAT || header.version !== FILE_VERSION) return { ok: false, reason: `The search index has format version ${String(header.version)}; this version reads ${FILE_VERSION}.` };
  if (header.rules !== RULES) return { ok: false, reason: `The search index was made under other word rules (${String(header.rules)}).` };
  const body = file.subarray(12 + headLen);
  if (digest(body) !== header.sha1) return { ok: false, reason: 'The search index file is damaged (its checksum does not match).' };
  try {
    const got = new Map<string, unknown>();
    let at = 0;
    for (const sec of header.sections) {
      const raw = body.subarray(at, at + sec.length);
      at += sec.length + ((4 - (sec.length % 4)) % 4);
      if (at > body.byteLength + 3) throw new Error(`section ${sec.name} runs past the end`);
      got.set(sec.name, sec.kind === 'strings' ? (raw.byteLength ? raw.toString('utf8').split('\n') : []) : numbers(sec.kind, raw));
    }
    const g = <T>(name: string): T => { const v = got.get(name); if (v === undefined) throw new Error(`missing section ${name}`); return v as T; };
    const segment: SegmentParts = {
      ids: g('ids'), stamps: g('stamps'), docRefs: g('docRefs'), starts: g('starts'), lengths: g('lengths'), dead: g('dead'),
      terms: g('terms'), sizes: g('sizes'), dfs: g('dfs'), bytes: g('bytes'), seqWords: g('seqWords'), seqStarts: g('seqStarts'),
    };
    const n = segment.ids.length;
    if (segment.stamps.length !== n || segment.docRefs.length !== n || segment.lengths.length % n !== 0 && n > 0 || segment.terms.length !== segment.sizes.length
      || segment.seqStarts.length !== n * SEQUENCE_FIELDS || segment.seqStarts.some((v) => v > segment.seqWords.length)) {
      return { ok: false, reason: 'The search index file is inconsistent.' };
    }
    const surfaces = g<string[]>('surfaces').map((line) => line.split('\t') as [string, string]);
    return { ok: true, index: { documents: g('documents'), surfaces, segment, stampsDigest: String(header.stamps ?? '') }, bytes: file.byteLength };
  } catch (err) {
    return { ok: false, reason: `The search index file cannot be read (${(err as Error).message}).` };
  }
}

/** A numeric section: a view of the file's buffer when aligned for its type (the writer aligns them), else a copy. */
function numbers(kind: 'u32' | 'i32' | 'u16' | 'u8', raw: Buffer): Uint32Array | Int32Array | Uint16Array | Uint8Array {
  const size = kind === 'u32' || kind === 'i32' ? 4 : kind === 'u16' ? 2 : 1;
  if (raw.byteLength % size) throw new Error(`a ${kind} section of ${raw.byteLength} bytes`);
  const aligned = raw.byteOffset % size === 0;
  const buf = aligned ? raw.buffer : raw.buffer.slice(raw.byteOffset, raw.byteOffset + raw.byteLength);
  const at = aligned ? raw.byteOffset : 0;
  const n = raw.byteLength / size;
  return kind === 'u32' ? new Uint32Array(buf, at, n) : kind === 'i32' ? new Int32Array(buf, at, n) : kind === 'u16' ? new Uint16Array(buf, at, n) : new Uint8Array(buf, at, n);
}
