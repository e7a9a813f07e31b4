import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { BOM, CSV_COLUMNS, claimsCsv, type CsvClaimRow } from './claims-csv.ts';

const row = (over: Partial<CsvClaimRow> = {}): CsvClaimRow => ({
  source: 'Central Asian Union', citekey: 'hubbrynd', paragraphs: '3', quote: 'The union was proposed in 1994.',
  restatement: '', note: '', kind: 'Claim', entities: [], tags: [], citation: '(Central Asian Union, n.d., para. 3)',
  link: 'marginalia://claim/c1', ...over,
});

test('the CSV starts with a BOM, has the header and CRLF line ends, and reads back cell for cell', () => {
  const rows = [
    row({ quote: 'He said "no", then left,\nand the next line too.', note: 'Line one\r\nline two', entities: ['Turkmenistan', 'Russia'], tags: ['energy', 'gas'] }),
    row({ source: 'International Crisis Group, Europe & Central Asia', quote: '张振国 and Yapıcı; 50% & $5', paragraphs: '3–4' }),
  ];
  const text = claimsCsv(rows);
  assert.ok(text.startsWith(BOM));
  assert.ok(text.slice(1).startsWith(CSV_COLUMNS.join(',') + '\r\n'));
  const back = parse(text.slice(1), { relax_quotes: false }) as string[][];
  assert.deepEqual(back[0], [...CSV_COLUMNS]);
  assert.equal(back.length, 3);
  assert.equal(back[1]![3], 'He said "no", then left,\nand the next line too.');
  assert.equal(back[1]![5], 'Line one\r\nline two');
  assert.equal(back[1]![7], 'Turkmenistan; Russia');
  assert.equal(back[1]![8], 'energy; gas');
  assert.equal(back[2]![0], 'International Crisis Group, Europe & Central Asia');
  assert.equal(back[2]![2], '3–4');
  assert.equal(back[2]![3], '张振国 and Yapıcı; 50% & $5');
});

test('a cell a spreadsheet would run as a formula is defused with an apostrophe; other cells are untouched', () => {
  const back = parse(claimsCsv([row({ note: '=HYPERLINK("http://x")', restatement: '+1 for this', quote: '-3 degrees', tags: ['@home'] })]).slice(1)) as string[][];
  assert.equal(back[1]![5], `'=HYPERLINK("http://x")`);
  assert.equal(back[1]![4], "'+1 for this");
  assert.equal(back[1]![3], "'-3 degrees");
  assert.equal(back[1]![8], "'@home");
  assert.equal(back[1]![9], '(Central Asian Union, n.d., para. 3)');
});

test('no claims: a header row only', () => {
  const back = parse(claimsCsv([]).slice(1)) as string[][];
  assert.deepEqual(back, [[...CSV_COLUMNS]]);
});
