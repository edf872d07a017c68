/** Shapes of the server's answers that the client reads: one definition for both sides. */

/** `nianbao/status`: what the status item shows for a document. */
export interface StatusResult {
  uri: string;
  version: number;
  /** The format the checks used (declared, detected or by year); null when the text is not a report. */
  format: '2019' | '2021' | null;
  declaredFormat: '2019' | '2021' | null;
  errors: number;
  warnings: number;
  infos: number;
  /** How far each table is filled (cells holding a value / cells), in schema order. */
  progress?: { table: string; name: { 'zh-CN': string; en: string }; filled: number; total: number }[];
}

/** `workspace/executeCommand` nianbao.fixAll: what was done. */
export interface FixAllOutcome {
  applied: boolean;
  edits: number;
  reason?: string;
}
