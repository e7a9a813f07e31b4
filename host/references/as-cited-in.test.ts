import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import type { CslItem } from '../../core/api.ts';
import { parseReference } from '../../core/references/parse-reference.ts';
import { createCiteFormatter } from '../cite/formatter.ts';
import { formatAsCitedIn } from './as-cited-in.ts';

const formatter = createCiteFormatter();
after(() => formatter.close());

/** Note 1 of the journal article, as the parser reads it. */
const yapici: CslItem = { id: 'ref-1', ...parseReference("Utku Yapici. From positive neutrality to silk road activism? The continuities and changes in Turkmenistan’s foreign policy, Journal of Balkan and Near Eastern Studies，Issue3,2018,pp.4-6.").item, type: 'article-journal' };
/** The source that cites it. */
const article: CslItem = {
  id: 'src', type: 'article-journal', title: 'Turkmenistan and Central Asian integration', author: [{ family: 'Li', given: 'Wei' }],
  issued: { 'date-parts': [[2022]] }, 'container-title': 'Central Asian Affairs',
};
const cite = { id: 'src', locator: '3', label: 'paragraph' };

test('a claim cites the work of its footnote "as cited in" its source, by each style\'s rule', async () => {
  assert.equal(await formatAsCitedIn(formatter, yapici, article, cite, 'apa', 'text'), '(Yapici, 2018, as cited in Li, 2022, para. 3)');
  assert.match(await formatAsCitedIn(formatter, yapici, article, cite, 'chicago-author-date', 'text'), /^\(Yapici 2018, quoted in Li 2022, para\. 3\)$/);
  assert.match(await formatAsCitedIn(formatter, yapici, article, cite, 'mla', 'text'), /^\(qtd\. in Li, par\. 3\)$/);
});

test('citeClaimAsCitedIn: a claim in the paragraph of note 1 cites Yapici as cited in the article, with its paragraph', async (t) => {
  const { openLibrary, passage, SAMPLE_CORPUS, tempDir } = await import('../library/test-support.ts');
  const lib = await openLibrary(t, await tempDir(t), SAMPLE_CORPUS);
  const range = await passage(lib, '000_7c096543f307bd3a.txt', 'Barbara Kiepenheuer-Drechsler pointed out');
  const claim = await lib.createClaim(range);
  const [first] = await lib.referencesForClaim(claim.id);
  const out = await lib.citeClaimAsCitedIn(claim.id, first!.id, 'apa');
  assert.match(out.citation, new RegExp(`^\\(Yapici, 2018, as cited in .+, para\\. ${claim.paragraph}\\)$`));
  assert.ok(out.text.startsWith('“Barbara Kiepenheuer-Drechsler pointed out” (Yapici, 2018, as cited in'));
  assert.match(out.html, /<blockquote>Barbara Kiepenheuer-Drechsler pointed out<\/blockquote>/);
  await assert.rejects(lib.citeClaimAsCitedIn(claim.id, 'doc-x:n9'), /does not cite that reference/);
});
