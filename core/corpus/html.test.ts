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
  assert.deepEqual(outline, ['heading1:Top', 'paragraph:Para one', 'paragraph:Para two', 'heading2:Sub', 'item:a', 'item:b',
    'paragraph:Quote', 'paragraph:K | V', 'paragraph:1 | 2']);
});

test('<title> is the title; wiki reference superscripts become markers; broken markup still reads', () => {
  const { doc } = html(`<title>Page &amp; Co</title><p>Claim<sup class="reference"><a href="#c1">[1]</a></sup> and<sup><a href="#n2">2</a></sup> more <b>unclosed`);
  assert.equal(doc.title, 'Page & Co');
  const p = textBlocks(doc)[0]!;
  assert.equal(inlineText(p.content), 'Claim and more unclosed');
  assert.deepEqual(p.content.filter((i) => i.t === 'refmark'), [{ t: 'refmark', label: '1' }, { t: 'refmark', label: '2' }]);
});
