/**
 * Reading CSL-JSON items safely. `CslItem` (core/api.ts) keeps unknown fields as `unknown`, and
 * sources.json or a user's edit may hold a number where a string is expected, an empty string,
 * or a date without `date-parts`. Every writer in core/cite reads fields through these helpers,
 * so each format sees the same cleaned values.
 */
import type { CslItem } from '../api.ts';

/**
 * A CSL name: a person (family, given, particles, suffix) or an organisation (`literal`).
 * Wider than the `author` element type of `CslItem`, which only lists family/given/literal.
 */
export interface CslName {
  family?: string;
  given?: string;
  literal?: string;
  /** "De" of "De Leonardis" when stored apart; printed before the family name and sorted with it. */
  'non-dropping-particle'?: string;
  /** "van" of "Ludwig van Beethoven": printed with the given name. */
  'dropping-particle'?: string;
  suffix?: string;
}

/** A CSL date: `date-parts` holds [year, month?, day?], a second array for a range. */
export interface CslDate { 'date-parts'?: number[][]; literal?: string; raw?: string; circa?: boolean }

/** Year, month (1–12) and day as far as known; month/day absent when unknown. */
export interface DateParts { year: number; month?: number; day?: number }

/** The CSL name variables our writers export, in the order they are written. */
export const NAME_FIELDS = ['author', 'editor', 'translator'] as const;
export type NameField = (typeof NAME_FIELDS)[number];

/** A string field, trimmed; numbers are accepted (volume: 3); empty or other types give undefined. */
export function text(item: CslItem, field: string): string | undefined {
  const v = item[field];
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (typeof v !== 'string') return undefined;
  const t = v.trim();
  return t === '' ? undefined : t;
}

/** The names of a name variable that carry any text; malformed entries are skipped. */
export function names(item: CslItem, field: NameField = 'author'): CslName[] {
  const v = item[field];
  if (!Array.isArray(v)) return [];
  const out: CslName[] = [];
  for (const n of v) {
    if (!n || typeof n !== 'object') continue;
    const clean: CslName = {};
    for (const k of ['family', 'given', 'literal', 'non-dropping-particle', 'dropping-particle', 'suffix'] as const) {
      const s = (n as Record<string, unknown>)[k];
      if (typeof s === 'string' && s.trim() !== '') clean[k] = s.trim();
    }
    if (clean.literal || clean.family || clean.given) out.push(clean);
  }
  return out;
}

/**
 * The first date of a CSL date variable (`issued`, `accessed`), or null when it has no valid
 * year. Month outside 1–12 and day outside 1–31 are dropped, not guessed.
 */
export function dateOf(item: CslItem, field: 'issued' | 'accessed' = 'issued'): DateParts | null {
  const d = item[field] as CslDate | undefined;
  const first = d && Array.isArray(d['date-parts']) ? d['date-parts'][0] : undefined;
  if (!Array.isArray(first)) return null;
  const [y, m, day] = first.map((p) => (typeof p === 'string' ? Number(p) : p));
  if (typeof y !== 'number' || !Number.isInteger(y) || y === 0) return null;
  const out: DateParts = { year: y };
  if (typeof m === 'number' && Number.isInteger(m) && m >= 1 && m <= 12) {
    out.month = m;
    if (typeof day === 'number' && Number.isInteger(day) && day >= 1 && day <= 31) out.day = day;
  }
  return out;
}

/** ISO 8601 as far as known: "2017", "2017-05", "2017-05-24" (BibLaTeX `date`, RIS `DA`). */
export function isoDate(d: DateParts): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  const y = d.year < 0 ? `-${String(-d.year).padStart(4, '0')}` : String(d.year).padStart(4, '0');
  if (d.month === undefined) return y;
  return d.day === undefined ? `${y}-${pad(d.month)}` : `${y}-${pad(d.month)}-${pad(d.day)}`;
}

/** Builds a CSL date from parts (inverse of dateOf for one date). */
export function cslDate(d: DateParts): CslDate {
  const parts = [d.year];
  if (d.month !== undefined) {
    parts.push(d.month);
    if (d.day !== undefined) parts.push(d.day);
  }
  return { 'date-parts': [parts] };
}

/** First page and last page of a CSL `page` ("12-34", "12–34", "12"); last absent for one page. */
export function pageRange(page: string): { first: string; last?: string } {
  const m = /^\s*([^\s,–—-]+)\s*(?:[-–—]+\s*([^\s,–—-]+))?/.exec(page);
  if (!m) return { first: page.trim() };
  return m[2] ? { first: m[1]!, last: m[2] } : { first: m[1]! };
}
