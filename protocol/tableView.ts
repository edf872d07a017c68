/**
 * Messages between the table editor's webview (webview/table/) and its host in the extension
 * (client/tableEditor/). Types only: both sides are bundled separately.
 */
import type { CellChange, TableModel } from './table';

/** A quick fix offered for a finding: the LSP code action's title, by its index in the host's list. */
export interface FixOffer {
  id: number;
  title: string;
  preferred: boolean;
}

export type HostMessage =
  /** The document's model (on open, after every change of the text or its diagnostics). */
  | { type: 'model'; model: TableModel }
  /** The quick fixes for the findings asked about. */
  | { type: 'fixes'; request: number; fixes: FixOffer[] }
  /** An edit batch was applied (the document's version after it), or not: `ok` false with a reason. */
  | { type: 'applied'; seq: number; ok: boolean; reason?: string; version?: number };

export type ViewMessage =
  | { type: 'ready' }
  /** Inputs to cells, sections or fields; `save` asks the host to save once they are applied. */
  | { type: 'edit'; seq: number; changes: CellChange[]; save?: boolean }
  /** Which quick fixes the server has for these findings (ids of the current model). */
  | { type: 'fixes'; request: number; findings: number[] }
  | { type: 'applyFix'; request: number; fix: number }
  /** Show a path's source in the text editor beside. */
  | { type: 'reveal'; path: string }
  /** The model of this document version is drawn, marks included (for tests and timings). */
  | { type: 'rendered'; version: number };
