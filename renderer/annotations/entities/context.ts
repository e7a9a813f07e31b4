/**
 * What the entities UI needs from the reader, in one place (as ../context.ts is for the claims
 * layer): renderer/main.ts builds an EntitiesContext and hands it to `installEntities`, so these
 * views never reach into the reader's modules or globals.
 */
import type { ReaderBridge } from '../../../core/api.ts';
import type { PanelSpec } from '../context.ts';

export interface EntitiesContext {
  reader: ReaderBridge;
  /** Adds a section to the side panel; returns its removal. */
  addPanel(panel: PanelSpec): () => void;
  /** Shows a short message that fades by itself. */
  toast(message: string): void;
  /** Opens a document in the reader, at a claim when one is given. */
  openDocument(documentId: string, claimId?: string): void;
  /** Opens a document with a passage (plain-text offsets) selected and in view; else just opens it. */
  showPassage?(documentId: string, start: number, end: number): void;
  /** True when Ctrl/Cmd+Z already reaches `reader.undo()` (the claims layer's history keys). */
  historyKeysInstalled?: boolean;
}
