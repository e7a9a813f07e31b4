/**
 * Author lists of reference strings: which prefix of a reference is its authors, and how each
 * name splits into CSL family/given (persons) or a literal (organisations).
 *
 * Rules (general, no per-name cases):
 * - A list is split on `;`, `,`, ` and `, ` & `, `、`; "et al.", "etal" and "等" end it.
 * - A person is 1–4 tokens: capitalised words (hyphens, apostrophes, any script's letters),
 *   initials (`H.`, `S.Zonn` is read as `S. Zonn`) and name particles (de, van, von, …).
 *   Family name = the last token with the particles before it; given = the tokens before.
 * - "Family, Given" order is recognised when the list's first part is one word and the next part
 *   is initials or a short given name (APA, Chicago, MLA lists).
 * - Chinese, Japanese and Korean names are runs of 2–4 Han characters; the family name is the
 *   first character, or the first two for the compound surnames in COMPOUND_SURNAMES.
 * - An organisation is 2–12 capitalised words that may hold function words (of, for, the, and,
 *   on, in, &), or any run containing a word from ORGANISATION_WORDS or an all-capital acronym.
 */
import type { CslName } from './types.ts';

/** Lowercase particles that belong to the family name (Dutch, German, French, Italian, Arabic, …). */
const PARTICLES = new Set(['de', 'da', 'di', 'du', 'del', 'della', 'der', 'den', 'van', 'von', 'le', 'la', 'bin', 'ibn', 'al', 'el', 'ten', 'ter', 'y']);
/** Function words allowed inside an organisation's name. */
const FUNCTION_WORDS = new Set(['of', 'for', 'the', 'and', 'on', 'in', 'at', 'to', '&', 'de', 'du', 'des', 'für', 'und']);
/** Words that make a run of capitalised words an organisation rather than a person. */
export const ORGANISATION_WORDS = new Set([
  'agency', 'association', 'assembly', 'bank', 'bureau', 'center', 'centre', 'commission', 'committee', 'company',
  'corporation', 'council', 'department', 'foundation', 'fund', 'government', 'group', 'inc', 'institute',
  'institution', 'league', 'ltd', 'ministry', 'nations', 'news', 'office', 'organisation', 'organization',
  'parliament', 'press', 'programme', 'program', 'secretariat', 'service', 'society', 'times', 'trust', 'union',
  'university', 'watch', 'forum', 'network', 'observatory', 'agency', 'reuters', 'library', 'archive', 'initiative',
]);
/** Two-character Chinese surnames (the common ones); other Han names take one character. */
const COMPOUND_SURNAMES = new Set(['欧阳', '司马', '诸葛', '上官', '东方', '皇甫', '尉迟', '公孙', '慕容', '令狐', '夏侯', '长孙', '宇文', '司徒', '端木']);

const HAN = /^\p{Script=Han}{2,4}$/u;
const INITIAL = /^\p{Lu}\.?$|^(?:\p{Lu}\.){2,3}$|^\p{Lu}\.-?\p{Lu}\.?$/u;
/** A capitalised word of a name; never with a full stop ("Peyrouse." ends a sentence, not a name). */
const WORD = /^\p{Lu}[\p{L}\p{M}'’-]*\p{L}$/u;
const ETAL = /^(?:et\.?\s*al\.?|etal\.?|等|et\s+alii)$/iu;

/** A name list as read from a reference's author segment; null when the segment is not one. */
export interface NameList {
  names: CslName[];
  /** True when every part read cleanly as a person or organisation (guides the confidence). */
  clean: boolean;
  /** The list ended with "et al." (more authors than written). */
  etAl: boolean;
}

/** Splits `S.Zonn` → `S. Zonn`, `D.L.` stays; collapses spaces. */
function tidy(part: string): string {
  return part.replace(/(\b\p{Lu}\.)(?=\p{Lu}\p{Ll})/gu, '$1 ').replace(/\s+/g, ' ').trim();
}

/** A person's name as CSL, or null when `part` is not shaped like one. */
export function personName(part: string): CslName | null {
  const p = tidy(part);
  // A transliterated foreign name ("米尔济约耶夫·沙夫卡特") is kept whole.
  if (/^\p{Script=Han}+[·・•]\p{Script=Han}+(?:[·・•]\p{Script=Han}+)*$/u.test(p)) return { family: p };
  if (HAN.test(p)) {
    const fam = COMPOUND_SURNAMES.has(p.slice(0, 2)) && p.length > 2 ? p.slice(0, 2) : p.slice(0, 1);
    return { family: fam, given: p.slice(fam.length) };
  }
  const tokens = p.split(' ').filter(Boolean);
  if (tokens.length === 0 || tokens.length > 4) return null;
  if (!tokens.every((t) => INITIAL.test(t) || WORD.test(t) || PARTICLES.has(t))) return null;
  // After an initial with a full stop, at most one more word: "Robert H. Donaldson" is a name,
  // "Paul G. Central Asia" is a name followed by the start of a title.
  const dotted = tokens.findIndex((t) => INITIAL.test(t) && t.endsWith('.'));
  if (dotted >= 0 && tokens.slice(dotted + 1).filter((t) => !INITIAL.test(t)).length > 1) return null;
  // The last token must be a name (not a particle); a lone initial is allowed only after a given
  // name ("Tatyana V", "Paul G.": truncated family names are still someone's name).
  const last = tokens[tokens.length - 1]!;
  if (PARTICLES.has(last)) return null;
  if (tokens.length === 1) return INITIAL.test(last) ? null : { family: last };
  let start = tokens.length - 1;
  while (start > 1 && PARTICLES.has(tokens[start - 1]!)) start--;
  // A capitalised particle ("De Leonardis") stays with the family name when a given name precedes it.
  if (start > 1 && PARTICLES.has(tokens[start - 1]!.toLowerCase())) start--;
  const family = tokens.slice(start).join(' ');
  return { family, given: tokens.slice(0, start).join(' ') };
}

/** True when `part` reads as an organisation's name (see the file comment). */
export function isOrganisationName(part: string): boolean {
  const tokens = tidy(part).split(' ').filter(Boolean);
  if (tokens.length === 0 || tokens.length > 12) return false;
  if (/\p{Script=Han}/u.test(part)) return /(?:部|院|所|会|社|局|中心|组织|委员会|大学|研究院|新闻|网)$/u.test(part.trim());
  const hasKeyword = tokens.some((t) => ORGANISATION_WORDS.has(t.toLowerCase().replace(/[.,]$/, '')) || /^\p{Lu}{2,}$/u.test(t));
  // Function words count only in lowercase ("Press Trust of India"); a capitalised "De" is a
  // name particle ("Fabio De Leonardis"), and "The" may open a name.
  const shaped = tokens.every((t, i) => WORD.test(t) || FUNCTION_WORDS.has(t) || (i === 0 && t === 'The') || /^\p{Lu}{2,}$/u.test(t) || /^\(\p{Lu}+\)$/u.test(t));
  if (!shaped) return false;
  const last = tokens[tokens.length - 1]!;
  if (FUNCTION_WORDS.has(last) || FUNCTION_WORDS.has(tokens[0]!)) return false;
  if (hasKeyword) return true;
  return tokens.length >= 2 && tokens.some((t) => FUNCTION_WORDS.has(t));
}

/** Parts of a name list: split on the list separators, "et al." noted and dropped. */
function splitList(segment: string): { parts: string[]; etAl: boolean } {
  let etAl = false;
  const parts = segment
    .replace(/[，、]/gu, ',')
    .replace(/,?\s+(?:and|&)\s+/gu, ',')
    .split(/\s*[;,]\s*/u)
    .map((s) => s.trim().replace(/\s*(?:主编|编著|编|著|等)$/u, (m) => { if (m.trim() === '等') etAl = true; return ''; }).trim())
    .filter((s) => {
      if (s === '') return false;
      if (ETAL.test(s)) { etAl = true; return false; }
      return true;
    });
  return { parts, etAl };
}

/** Given-name shapes that may follow a family name in "Family, Given" order. */
const GIVEN_AFTER_COMMA = /^(?:(?:\p{Lu}\.\s?-?){0,2}\p{Lu}\.?|\p{Lu}[\p{Ll}\p{M}'’-]+(?:\s(?:\p{Lu}\.?|\p{Lu}[\p{Ll}\p{M}'’-]+))?)$/u;

/**
 * Reads a whole author segment ("Igor S.Zonn, Andrey G Kostianoy, Tatyana V，etal") as names;
 * null when any part is neither a person nor an organisation (then it is not an author list).
 */
export function readNameList(segment: string): NameList | null {
  const s = segment.trim();
  if (s === '' || s.length > 200) return null;
  if (isOrganisationName(s) && !/[;,，、]/u.test(s)) return { names: [{ literal: tidy(s) }], clean: true, etAl: false };
  const { parts, etAl } = splitList(s);
  if (parts.length === 0) return null;
  const names: CslName[] = [];
  let clean = true;
  let i = 0;
  const inverted = parts.length >= 2 && /^[\p{Lu}][\p{L}\p{M}'’-]+$/u.test(tidy(parts[0]!)) && GIVEN_AFTER_COMMA.test(tidy(parts[1]!));
  while (i < parts.length) {
    const part = parts[i]!;
    if (inverted && i + 1 < parts.length && /^(?:\p{Ll}+\s)*[\p{Lu}][\p{L}\p{M}'’-]+$/u.test(tidy(part)) && GIVEN_AFTER_COMMA.test(tidy(parts[i + 1]!))) {
      // Initials lose their last full stop where the author segment ends ("Cooley, A"): put it back.
      names.push({ family: tidy(part), given: tidy(parts[i + 1]!).replace(/(^|\s)(\p{Lu})$/u, '$1$2.') });
      i += 2;
      continue;
    }
    if (isOrganisationName(part)) { names.push({ literal: tidy(part) }); i++; continue; }
    const person = personName(part);
    if (!person) return null;
    if (!person.given && !/\p{Script=Han}/u.test(part)) clean = false; // one word: a name, but whose?
    names.push(person);
    i++;
  }
  return { names, clean, etAl };
}

/** A name as one display string ("Utku Yapici", "张振国", "Press Trust of India"). */
export function displayName(n: CslName): string {
  if (n.literal) return n.literal;
  const fam = n.family ?? '';
  const given = n.given ?? '';
  if (/\p{Script=Han}/u.test(fam)) return fam + given;
  return [given, fam].filter(Boolean).join(' ');
}
