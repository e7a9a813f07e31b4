/**
 * Small builders for CSL items in tests, and the "hard" sources every writer must carry
 * through unharmed: TeX's special characters, a Chinese name, a Turkish dotless ı, a name
 * particle, organisations (one with a comma in its name), page ranges, full and partial dates.
 */
import type { CslItem } from '../../api.ts';
import type { CslName } from '../csl.ts';

/** A person: family and given name, optional non-dropping particle ("De"). */
export function person(family: string, given?: string, particle?: string): CslName {
  return { family, ...(given ? { given } : {}), ...(particle ? { 'non-dropping-particle': particle } : {}) };
}

/** An organisation as author (a CSL literal name). */
export function org(name: string): CslName {
  return { literal: name };
}

/** A date as CSL date-parts: year, month, day as known. */
export function date(...parts: number[]): { 'date-parts': number[][] } {
  return { 'date-parts': [parts] };
}

/** A CSL item with the given fields; type defaults to article-journal. */
export function source(id: string, fields: Partial<CslItem> & Record<string, unknown> = {}): CslItem {
  return { id, type: 'article-journal', ...fields } as CslItem;
}

/** A title holding every character TeX treats specially. */
export const SPECIAL_TITLE = 'Tariffs & 100% of {braced} gas_flows: #1 for $5 or more';

/**
 * Sources whose every field is complete for their type, carrying the characters and names that
 * break naive writers. Real-tool tests expect no warning at all on these.
 */
export function hardSources(): CslItem[] {
  return [
    source('special.txt', {
      title: SPECIAL_TITLE,
      author: [person('Yapıcı', 'Utku'), person('张', '振国'), person('Leonardis', 'Fabio', 'De')],
      issued: date(2017, 5, 24),
      'container-title': 'Journal of Energy_Politics & Law',
      volume: '12', issue: '3', page: '45-67',
      DOI: '10.1234/jepl_2017.45', URL: 'https://example.org/a_b?x=1&y=%20#frag',
      language: 'en',
    }),
    source('crisis-group.txt', {
      type: 'report',
      title: 'Central Asia’s gas: pipelines, prices & politics',
      author: [org('Smith, Jones & Partners'), org('International Crisis Group')],
      issued: date(2016, 7),
      publisher: 'International Crisis Group', 'publisher-place': 'Brussels',
      URL: 'https://example.org/report',
    }),
    source('web-page.txt', {
      type: 'webpage',
      title: 'Turkmenistan: time to revise the neutrality policy?',
      author: [person('De Leonardis', 'Fabio')],
      'container-title': 'Emerging Challenges',
      issued: date(2016, 7, 1), accessed: date(2022, 3, 14),
      URL: 'https://example.org/emerging-challenges-july-2016/',
    }),
  ];
}
