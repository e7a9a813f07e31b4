/**
 * Real sources for the cite tests, as CSL items (metadata of published works, titles in
 * sentence case as CSL expects, so styles that want headline case can convert them):
 * - a journal article with person authors and a DOI (Watson & Crick, Nature 1953);
 * - a web page with an organisation as author, no date and an access date (the U.S. Census
 *   Bureau's population clock, the APA Publication Manual's own example of a page that changes);
 * - a report by a person, with publisher and place (Vannevar Bush's 1945 report to the President).
 */
import type { CslItem } from '../../core/api.ts';

export const ARTICLE: CslItem = {
  id: 'watson1953',
  type: 'article-journal',
  title: 'Molecular structure of nucleic acids: A structure for deoxyribose nucleic acid',
  author: [{ family: 'Watson', given: 'J. D.' }, { family: 'Crick', given: 'F. H. C.' }],
  'container-title': 'Nature',
  volume: '171',
  issue: '4356',
  page: '737-738',
  issued: { 'date-parts': [[1953]] },
  DOI: '10.1038/171737a0',
};

export const WEBPAGE: CslItem = {
  id: 'census-popclock',
  type: 'webpage',
  author: [{ literal: 'U.S. Census Bureau' }],
  title: 'U.S. and world population clock',
  'container-title': 'U.S. Department of Commerce',
  URL: 'https://www.census.gov/popclock/',
  accessed: { 'date-parts': [[2019, 7, 3]] },
};

export const REPORT: CslItem = {
  id: 'bush1945',
  type: 'report',
  author: [{ family: 'Bush', given: 'Vannevar' }],
  title: 'Science, the endless frontier: A report to the President',
  publisher: 'U.S. Government Printing Office',
  'publisher-place': 'Washington, DC',
  issued: { 'date-parts': [[1945]] },
};

/** A second undated page by the same organisation: makes "n.d.-a" / "n.d.-b" in author-date styles. */
export const WEBPAGE_2: CslItem = {
  id: 'census-quickfacts',
  type: 'webpage',
  author: [{ literal: 'U.S. Census Bureau' }],
  title: 'QuickFacts: United States',
  'container-title': 'U.S. Department of Commerce',
  URL: 'https://www.census.gov/quickfacts/fact/table/US/PST045219',
  accessed: { 'date-parts': [[2019, 7, 3]] },
};

/** The three sources of the exact-string tests. */
export const THREE_SOURCES: CslItem[] = [ARTICLE, WEBPAGE, REPORT];
