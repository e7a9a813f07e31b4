/**
 * The mention sweep's rows: passages (sentences) naming an entity, each judged the way a reader
 * would. Two people who share a surname ("Gurbanguly Berdimuhamedow", "Serdar Berdimuhamedow")
 * must not pass for each other: a match of the whole name is certain, a surname alone or a
 * surname next to another registered entity's distinguishing name is ambiguous and names the
 * other candidate. A person's name followed by a common noun that makes it a thing
 * ("Serdar oil field", "Pushkin Street", "Nazarbayev University") is not a mention of the person.
 */
import type { EntityType } from '../api.ts';
import { findMentions, type FoundMention } from './mentions.ts';
import { foldName } from './names.ts';
import { sentenceAround, type TextRange } from './sentences.ts';

/** What the sweep needs of an entity. */
export interface SweepEntity { id: string; name: string; aliases: string[]; type: EntityType }

/** Another entity a passage may name instead, and why (for the row's badge). */
export interface MentionCandidate { entityId: string; name: string; reason: string }

/** One row of the sweep: a sentence with one or more matches of the entity's names. */
export interface MentionPassage {
  /** The best match in the sentence (whole name before part, unambiguous before ambiguous). */
  start: number; end: number; text: string; matched: string; distance: number;
  /** True when the match is the whole of a name (given name and surname), not one word of it. */
  full: boolean;
  /** Other registered entities the best match may name; empty when it is unambiguous. */
  candidates: MentionCandidate[];
  /** The sentence around the match (what "Make claim" claims). */
  sentence: TextRange;
  /** Further matches in the same sentence, in text order. */
  more: Array<{ start: number; end: number; text: string }>;
}

/**
 * Words that, right after a person's name, make the phrase name a place, a building, a field or
 * an institution. Chosen from the kinds of things named after people in political and
 * geographical texts (streets, fields, universities, prizes); a list, not a model, so a reader
 * can predict it.
 */
const THING_AFTER = new Set([
  'oil', 'gas', 'field', 'fields', 'deposit', 'pipeline', 'mine', 'plant', 'dam', 'canal', 'reservoir', 'port', 'airport',
  'street', 'avenue', 'road', 'boulevard', 'square', 'bridge', 'park', 'district', 'region', 'province', 'city', 'town',
  'river', 'lake', 'mountain', 'mountains', 'peak', 'island', 'bay', 'university', 'institute', 'college', 'school',
  'academy', 'hospital', 'museum', 'library', 'stadium', 'theatre', 'theater', 'palace', 'mosque', 'station', 'prize',
  'award', 'medal', 'foundation', 'fund', 'company', 'corporation', 'hotel', 'tower', 'building', 'complex', 'centre', 'center',
]);
/** Words that, right before a name, make it a place ("Lake Sarez", "Mount Ararat", "Fort Shevchenko"). */
const THING_BEFORE = new Set(['lake', 'mount', 'fort', 'cape', 'port', 'camp']);

const NEXT_WORD_RE = /^[\s\p{Pd}]{1,3}([\p{L}]+)/u;
const PREV_WORD_RE = /([\p{L}]+)[\s\p{Pd}]{1,3}$/u;

/** True when the words around `m` make it the name of a thing rather than of a person. */
export function namesAThing(text: string, m: { start: number; end: number }): boolean {
  const next = NEXT_WORD_RE.exec(text.slice(m.end, m.end + 40))?.[1];
  if (next && THING_AFTER.has(foldName(next))) return true;
  const prev = PREV_WORD_RE.exec(text.slice(Math.max(0, m.start - 20), m.start))?.[1];
  return !!prev && THING_BEFORE.has(foldName(prev)) && /^\p{Lu}/u.test(prev);
}

const namesOf = (e: SweepEntity): string[] => [e.name, ...e.aliases];

/** The whole of a multi-word name, or an entity whose own name is one word. */
function isFull(m: FoundMention, entity: SweepEntity): boolean {
  if (m.words !== m.nameWords) return false;
  return m.nameWords > 1 || (foldName(entity.name).split(' ').length === 1);
}

/**
 * Other entities that share a name word with `entity` (a surname, a given name): only they can
 * make one of its mentions ambiguous.
 */
export function rivalsOf(entity: SweepEntity, others: SweepEntity[]): SweepEntity[] {
  const own = namesOf(entity).join(' · ');
  return others.filter((o) => o.id !== entity.id && findMentions(own, namesOf(o)).length > 0);
}

/**
 * The sweep's rows for `entity` in `text`: every sentence naming it, judged against `others`
 * (the rest of the registry), in text order. `keep` drops single matches (e.g. those already
 * inside a claim tagged with the entity) before sentences are formed.
 */
export function mentionPassages(text: string, entity: SweepEntity, others: SweepEntity[], keep: (m: FoundMention) => boolean = () => true): MentionPassage[] {
  let found = findMentions(text, namesOf(entity)).filter(keep);
  if (entity.type === 'person') found = found.filter((m) => !namesAThing(text, m));
  if (!found.length) return [];
  const rivals = rivalsOf(entity, others).map((r) => ({ entity: r, found: findMentions(text, namesOf(r)) }));
  const judged = found.map((m) => {
    const full = isFull(m, entity);
    const candidates: MentionCandidate[] = [];
    for (const r of rivals) {
      const hit = r.found.find((x) => x.start < m.end && m.start < x.end);
      if (!hit) continue;
      const rivalFull = isFull(hit, r.entity);
      if (full && !(rivalFull && hit.start <= m.start && hit.end >= m.end)) continue;
      const reason = rivalFull && (hit.start < m.start || hit.end > m.end)
        ? `next to “${text.slice(hit.start, hit.end).replace(m.text, '').trim()}”`
        : full ? 'the same name' : 'a shared name';
      candidates.push({ entityId: r.entity.id, name: r.entity.name, reason });
    }
    return { m, full, candidates, sentence: sentenceAround(text, m.start, m.end) };
  });
  const out: MentionPassage[] = [];
  const rank = (j: (typeof judged)[number]): number => (j.full ? 0 : 2) + (j.candidates.length ? 1 : 0);
  for (let i = 0; i < judged.length;) {
    let k = i + 1;
    while (k < judged.length && judged[k].sentence.start === judged[i].sentence.start) k++;
    const group = judged.slice(i, k);
    const best = group.reduce((a, b) => (rank(b) < rank(a) ? b : a));
    const sentence = { start: group[0].sentence.start, end: Math.max(...group.map((g) => g.sentence.end)) };
    out.push({
      start: best.m.start, end: best.m.end, text: best.m.text, matched: best.m.matched, distance: best.m.distance,
      full: best.full, candidates: best.candidates, sentence,
      more: group.filter((g) => g !== best).map((g) => ({ start: g.m.start, end: g.m.end, text: g.m.text })),
    });
    i = k;
  }
  return out;
}
