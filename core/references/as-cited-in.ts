/**
 * Citing a work through the source that quotes it ("as cited in"), by the style's own rule:
 * - APA 7 (§8.6): "(Yapici, 2018, as cited in Smith, 2020)": the original's author and year,
 *   ", as cited in", then the secondary source's citation; only the secondary source goes in the
 *   reference list.
 * - Chicago author-date (18th ed., 15.52): "(Yapici 2018, quoted in Smith 2020, 45)".
 * - MLA 9 (6.46): the original is named in the prose; the parenthesis gives "(qtd. in Smith 45)".
 * Other styles take APA's wording. The secondary citation itself (with its locator) is made by
 * the CSL processor; this only supplies the prefix that goes in front of it.
 */

/** The cite prefix that puts `originalInText` (the original's own in-text citation, e.g. "(Yapici, 2018)") before the secondary source. */
export function asCitedInPrefix(style: string, originalInText: string): string {
  const inner = originalInText.trim().replace(/^[(\[]\s*|\s*[)\]]$/gu, '');
  if (/^mla/u.test(style)) return 'qtd. in ';
  if (/^chicago/u.test(style)) return `${inner}, quoted in `;
  return `${inner}, as cited in `;
}
