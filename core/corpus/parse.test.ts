import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import type { Block, DocumentModel, Inline, SectionBlock } from '../api.ts';
import { parseDocument } from './parse.ts';
import { inlineText, plainText, textBlocks } from './plain-text.ts';

// The five real texts; the CI clones the repo with `shared/` beside it.
const CORPUS = new URL('../../../shared/corpus/', import.meta.url);
function fixture(prefix: string): { name: string; text: string } {
  const name = readdirSync(CORPUS).find((f) => f.startsWith(prefix));
  assert.ok(name, `fixture ${prefix}* is missing from shared/corpus`);
  return { name, text: readFileSync(new URL(name, CORPUS), 'utf8') };
}
function parseFixture(prefix: string) {
  const { name, text } = fixture(prefix);
  return parseDocument({ text, format: 'txt', path: name });
}
function sections(blocks: Block[]): SectionBlock[] {
  return blocks.flatMap((b) => (b.kind === 'section' ? [b, ...sections(b.children)] : []));
}
function section(doc: DocumentModel, heading: string): SectionBlock {
  const s = sections(doc.blocks).find((x) => inlineText(x.heading.content) === heading);
  assert.ok(s, `no section headed "${heading}"; headings: ${sections(doc.blocks).map((x) => inlineText(x.heading.content)).join(' / ')}`);
  return s;
}
function allInlines(doc: DocumentModel): Inline[] {
  return textBlocks(doc).flatMap((b) => b.content);
}

test('000 (journal article): section headings found, 28 footnotes resolved with their note text', () => {
  const { doc, problems, wordCount } = parseFixture('000_');
  const headings = sections(doc.blocks).map((s) => inlineText(s.heading.content));
  assert.ok(headings.includes('Introduction'));
  assert.ok(headings.includes('Conclusion'));
  assert.ok(headings.includes("Obstacles to Central Asian Integration and Turkmenistan's Foreign Policy (2005-2018)"));
  assert.ok(!headings.some((h) => h.startsWith('Fig.')), 'a figure caption is not a heading');
  assert.equal(doc.footnotes.length, 28);
  assert.deepEqual(doc.footnotes.map((f) => f.label), Array.from({ length: 28 }, (_, i) => String(i + 1)));
  assert.match(inlineText(doc.footnotes[0]!.content), /^Utku Yapici\. From positive neutrality/);
  assert.match(inlineText(doc.footnotes[3]!.content), /Routledge Focus, 2017\.$/, 'a note running over two lines ends at its bracket');
  const refs = allInlines(doc).filter((i) => i.t === 'fnref');
  assert.equal(refs.length, 28);
  const noteIds = new Set(doc.footnotes.map((f) => f.id));
  for (const r of refs) assert.ok(noteIds.has(r.note));
  const text = plainText(doc);
  assert.ok(!text.includes('footnoteRef') && !text.includes('[0:') && !/^\] ?$/m.test(text), 'footnote syntax left in the text');
  assert.deepEqual(problems, []);
  assert.ok(wordCount > 7000 && wordCount < 7400, `wordCount ${wordCount}`);
});

test('000: a Word table becomes one paragraph per row', () => {
  const text = plainText(parseFixture('000_').doc);
  assert.ok(text.includes('\n\nUzbekistan | √ | √ | Observer State | √ | √\n\n'));
});

test('001 (WordPress page): shortcodes gone, title from the first line', () => {
  const { doc } = parseFixture('001_');
  assert.equal(doc.title, 'Turkmenistan: time to revise the neutrality policy?');
  const text = plainText(doc);
  assert.ok(!/vc_|\[\/?vc/.test(text));
  assert.ok(!text.includes('Emerging Challenges July 2016'), 'separator attribute text is layout, not body text');
  assert.ok(text.startsWith('Turkmenistan: time to revise the neutrality policy?\n\nThe visit of Russian Defence Minister'));
});

test('002 (scraped wiki page): chrome and [edit] gone, reference markers become markers, content kept', () => {
  const { doc } = parseFixture('002_');
  assert.equal(doc.title, 'Central Asian Union');
  const text = plainText(doc);
  for (const chrome of ['[edit]', 'Hubbry Logo', 'Open search', '0 subscribers', '8 pages, 0 posts', 'Be the first to start a discussion',
    'from Wikipedia', 'from Grokipedia', 'Edit on Wikipedia', 'User Avatar', 'No comments yet', 'Community hub']) {
    assert.ok(!text.includes(chrome), `"${chrome}" should be gone`);
  }
  assert.ok(!/\[\d+\]/.test(text), 'no [n] reference markers left in the text');
  const cau = textBlocks(doc).find((b) => inlineText(b.content).startsWith('The Central Asian Union (CAU), later called'));
  assert.ok(cau, 'the opening paragraph is kept');
  assert.deepEqual(cau.content.find((i) => i.t === 'refmark'), { t: 'refmark', label: '1' });
  assert.ok(text.includes('The proposed Central Asian Union, covering the five Central Asian states.'));
  // Every heading of this page carries its own [edit] link: they are siblings (issue 10, item 11),
  // so "The old union" is no longer nested under "History", nor "References" under "See also".
  const history = section(doc, 'History');
  assert.ok(!history.children.some((c) => c.kind === 'section'));
  assert.equal(section(doc, 'The old union').heading.level, history.heading.level);
  assert.equal(section(doc, 'References').heading.level, section(doc, 'See also').heading.level);
  assert.equal(section(doc, 'Issues').heading.level, section(doc, 'List of Central Asian leader summits').heading.level);
  // "from Grokipedia" (chrome, gone from the text) starts a second article: a part heading named
  // by the site, at the top level, holding that article's lead and its sections.
  const part = section(doc, 'Grokipedia');
  assert.equal(part.heading.level, 1);
  assert.ok(doc.blocks.includes(part));
  assert.ok(inlineText((part.children[0] as { content: Inline[] }).content).startsWith('The Central Asian Union (CAU) was a short-lived'));
  assert.ok(part.children.some((c) => c.kind === 'section' && inlineText(c.heading.content) === 'Historical Development'));
  assert.ok(!section(doc, 'References').children.length, 'the second article\'s lead is not filed under References');
  // The "Prospective members" table: a header and six rows, the Total row whole (issue 10, item 10).
  const rows = section(doc, 'Prospective members').children.map((c) => (c.kind === 'paragraph' ? [c.n, inlineText(c.content)] : null));
  assert.equal(rows.length, 7);
  assert.deepEqual(rows.map((r) => r![0]), [11, 12, 13, 14, 15, 16, 17]);
  assert.equal(rows[6]![1], 'Total 79,869,496 (20th) 4,007,275 (7th) $456.003 billion (33rd) $5,709.4 (106th) $1,250.13 (30th) $15,652 (100th)');
  assert.match(String(rows[1]![1]), /^Kazakhstan 20,000,000 \(62nd\) 2,724,900 \(9th\)/);
  assert.ok(text.includes('MeetingDateLocation (Host)Key Focus Areas'), 'a glued table header is text, not chrome');
});

test('003 (report): year headings one level under their section, "- " lines as list items', () => {
  const { doc } = parseFixture('003_');
  const recent = section(doc, 'Key Recent Developments (Post-2020)');
  const y2020 = section(doc, '2020');
  assert.equal(y2020.heading.level, recent.heading.level + 1);
  assert.ok(recent.children.includes(y2020));
  const list = y2020.children[0];
  assert.equal(list?.kind, 'list');
  assert.equal(list.items.length, 3);
  assert.match(inlineText(list.items[0]!.content), /^A historic step was taken/);
  assert.equal(section(doc, 'Overall Assessment and Future Prospects').heading.level, recent.heading.level);
  assert.equal(doc.title, '003 ff57205195f0504e', '"Introduction" is not a title: the file name, read as words');
});

test('004 (encyclopedia excerpt): title line and leading reference markers', () => {
  const { doc } = parseFixture('004_');
  assert.equal(doc.title, 'Foreign relations of Turkmenistan');
  const p = textBlocks(doc).find((b) => inlineText(b.content).startsWith('It was extended 38 km'));
  assert.ok(p);
  assert.deepEqual(p.content.filter((i) => i.t === 'refmark').map((i) => (i as { label: string }).label), ['9', '10']);
  const korea = textBlocks(doc).find((b) => inlineText(b.content).startsWith('South Korean firms'));
  assert.deepEqual(korea?.content.slice(0, 2), [{ t: 'refmark', label: '4' }, { t: 'refmark', label: '5' }]);
});

test('paragraph numbers run 1..N over paragraphs and list items in reading order', () => {
  for (const prefix of ['000_', '002_', '003_']) {
    const { doc } = parseFixture(prefix);
    const numbers = textBlocks(doc).flatMap((b) => ('n' in b ? [b.n] : []));
    assert.deepEqual(numbers, numbers.map((_, i) => i + 1));
    assert.ok(!textBlocks(doc).some((b) => (b.kind === 'heading' || b.kind === 'footnote') && 'n' in b));
  }
});

test('ids are stable: same text, same ids; an edited paragraph changes only its own id', () => {
  const { name, text } = fixture('003_');
  const a = parseDocument({ text, format: 'txt', path: name }).doc;
  const b = parseDocument({ text, format: 'txt', path: name }).doc;
  assert.deepEqual(a, b);
  const original = 'Security and military cooperation constitute the most cautious';
  assert.ok(text.includes(original));
  const edited = parseDocument({ text: text.replace(original, 'Security cooperation is the most cautious'), format: 'txt', path: name }).doc;
  assert.equal(edited.id, a.id);
  assert.equal(edited.iri, a.iri);
  const before = textBlocks(a).map((x) => x.id);
  const after = textBlocks(edited).map((x) => x.id);
  assert.equal(after.length, before.length);
  const changed = before.filter((id, i) => after[i] !== id);
  assert.equal(changed.length, 1);
  assert.match(inlineText(textBlocks(edited)[before.indexOf(changed[0]!)]!.content), /^Security cooperation is the most cautious/);
  assert.equal(new Set(before).size, before.length, 'ids are unique within a document');
});

test('a CRLF text parses like its LF twin', () => {
  const { name, text } = fixture('002_');
  const lf = parseDocument({ text, format: 'txt', path: name }).doc;
  const crlf = parseDocument({ text: '\uFEFF' + text.replace(/\n/g, '\r\n'), format: 'txt', path: name }).doc;
  assert.deepEqual(crlf, lf);
});
