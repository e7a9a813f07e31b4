import assert from 'node:assert/strict';
import { test } from 'node:test';
import MarkdownIt from 'markdown-it';
import { escapeMarkdown, notesMarkdown, type NoteEntry } from './notes-markdown.ts';

const entry = (over: Partial<NoteEntry> = {}): NoteEntry => ({
  quote: 'Turkmenistan declared permanent neutrality in 1995.', restatement: '', note: '', kind: 'Claim',
  entities: [], tags: [], place: '¶ 3', citation: '(Turkmenistan, 2016, para. 3)', link: 'marginalia://claim/c1', ...over,
});

/** The text a reader sees once the Markdown is rendered (CommonMark, as markdown-it reads it). */
function rendered(md: string): string {
  return new MarkdownIt().render(md).replace(/<[^>]+>/g, '').replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>');
}

test('what a user typed renders as typed: no emphasis, links, headings, lists or citations made of it', () => {
  const typed = [
    '*not emphasis* and _not either_', '[not a link](http://x)', '# not a heading', '- not a list', '1. not a list',
    '@smith2020 is not a citation', '<b>not bold</b>', 'a `code` span', '50% & $5 # {braces}', '> not a quote', '+ plus',
  ];
  for (const t of typed) {
    const md = escapeMarkdown(t);
    const html = new MarkdownIt().render(md);
    assert.doesNotMatch(html, /<(em|strong|a |h1|ul|ol|code|b>|blockquote)/, `${t} → ${html}`);
    assert.equal(rendered(md).trim(), t, t);
  }
});

test('formatted notes: a section per group, each claim as a blockquote with its restatement, note, facts, citation and link; references at the end', () => {
  const md = notesMarkdown({
    title: 'Notes', citations: 'formatted', generated: '2026-11-29T10:00:00.000Z',
    groups: [
      { heading: 'Turkmenistan: time to revise the neutrality policy?', entries: [
        entry({ restatement: 'Neutrality since 1995', note: 'Check the *UN* resolution.\nSecond line.', entities: ['Turkmenistan'], tags: ['neutrality', 'un'] }),
        entry({ quote: 'Two paragraphs\nof text.', place: '¶ 3–4', citation: '(Turkmenistan, 2016, paras. 3–4)', link: 'marginalia://claim/c2' }),
      ] },
    ],
    bibliography: ['Turkmenistan: Time to revise the neutrality policy? (2016, July). Emerging Challenges.'],
  });
  assert.match(md, /^# Notes\n/);
  assert.match(md, /^## Turkmenistan: time to revise the neutrality policy\?$/m);
  assert.match(md, /^> Turkmenistan declared permanent neutrality in 1995\.$/m);
  assert.match(md, /^\*\*Neutrality since 1995\*\*$/m);
  assert.match(md, /^Check the \\\*UN\\\* resolution\.$/m);
  assert.match(md, /^Kind: Claim · Entities: Turkmenistan · Tags: #neutrality #un$/m);
  assert.match(md, /^\(Turkmenistan, 2016, para\. 3\) — ¶ 3 · \[Open in Marginalia\]\(<marginalia:\/\/claim\/c1>\)$/m);
  assert.match(md, /^> Two paragraphs\n> of text\.$/m);
  assert.match(md, /paras\. 3–4\) — ¶ 3–4/);
  assert.match(md, /## References\n\nTurkmenistan: Time to revise/);
  assert.ok(md.endsWith('.\n') && !md.endsWith('\n\n'));
  const html = new MarkdownIt().render(md);
  assert.equal((html.match(/<blockquote>/g) ?? []).length, 2);
  assert.match(html, /<a href="marginalia:\/\/claim\/c1">Open in Marginalia<\/a>/);
});

test('pandoc notes: YAML header naming the .bib, citations written as Pandoc citations, a refs div instead of a written list', () => {
  const md = notesMarkdown({
    title: 'Notes "quoted"', citations: 'pandoc', bibFile: 'my notes.bib', generated: '2026-11-29T10:00:00.000Z',
    groups: [{ heading: 'Source', entries: [entry({ citation: '[@turkmenistan2016time, para. 3]' })] }],
  });
  assert.match(md, /^---\ntitle: "Notes \\"quoted\\""\ndate: "2026-11-29"\nbibliography: "my notes\.bib"\nlink-citations: true\n---\n/);
  assert.match(md, /^\[@turkmenistan2016time, para\. 3\] — ¶ 3 · /m);
  assert.match(md, /::: \{#refs\}\n:::/);
});
