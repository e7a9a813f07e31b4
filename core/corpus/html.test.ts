import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseDocument } from './parse.ts';
import { inlineText, plainText, textBlocks } from './plain-text.ts';

const html = (body: string) => parseDocument({ text: body, format: 'html', path: 'page.html' });

test('scripts, styles, embeds, navigation and hidden parts leave no text', () => {
  const { doc } = html(`<html><head><title>T</title><script>var secret = 1</script><style>.x{}</style></head><body>
    <nav>Home | Search</nav><div role="navigation">Menu</div><aside>Related</aside>
    <p onclick="steal()">Visible <img src="http://remote/x.png" onerror="steal()">text.</p>
    <iframe src="http://remote/"></iframe><object data="x.swf">fallback</object><div hidden>hidden</div>
    <span class="mw-editsection">[edit]</span><footer>Copyright</footer></body></html>`);
  assert.equal(plainText(doc), 'Visible text.');
});

test('h1–h6, p, li, blockquote, br and tables map to the document model', () => {
  const { doc } = html(`<h1>Top</h1><p>Para one<br>Para two</p><h2>Sub</h2><ul><li>a</li><li>b</li></ul>
    <blockquote>Quote</blockquote><table><tr><th>K</th><th>V</th></tr><tr><td>1</td><td>2</td></tr></table>`);
  assert.equal(doc.title, 'Top');
  const outline = textBlocks(doc).map((b) => `${b.kind}${b.kind === 'heading' ? b.level : ''}:${inlineText(b.content)}`);
  // <br> inside <p> is a line break in that paragraph (issue 10, item 7), no longer a second paragraph.
  assert.deepEqual(outline, ['heading1:Top', 'paragraph:Para one\nPara two', 'heading2:Sub', 'item:a', 'item:b',
    'paragraph:Quote', 'paragraph:K | V', 'paragraph:1 | 2']);
});

test('<title> is the title; wiki reference superscripts become markers; broken markup still reads', () => {
  const { doc } = html(`<title>Page &amp; Co</title><p>Claim<sup class="reference"><a href="#c1">[1]</a></sup> and<sup><a href="#n2">2</a></sup> more <b>unclosed`);
  assert.equal(doc.title, 'Page & Co');
  const p = textBlocks(doc)[0]!;
  assert.equal(inlineText(p.content), 'Claim and more unclosed');
  assert.deepEqual(p.content.filter((i) => i.t === 'refmark'), [{ t: 'refmark', label: '1' }, { t: 'refmark', label: '2' }]);
});

const paragraphs = (doc: ReturnType<typeof html>['doc']): Array<[number, string]> =>
  textBlocks(doc).flatMap((b) => (b.kind === 'paragraph' || b.kind === 'item' ? [[b.n, inlineText(b.content)] as [number, string]] : []));

test('issue example: <br> inside a <p> keeps one paragraph and one paragraph number; the break is a line break in the text', () => {
  const { doc } = html('<p>The delegation met in Ashgabat,<br>then flew to Baku.</p><p>Talks resumed in May.</p>');
  assert.deepEqual(paragraphs(doc), [[1, 'The delegation met in Ashgabat,\nthen flew to Baku.'], [2, 'Talks resumed in May.']]);
  // The plain text (what anchoring measures) has exactly one "\n" there, never the block separator.
  assert.equal(plainText(doc), 'The delegation met in Ashgabat,\nthen flew to Baku.\n\nTalks resumed in May.');
});

test('<br> variants: self-closing, several in a row, at the edges of a <p>, in a div, in headings and cells', () => {
  const cases: Array<[string, Array<[number, string]>]> = [
    ['<p>Embassy of Turkmenistan<br/>Moscow<br><br>Russia</p><p>Next.</p>', [[1, 'Embassy of Turkmenistan\nMoscow\nRussia'], [2, 'Next.']]],
    ['<p><br>Lead line <br> </p>', [[1, 'Lead line']]],
    // Outside a <p>, a single br is a line break and two end a paragraph (a blank line in plain text).
    ['<div>Line one<br>line two<br><br>Second paragraph<br>\n<br>Third</div>', [[1, 'Line one\nline two'], [2, 'Second paragraph'], [3, 'Third']]],
    ['<table><tr><td>Ashgabat<br>Mary</td><td>2</td></tr></table>', [[1, 'Ashgabat Mary | 2']]],
  ];
  for (const [input, want] of cases) assert.deepEqual(paragraphs(html(input).doc), want, input);
  const h = html('<h2>Part one<br>Origins</h2><p>Text.</p>').doc;
  assert.equal(inlineText(textBlocks(h)[0]!.content), 'Part one Origins');
});
