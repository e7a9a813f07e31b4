/**
 * What the annotation layer needs from the reader, in one place: the reader wiring
 * (renderer/main.ts) builds an AnnotationContext and hands it to `installAnnotations`, so the
 * annotation code never reaches into the reader's modules or globals.
 */
import type { EditorView } from 'prosemirror-view';
import type { DocumentModel, DocumentSummary, ReaderBridge, Settings } from '../../core/api.ts';
import type { TextMap } from '../editor/text-map.ts';

/** The document on screen. */
export interface OpenDocument {
  model: DocumentModel;
  view: EditorView;
  /** Plain-text offset ↔ editor position for this document (renderer/editor/text-map.ts). */
  textMap: TextMap;
}

/** The reader's side of the annotation layer. */
export interface AnnotationContext {
  reader: ReaderBridge;
  /** The document shown now, or null when none is open. */
  current(): OpenDocument | null;
  /** Called after the reader shows a document (its EditorState already holds our plugins). */
  onDidOpenDocument(listener: (doc: OpenDocument) => void): () => void;
  /** Opens a document by id; resolves once it is on screen. */
  openDocument(id: string): Promise<void>;
  /** `<aside id="side-panel">`: where the claim editor and the claims list live. */
  sidePanel: HTMLElement;
  /** Shows a short message that fades by itself. */
  toast(message: string): void;
  /** The settings as last loaded (kinds: labels and colours). */
  settings(): Settings;
  /** The library's documents (titles for links and the orphans list). */
  documents(): DocumentSummary[];
}
