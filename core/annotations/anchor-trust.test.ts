/**
 * Anchoring never lands on the wrong passage (issue 10, items 1, 2 and 12): a claim whose
 * passage is gone is an orphan even when a parallel sentence (another year, another name, the
 * negation) is next to it; a quote at its stored position is exact however short; invisible and
 * compatibility characters never stop a quote from anchoring.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { parseDocument } from '../corpus/parse.ts';
import { BLOCK_SEPARATOR, plainText } from '../corpus/plain-text.ts';
import { anchor, anchorAll } from './anchor.ts';
import type { TextQuoteSelector } from '../api.ts';
import type { AnchorResult } from './anchor.ts';
import * as edit from './edit-check.ts';
import { meaningChange } from './edit-check.ts';
import { describeRange } from './selectors.ts';

/** The plain text the library anchors in, for a .txt file given as paragraphs. */
function txt(...paragraphs: string[]): string {
  return plainText(parseDocument({ text: paragraphs.join('\n\n'), format: 'txt', path: 'notes.txt' }).doc);
}

/** Claims `passage` in `before`, anchors it in `after` (with and without its stored position). */
function reanchor(before: string, passage: string, after: string): { withPosition: AnchorResult; quoteOnly: AnchorResult } {
  const at = before.indexOf(passage);
  assert.ok(at >= 0, `passage not in text: ${passage}`);
  const { quote, position } = describeRange(before, at, at + passage.length);
  return { withPosition: anchor(after, { quote, position }), quoteOnly: anchor(after, { quote }) };
}

function assertOrphan(before: string, passage: string, after: string): void {
  const r = reanchor(before, passage, after);
  assert.equal(r.withPosition.status, 'orphan', `with position: ${JSON.stringify(r.withPosition)} for ${passage}`);
  assert.equal(r.quoteOnly.status, 'orphan', `quote only: ${JSON.stringify(r.quoteOnly)} for ${passage}`);
}

function assertLands(before: string, passage: string, after: string, where: string, status: AnchorResult['status']): void {
  const r = reanchor(before, passage, after);
  const at = after.indexOf(where);
  for (const [mode, res] of Object.entries(r)) {
    // Without a stored position, a verbatim find is as exact as it gets.
    const want = mode === 'quoteOnly' && status === 'moved' ? 'exact' : status;
    assert.deepEqual(res.status === 'orphan' ? res : [res.status, res.start, res.end], [want, at, at + where.length], mode);
  }
}

const COTTON = ['Cotton Notes', 'The council met twice that year.',
  'In 2014 cotton sales to Iran fell by a tenth compared with the season before.',
  'In 2015 cotton sales to Turkey fell by a tenth compared with the season before.',
  'No figures were published afterwards.'];

test('issue example: a deleted sentence does not move onto its parallel sentence (another year and country)', () => {
  const before = txt(...COTTON);
  const after = txt(COTTON[0]!, COTTON[1]!, COTTON[3]!, COTTON[4]!);
  assertOrphan(before, COTTON[2]!, after);
  // A shorter claim inside it: the words survive in the twin, the fact they state does not.
  assertOrphan(before, 'cotton sales to Iran fell by a tenth', after);
  assertOrphan(before, 'fell by a tenth compared', after);
  // The twin's own claim is untouched.
  assertLands(before, COTTON[3]!, after, COTTON[3]!, 'moved');
});

test('issue example: a deleted sentence does not move onto its negation', () => {
  const open = 'The ministry said the new rail link to Iran will open in 2026.';
  const notOpen = 'The ministry said the new rail link to Iran will not open in 2026.';
  const before = txt('Rail Notes', 'Plans were announced in spring.', open, notOpen, 'Nothing else was said.');
  const after = txt('Rail Notes', 'Plans were announced in spring.', notOpen, 'Nothing else was said.');
  assertOrphan(before, open, after);
  assertOrphan(before, 'rail link to Iran will open', after);
  // The other order: the negated claim must not move onto the affirmative.
  const after2 = txt('Rail Notes', 'Plans were announced in spring.', open, 'Nothing else was said.');
  assertOrphan(before, notOpen, after2);
});

/** A parallel pair of sentences in one paragraph; the first is deleted. */
function pairCase(a: string, b: string): void {
  const before = txt('Trade Notes', 'Officials gave several figures during the briefing.', `${a} ${b}`, 'The briefing ended at noon.');
  const after = txt('Trade Notes', 'Officials gave several figures during the briefing.', b, 'The briefing ended at noon.');
  assertOrphan(before, a, after);
  // Also when they are separate paragraphs.
  const before2 = txt('Trade Notes', 'Officials gave several figures during the briefing.', a, b, 'The briefing ended at noon.');
  assertOrphan(before2, a, after);
}

test('a twin that differs only in its year slides into the deleted sentence\'s exact place: still an orphan', () => {
  const a = 'In 2014 cotton sales to Iran fell by a tenth compared with the season before.';
  const b = 'In 2015 cotton sales to Iran fell by a tenth compared with the season before.';
  const before = txt('Cotton Notes', 'The council met twice that year.', a, b, 'No figures were published afterwards.');
  const after = txt('Cotton Notes', 'The council met twice that year.', b, 'No figures were published afterwards.');
  assertOrphan(before, a, after);
  // The words after the year are verbatim at the stored position; the year before them is not.
  assertOrphan(before, 'cotton sales to Iran fell by a tenth compared with the season before.', after);
  assertOrphan(before, 'cotton sales to Iran', after);
});

test('dates, percentages, number words: a different figure is a different fact', () => {
  pairCase('The agreement on gas transit was signed on 12 March 2019 in Ashgabat.', 'The agreement on gas transit was signed on 14 March 2019 in Ashgabat.');
  pairCase('Exports of natural gas to China grew by 12% in the first half of the year.', 'Exports of natural gas to China grew by 15% in the first half of the year.');
  pairCase('Cotton sales abroad fell by a tenth compared with the season before.', 'Cotton sales abroad fell by a fifth compared with the season before.');
  pairCase('The delegation travelled to Baku twice during the negotiations.', 'The delegation travelled to Baku three times during the negotiations.');
});

test('a different person or place is a different fact', () => {
  pairCase('The treaty was signed for Turkmenistan by President Niyazov at the summit.', 'The treaty was signed for Turkmenistan by President Nazarov at the summit.');
  pairCase('Gas from the western fields is sent through Kazakhstan to Russia every winter.', 'Gas from the western fields is sent through Uzbekistan to Russia every winter.');
  // One letter apart, both real names: not a spelling fix.
  pairCase('The pipeline will carry gas from Iran to the coast by the end of the decade.', 'The pipeline will carry gas from Iraq to the coast by the end of the decade.');
});

test('negations and opposites: the reverse of a claim is not the claim', () => {
  pairCase('The parliament has ratified the border treaty with its neighbour.', "The parliament hasn't ratified the border treaty with its neighbour.");
  pairCase('The new law allows foreign companies to own land in the free zone.', 'The new law never allows foreign companies to own land in the free zone.');
  pairCase('Neutrality was adopted with the support of the regional powers.', 'Neutrality was adopted without the support of the regional powers.');
  // Increase/decrease: one letter pair apart, and the opposite statement. Decided: orphan,
  // since citing "decrease" for a claim on "increase" is the harm a negation does.
  pairCase('The ministry expects grain imports to increase sharply next year.', 'The ministry expects grain imports to decrease sharply next year.');
  pairCase('Trade with the neighbours rose steadily after the border reopened.', 'Trade with the neighbours fell steadily after the border reopened.');
});

test('genuine edits still re-anchor: a fixed typo (also a name), changed punctuation, an inserted word', () => {
  const lead = 'Officials gave several figures during the briefing.';
  const tail = 'The briefing ended at noon.';
  const cases: Array<[string, string]> = [
    ['Turkmenistan declared its permanent neutrality in 1995, with the backing of the United Nations.',
      'Turkmenistan declared its permanent neutrality in 1995, with the backing of the Untied Nations.'],
    ['Turkmenistan declared its permanent neutrality in 1995 with the backing of the United Nations.',
      'Turkmenistan declared its permanent neutrality in 1995, with the backing of the United Nations.'],
    ['Turkmenistan declared its permanent neutrality in 1995, with the backing of the United Nations.',
      'Turkmenistan declared its permanent neutrality in 1995, with the full backing of the United Nations.'],
    ['The minister of foreign affairs, Rashid Meredov, visited Moscow.', 'The minister of foreign affairs, Rashid Meredow, visited Moscow.'],
  ];
  for (const [was, now] of cases) {
    const before = txt('Notes', lead, was, tail);
    const after = txt('Notes', lead, now, tail);
    assertLands(before, was, after, now, 'fuzzy');
    // And after a paragraph was inserted before it: still the same passage.
    const moved = txt('Notes', 'A new opening paragraph was added to this copy later on.', lead, now, tail);
    assertLands(before, was, moved, now, 'fuzzy');
  }
});

test('another word (not a spelling fix): accepted in place with both contexts agreeing, an orphan where they do not', () => {
  const was = 'The commission published a careful review of the neutrality policy in the spring.';
  const now = 'The commission published a thorough review of the neutrality policy in the spring.';
  const lead = 'Officials gave several figures during the briefing.', tail = 'The briefing ended at noon.';
  const before = txt('Notes', lead, was, tail);
  assertLands(before, was, txt('Notes', lead, now, tail), now, 'fuzzy');
  // Moved to the end, between other paragraphs, and edited: neither neighbour vouches for it.
  const moved = txt('Notes', lead, tail, 'A paragraph that was not there before now follows the briefing.', now, 'And another one closes the note.');
  assertOrphan(before, was, moved);
  // Moved the same way with only a spelling fix ("publishd" → "published"): still the passage.
  const typo = txt('Notes', lead, was.replace('published', 'publishd'), tail);
  assertLands(typo, was.replace('published', 'publishd'), moved.replace('thorough', 'careful'), was, 'fuzzy');
});

test('re-wrapped lines (spaces turned into line breaks) and a respelt word still anchor', () => {
  const before = 'Notes\n\nTurkmenistan declared its permanent neutrality in 1995, with the backing of the United Nations.\n\nThe end.';
  const after = 'Notes\n\nTurkmenistan declared its permanent\nneutrality in 1995, with the backing\nof the United Nations.\n\nThe end.';
  const passage = 'Turkmenistan declared its permanent neutrality in 1995, with the backing of the United Nations.';
  assertLands(before, passage, after, after.slice(7, 7 + passage.length), 'fuzzy');
  assertLands(before, 'permanent neutrality', after, 'permanent\nneutrality', 'fuzzy');
  const respelt = after.replace('neutrality', 'neutralty');
  assertLands(respelt, 'permanent\nneutralty in 1995', after, 'permanent\nneutrality in 1995', 'fuzzy');
});

test('meaningChange names the class of a difference', () => {
  const ctx = { oldStartsSentence: true, newStartsSentence: true, contextsAgree: true, occursInNewText: () => false };
  assert.equal(meaningChange('sales rose in 2014', 'sales rose in 2015', ctx), 'a number differs');
  assert.equal(meaningChange('the link will open', 'the link will not open', ctx), 'a negation differs');
  assert.equal(meaningChange('the link will open', "the link won't open", ctx), 'a negation differs');
  assert.equal(meaningChange('sent to Iran by rail', 'sent to Turkey by rail', ctx), 'a name differs');
  assert.equal(meaningChange('exports will increase', 'exports will decrease', ctx), 'a word was replaced by its opposite');
  assert.equal(meaningChange('the goverment said', 'the government said', ctx), null);
  assert.equal(meaningChange('the thrid meeting', 'the third meeting', ctx), null);
  assert.equal(meaningChange('the third meeting', 'the fifth meeting', ctx), 'a number differs');
  assert.equal(meaningChange('a long and careful review of the policy', 'a long and thorough review of the policy', ctx), null);
  assert.equal(meaningChange('a long and careful review of the policy', 'a long and thorough review of the policy', { ...ctx, contextsAgree: false }),
    'words differ and the context does not agree');
  // A spelling fix is only that when the old spelling is gone from the text.
  assert.equal(meaningChange('the form was sent', 'the farm was sent', { ...ctx, contextsAgree: false, occursInNewText: () => true }),
    'words differ and the context does not agree');
});

test('issue example: a quote verbatim at its stored position is exact, however short, without prefix or suffix (Recogito)', () => {
  const text = 'The delegation met in Ashgabat, then flew to Baku.';
  // Recogito's selector has neither prefix nor suffix: the type says they are there, the JSON does not.
  const recogito = { type: 'TextQuoteSelector', exact: 'Baku' } as TextQuoteSelector;
  const r = anchor(text, { quote: recogito, position: { type: 'TextPositionSelector', start: 45, end: 49 } });
  assert.deepEqual(r, { status: 'exact', start: 45, end: 49, score: 1 });
  // Empty prefix and suffix strings are the same as none.
  const r2 = anchor(text, { quote: { type: 'TextQuoteSelector', exact: 'in', prefix: '', suffix: '' }, position: { type: 'TextPositionSelector', start: 19, end: 21 } });
  assert.deepEqual(r2, { status: 'exact', start: 19, end: 21, score: 1 });
  // One side stored and agreeing is enough.
  const r3 = anchor(text, { quote: { type: 'TextQuoteSelector', exact: 'to', prefix: 'then flew ', suffix: '' }, position: { type: 'TextPositionSelector', start: 42, end: 44 } });
  assert.equal(r3.status, 'exact');
});

test('issue example: a claim on "Office" survives the source being re-extracted as "Oﬃce"; the text shown keeps the ligature', () => {
  const before = txt('Notes', 'The Foreign Office of Turkmenistan issued a statement on the summit.', 'Nothing else was said.');
  const after = txt('Notes', 'The Foreign Oﬃce of Turkmenistan issued a statement on the summit.', 'Nothing else was said.');
  for (const passage of ['Office', 'Foreign Office', 'The Foreign Office of Turkmenistan issued a statement on the summit.']) {
    const r = reanchor(before, passage, after);
    for (const res of [r.withPosition, r.quoteOnly]) {
      assert.notEqual(res.status, 'orphan', passage);
      if (res.status === 'orphan') continue;
      assert.equal(after.slice(res.start, res.end), passage.replace('Office', 'Oﬃce'));
    }
  }
  // And the other way round: a quote taken from the ligature text anchors in the plain one.
  const r = reanchor(after, 'Oﬃce', before);
  assert.ok(r.withPosition.status !== 'orphan' && before.slice(r.withPosition.start, r.withPosition.end) === 'Office');
});

test('soft hyphens, zero-width characters, ligatures and glued superscripts never stop a quote from anchoring', () => {
  const plain = 'The official position of Turkmenistan on the conflict was stated in the treaty, signed in difficult times.';
  const variants = [
    'The oﬃcial position of Turkmen\u00ADistan on the conﬂict was stated in the treaty, signed in diﬃcult times.',
    'The official position of Turkmenistan\u200B on the con\u200Dflict was stated in the treaty\u00B9, signed in dif\uFB01cult times.',
    'The official position of Turkmenistan on the conflict was stated in the treaty\u00B2\u00B3, signed in difficult times.',
    'The official position of\u2060 Turkmenistan on the con\u00ADflict was stated in the treaty, signed in difficult times.',
  ];
  const before = txt('Notes', 'Officials gave several figures during the briefing.', plain);
  for (const v of variants) {
    const after = txt('Notes', 'Officials gave several figures during the briefing.', v);
    for (const passage of [plain, 'Turkmenistan', 'the treaty', 'conflict was stated in the treaty, signed', 'difficult times']) {
      const r = reanchor(before, passage, after);
      for (const res of [r.withPosition, r.quoteOnly]) {
        assert.notEqual(res.status, 'orphan', `${passage} in ${v}`);
        if (res.status === 'orphan') continue;
        // The range covers the passage as the new text writes it: start and end on the same words.
        const shown = after.slice(res.start, res.end);
        const strip = (s: string): string => s.replace(/[\u00AD\u200B-\u200D\u2060\u00B9\u00B2\u00B3]/g, '').normalize('NFKC');
        assert.equal(strip(shown), strip(passage), `${passage} in ${v}`);
      }
    }
  }
});

// ----------------------------------------------------------------------------------------------
// Generated: every sentence of the five corpus texts that has a parallel twin (another number,
// name or a negation), with the sentence deleted, must leave its claim an orphan.
// ----------------------------------------------------------------------------------------------

const corpusDir = new URL('../../../shared/corpus/', import.meta.url);
const files = readdirSync(corpusDir).filter((f) => f.endsWith('.txt')).sort();

function plainOf(file: string): string {
  return readFileSync(new URL(file, corpusDir), 'utf8').split(/\r?\n/).map((l) => l.trim()).filter(Boolean).join(BLOCK_SEPARATOR);
}

interface Twin { kind: 'number' | 'name' | 'negation'; twin: string; changedAt: number }

/** Parallel versions of `s`: another number, another name from the text, or the negation. */
function twinsOf(s: string, names: string[]): Twin[] {
  const out: Twin[] = [];
  const num = /\b\d+(?:[.,]\d+)?\b/.exec(s);
  if (num) {
    const other = String(Number(num[0].replace(',', '')) + (num[0].length === 4 ? 1 : 3));
    out.push({ kind: 'number', twin: s.slice(0, num.index) + other + s.slice(num.index + num[0].length), changedAt: num.index });
  }
  for (const m of s.matchAll(/(?<=\p{Ll}[,;]? )\p{Lu}\p{Ll}{2,}/gu)) {
    const other = names.find((n) => n !== m[0] && !s.includes(n) && Math.abs(n.length - m[0].length) <= 3 && n.slice(0, 2) !== m[0].slice(0, 2));
    if (other) { out.push({ kind: 'name', twin: s.slice(0, m.index) + other + s.slice(m.index + m[0].length), changedAt: m.index }); break; }
  }
  const aux = /\b(is|was|are|were|will|has|have|had|can|could|would|should|did|does)\b(?! not)/.exec(s);
  if (aux) out.push({ kind: 'negation', twin: s.slice(0, aux.index + aux[0].length) + ' not' + s.slice(aux.index + aux[0].length), changedAt: aux.index });
  return out;
}

for (const file of files) {
  test(`generated: ${file}: a deleted sentence never anchors on its parallel twin`, () => {
    const text = plainOf(file);
    const names = [...new Set([...text.matchAll(/(?<=\p{Ll} )\p{Lu}\p{Ll}{3,}/gu)].map((m) => m[0]))];
    const sentences = [...text.matchAll(/[^\s.!?][^.!?\n]*[.!?]+(?=\s|$)/g)]
      .filter((m) => m[0].length >= 40 && m[0].length <= 250 && text.indexOf(m[0]) === text.lastIndexOf(m[0]));
    let checked = 0;
    const tally = { number: 0, name: 0, negation: 0 };
    const step = sentences.length > 60 ? 3 : 1; // a third of a long text keeps the run short; every kind still occurs
    for (const [k, m] of sentences.entries()) {
      if (k % step !== 0) continue;
      const s = m[0], at = m.index;
      for (const t of twinsOf(s, names)) {
        const sep = checked % 2 ? ' ' : BLOCK_SEPARATOR; // same paragraph, or the next one, alternately
        // (1) The twin follows the claimed sentence; the sentence is deleted, the twin takes its place.
        const old1 = text.slice(0, at + s.length) + sep + t.twin + text.slice(at + s.length);
        const fresh = text.slice(0, at) + t.twin + text.slice(at + s.length);
        // (2) The twin comes first; the claimed sentence after it is deleted: the twin is elsewhere.
        const old2 = text.slice(0, at) + t.twin + sep + text.slice(at);
        const at2 = at + t.twin.length + sep.length;
        const claims: Array<{ old: string; start: number; end: number }> = [
          { old: old1, start: at, end: at + s.length }, { old: old2, start: at2, end: at2 + s.length }];
        // A short claim next to the difference, in both: its words are in the twin, its fact is not.
        const next = /^\S+\s+(\p{L}+(?:\s+\p{L}+){2})/u.exec(s.slice(t.changedAt));
        if (next && next[1]!.length >= 10) {
          const off = t.changedAt + next[0].length - next[1]!.length;
          claims.push({ old: old1, start: at + off, end: at + off + next[1]!.length }, { old: old2, start: at2 + off, end: at2 + off + next[1]!.length });
        }
        for (const c of claims) {
          const target = describeRange(c.old, c.start, c.end);
          for (const r of [anchorAll(fresh, [target])[0]!, anchor(fresh, { quote: target.quote })]) {
            assert.equal(r.status, 'orphan', `${t.kind} twin of ${JSON.stringify(c.old.slice(c.start, c.end).slice(0, 80))}: ${JSON.stringify(r)}${r.status !== 'orphan' ? ' on ' + JSON.stringify(fresh.slice(r.start, r.end).slice(0, 80)) : ''}`);
          }
        }
        tally[t.kind]++;
        checked++;
      }
    }
    assert.ok(checked >= 5, `only ${checked} twins made`);
    if (process.env.ANCHOR_TALLY) console.log(file, tally);
  });
}

/** Like pairCase, in a document written in another language (`head`, `lead`, `tail` its own prose). */
function pairCaseIn(head: string, lead: string, tail: string, a: string, b: string): void {
  const before = txt(head, lead, `${a} ${b}`, tail);
  const after = txt(head, lead, b, tail);
  assertOrphan(before, a, after);
  const before2 = txt(head, lead, a, b, tail);
  assertOrphan(before2, a, after);
}

test('other languages: a word the English rules cannot read (a negation, an opposite) never moves a claim onto its twin', () => {
  // German: "nicht" (not), "gesunken" (fell) for "gestiegen" (rose)
  const de = ['Handelsnotizen', 'Die Beamten nannten während der Sitzung mehrere Zahlen.', 'Die Sitzung endete am Mittag.'] as const;
  pairCaseIn(...de, 'Die Regierung hat das Abkommen mit den Nachbarn im Frühjahr unterzeichnet.', 'Die Regierung hat das Abkommen mit den Nachbarn im Frühjahr nicht unterzeichnet.');
  pairCaseIn(...de, 'Die Baumwollexporte nach Russland sind im letzten Jahr deutlich gestiegen.', 'Die Baumwollexporte nach Russland sind im letzten Jahr deutlich gesunken.');
  // Russian: "не" (not); Cyrillic script
  pairCaseIn('Заметки', 'Чиновники назвали несколько цифр на брифинге.', 'Брифинг закончился в полдень.',
    'Министерство заявило, что железная дорога в Иран откроется весной.', 'Министерство заявило, что железная дорога в Иран не откроется весной.');
  // Turkmen (Latin script): "däl" (not)
  pairCaseIn('Bellikler', 'Resmiler maslahatda birnäçe san getirdiler.', 'Maslahat günortan tamamlandy.',
    'Ministrlik demir ýolunyň ýazda açyljakdygyny aýtdy we goşmaça maglumat bermedi.', 'Ministrlik demir ýolunyň ýazda açyljakdygyny aýtmady we goşmaça maglumat bermedi.');
});

test('other languages: spelling fixes and punctuation still re-anchor, as in English', () => {
  const lead = 'Die Beamten nannten während der Sitzung mehrere Zahlen.', tail = 'Die Sitzung endete am Mittag.';
  const was = 'Die Regeirung hat das Abkommen mit den Nachbarn im Frühjahr unterzeichnet.';
  const now = 'Die Regierung hat das Abkommen mit den Nachbarn im Frühjahr unterzeichnet!';
  assertLands(txt('Handelsnotizen', lead, was, tail), was, txt('Handelsnotizen', lead, now, tail), now, 'fuzzy');
  // An English quote keeps its word allowance (another adjective, both contexts agreeing).
  const en = 'The commission published a careful review of the neutrality policy in the spring.';
  assertLands(txt('Notes', 'Officials gave figures.', en, 'The briefing ended.'), en,
    txt('Notes', 'Officials gave figures.', en.replace('careful', 'thorough'), 'The briefing ended.'), en.replace('careful', 'thorough'), 'fuzzy');
});

test('wordRulesApply: English prose yes; other scripts and Latin prose without English function words no', () => {
  const { wordRulesApply } = edit;
  assert.equal(wordRulesApply('In 2014 cotton sales to Iran fell by a tenth compared with the season before.'), true);
  assert.equal(wordRulesApply('Die Regierung hat das Abkommen im Frühjahr unterzeichnet.'), false);
  assert.equal(wordRulesApply('Министерство заявило, что дорога откроется.'), false);
  assert.equal(wordRulesApply('土库曼斯坦的中立政策'), false);
  // too short alone: judged with its context
  assert.equal(wordRulesApply('nicht unterzeichnet', 'Die Regierung hat das Abkommen im Frühjahr'), false);
  assert.equal(wordRulesApply('will not open', 'The ministry said the new rail link to Iran'), true);
  assert.equal(wordRulesApply('Ashgabat'), true);
});
