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
