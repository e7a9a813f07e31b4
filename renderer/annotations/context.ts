/**
 * What the annotation layer needs from the reader, in one place: the reader wiring
 * (renderer/main.ts) builds an AnnotationContext and hands it to `install`, so the annotation
 * code never reaches into the reader's modules or globals.
 */
import type { EditorState } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import type { DocumentModel, DocumentSummary, ReaderBridge } from '../../core/api.ts';
import type { TextMap } from '../editor/text-map.ts';

/** The document on screen (the reader's OpenDocument has at least this). */
export interface OpenDocument {
  model: DocumentModel;
  view: EditorView;
  /** Plain-text offset ↔ editor position for this document (renderer/editor/text-map.ts). */
  textMap: TextMap;
}

/** A side panel section, as the reader's panel host (renderer/ui/panel-host.ts) takes it. */
export interface PanelSpec {
  id: string;
  title: string;
  mount(body: HTMLElement): void | (() => void);
}

/** The reader's side of the annotation layer. */
export interface AnnotationContext {
  reader: ReaderBridge;
  /** The document shown now, or null when none is open. */
  current(): OpenDocument | null;
  /** Called after the reader shows a document (its EditorState already holds our plugins). */
  onDidOpenDocument(listener: (doc: OpenDocument) => void): () => void;
  /**
   * Work started the moment a document is asked for, alongside its fetch; the state transform
   * it resolves to is applied before the document is first drawn (renderer/ui/document-session.ts).
   * Optional: without it, the layer loads a document's claims after it is shown.
   */
  addOpenStep?(step: (id: string) => Promise<((state: EditorState, textMap: TextMap) => EditorState) | null>): () => void;
  /** Asks the reader to open a document (it tells `onDidOpenDocument` listeners when shown). */
  openDocument(id: string): void;
  /** Adds a section to `<aside id="side-panel">`; returns its removal. */
  addPanel(panel: PanelSpec): () => void;
  /** Shows a short message that fades by itself. */
  toast(message: string): void;
  /** The library's documents (titles for links and the orphans list). */
  documents(): DocumentSummary[];
}
