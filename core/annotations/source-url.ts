/**
 * Comparing the web addresses and DOIs that name a source (issue 10, item 5). An annotation made
 * in Hypothesis names its page as the browser had it (`https://www.example.org/a/?utm_source=x#p3`);
 * our sources.json may say `http://example.org/a`. Both reduce to one key, so the annotation finds
 * its document. Pure: no URL parsing beyond the WHATWG `URL` class that every runtime has.
 */

/**
 * The WHATWG URL class, which every runtime we run in has (Node, Chromium); core's lib is plain
 * ES2022 (no DOM, no node types), so the part we use is declared here, for this module only.
 */
interface ParsedUrl { protocol: string; hostname: string; port: string; pathname: string; searchParams: Iterable<[string, string]> }
declare const URL: new (input: string) => ParsedUrl;

/**
 * Query parameters that only say where a click came from, never which page it is: Google
 * Analytics `utm_*` (https://support.google.com/analytics/answer/10917952), and the click ids of
 * Facebook, Google Ads, Microsoft Ads, Mailchimp, HubSpot, Matomo/Piwik and Yandex.
 */
const TRACKING = /^(utm_[a-z_]+|fbclid|gclid|dclid|gbraid|wbraid|msclkid|mc_cid|mc_eid|_hsenc|_hsmi|mkt_tok|pk_[a-z_]+|mtm_[a-z_]+|yclid|igshid|_ga|_gl|ref_src|ref_url)$/i;

/** A DOI as its lowercase `10.x/y` form, from `10.x/y`, `doi:10.x/y` or a doi.org link; null otherwise. */
export function normalizeDoi(value: string): string | null {
  let v = value.trim();
  try { v = decodeURIComponent(v); } catch { /* keep as written */ }
  v = v.replace(/^doi:\s*/i, '').replace(/^https?:\/\/(?:dx\.)?doi\.org\//i, '');
  return /^10\.\d{4,9}\/\S+$/.test(v) ? v.toLowerCase() : null;
}

/**
 * The comparison key of a web address: no scheme (http and https are the same page), host in
 * lowercase without `www.` and without a default port, path without a trailing slash, no
 * fragment, tracking parameters dropped and the rest sorted. A doi.org link becomes `doi:10.x/y`.
 * Not a URL (a URN, a file name): null.
 */
export function sourceKey(value: string): string | null {
  const doi = /^(?:doi:|https?:\/\/(?:dx\.)?doi\.org\/)/i.test(value.trim()) ? normalizeDoi(value) : null;
  if (doi) return `doi:${doi}`;
  let url: ParsedUrl;
  try { url = new URL(value.trim()); } catch { return null; }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  const host = url.hostname.toLowerCase().replace(/^www\./, '');
  const port = url.port && url.port !== '80' && url.port !== '443' ? `:${url.port}` : '';
  let path = url.pathname.replace(/\/+$/, '');
  try { path = decodeURI(path); } catch { /* keep as written */ }
  const params = [...url.searchParams].filter(([k]) => !TRACKING.test(k)).sort(([a, x], [b, y]) => a.localeCompare(b) || x.localeCompare(y));
  const query = params.length ? `?${params.map(([k, v]) => `${k}=${v}`).join('&')}` : '';
  return `${host}${port}${path}${query}`;
}

/** Every key a CSL item's `URL` and `DOI` give (none when it has neither). */
export function cslSourceKeys(csl: { URL?: unknown; DOI?: unknown } | null | undefined): string[] {
  const keys: string[] = [];
  if (typeof csl?.URL === 'string') { const k = sourceKey(csl.URL); if (k) keys.push(k); }
  if (typeof csl?.DOI === 'string') { const d = normalizeDoi(csl.DOI); if (d) keys.push(`doi:${d}`); }
  return keys;
}
