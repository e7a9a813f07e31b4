/** The verb table: add a verb by adding its file and one entry here. */
import { claimsVerb } from './claims.ts';
import { exportVerb } from './export.ts';
import { importVerb } from './import.ts';
import { libraryVerb } from './library.ts';
import { reanchorVerb } from './reanchor.ts';
import { referencesVerb } from './references.ts';
import { serveVerb } from './serve.ts';
import { searchVerb } from './search.ts';
import { sourcesVerb } from './sources.ts';
import type { Verb } from './verb.ts';

export const VERBS: readonly Verb[] = [serveVerb, libraryVerb, claimsVerb, importVerb, exportVerb, reanchorVerb, sourcesVerb, referencesVerb, searchVerb];
