/**
 * Test builders: claims made on the sample corpus the way a reader makes them, by picking a
 * phrase of a document's plain text. The quote is whatever the text really says there, so a
 * test written against a spelling the corpus does not have fails at the builder, not later.
 */
import type { Claim, DocumentModel, Entity } from '../../api.ts';
import { plainText } from '../../corpus/plain-text.ts';

/** A parsed corpus document and its plain text. */
export interface CorpusDoc { model: DocumentModel; text: string }

/** Wraps a parsed document. */
export function corpusDoc(model: DocumentModel): CorpusDoc {
  return { model, text: plainText(model) };
}

let serial = 0;

/**
 * A claim on the `nth` (0-based) occurrence of `phrase` in the document; throws when the
 * document does not have it. `extra` sets the reader's fields.
 */
export function claimOn(doc: CorpusDoc, phrase: string, extra: Partial<Pick<Claim, 'restatement' | 'note' | 'kind' | 'tags' | 'entityIds'>> = {}, nth = 0): Claim {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = doc.text.indexOf(phrase, at + 1);
    if (at < 0) throw new Error(`"${phrase}" occurs fewer than ${nth + 1} times in ${doc.model.title}`);
  }
  const end = at + phrase.length;
  serial++;
  const stamp = new Date(Date.UTC(2024, 0, 1, 0, 0, serial)).toISOString();
  return {
    id: `c${serial}`,
    documentId: doc.model.id,
    quote: { type: 'TextQuoteSelector', exact: phrase, prefix: doc.text.slice(Math.max(0, at - 32), at), suffix: doc.text.slice(end, end + 32) },
    position: { type: 'TextPositionSelector', start: at, end },
    status: 'exact',
    paragraph: null,
    paragraphEnd: null,
    restatement: extra.restatement ?? '',
    note: extra.note ?? '',
    kind: extra.kind ?? 'claim',
    tags: extra.tags ?? [],
    entityIds: extra.entityIds ?? [],
    created: stamp,
    modified: stamp,
  };
}

/** An entity for tests. */
export function entity(id: string, name: string, aliases: string[] = [], type: Entity['type'] = 'person'): Entity {
  return { id, name, type, aliases, description: '', wikidata: null };
}
