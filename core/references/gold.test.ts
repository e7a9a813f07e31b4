import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parseDocument } from '../corpus/parse.ts';
import { extractReferences } from './extract.ts';
import { score, type GoldReference } from './testing/gold.ts';

const GOAL = 0.9;
const gold = JSON.parse(readFileSync(new URL('./testing/journal-article-gold.json', import.meta.url), 'utf8')) as { document: string; references: GoldReference[] };

test(`the journal article's 28 footnotes: first author, year and title right for at least ${GOAL * 100}%`, () => {
  const path = new URL(`../../corpus/${gold.document}`, import.meta.url);
  const { doc } = parseDocument({ text: readFileSync(path, 'utf8'), format: 'txt', path: gold.document });
  const refs = extractReferences(doc);
  assert.equal(refs.filter((r) => r.origin === 'footnote').length, gold.references.length, 'one reference per footnote');
  const scores = gold.references.map((g) => {
    const ref = refs.find((r) => r.origin === 'footnote' && r.label === g.note);
    assert.ok(ref, `note ${g.note} was found`);
    return score(g, ref.item);
  });
  const right = scores.filter((s) => s.right).length;
  const part = (k: 'author' | 'year' | 'title') => scores.filter((s) => s[k]).length;
  console.log(`reference accuracy: ${right}/${scores.length} right (${((100 * right) / scores.length).toFixed(1)}%); ` +
    `first author ${part('author')}, year ${part('year')}, title ${part('title')}`);
  for (const s of scores.filter((x) => !x.right)) console.log(`  note ${s.note} wrong: got ${JSON.stringify(s.got)}`);
  assert.ok(right / scores.length >= GOAL, `${right}/${scores.length} is below the goal of ${GOAL * 100}%`);
});
