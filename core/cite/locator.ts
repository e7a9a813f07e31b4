/**
 * Paragraph locators. The reader numbers paragraphs in the margin (core/corpus), and a claim
 * records the numbers of the paragraphs where it starts and ends (`Claim.paragraph`,
 * `Claim.paragraphEnd`). CSL styles print a locator with its label: APA gives "para. 3" for
 * "3" and "paras. 3–4" for a range (citeproc picks the plural when the locator holds a range).
 */
import type { Claim } from '../api.ts';

/** A CSL cite locator: what the `locator` and `label` fields of a citation item take. */
export interface ParagraphLocator { label: 'paragraph'; locator: string }

/**
 * The locator of paragraphs `first`…`last`: "3", or "3–4" with an en dash (CSL's range
 * delimiter, which citeproc reads as a range and pluralises the label for). `last` null, equal
 * to or before `first` gives the single paragraph. Null when `first` is null or not a positive
 * integer (an orphan or a claim in a heading has no paragraph).
 */
export function paragraphLocator(first: number | null, last: number | null): ParagraphLocator | null {
  if (first === null || !Number.isInteger(first) || first < 1) return null;
  const end = last !== null && Number.isInteger(last) && last > first ? last : first;
  return { label: 'paragraph', locator: end === first ? String(first) : `${first}–${end}` };
}

/** The locator of a claim, from the paragraphs it starts and ends in. */
export function claimLocator(claim: Pick<Claim, 'paragraph' | 'paragraphEnd'>): ParagraphLocator | null {
  return paragraphLocator(claim.paragraph, claim.paragraphEnd);
}

/**
 * A Pandoc citation's locator text, "para. 3" or "paras. 3–4": Pandoc recognises these
 * English label abbreviations (`[@key, para. 3]`) and passes label and locator to citeproc.
 */
export function pandocLocator(loc: ParagraphLocator): string {
  return `${loc.locator.includes('–') ? 'paras.' : 'para.'} ${loc.locator}`;
}
