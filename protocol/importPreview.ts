/** Parameters and results of the preview and import requests (the requests are in requests.ts). */

/** `nianbao/preview`: params; the result is the page's HTML (or null for an unknown document). */
export interface PreviewParams {
  uri: string;
  /** CSP nonce for the page's style and script (the webview's). */
  nonce?: string;
  /** `webview.cspSource`. */
  cspSource?: string;
}

export interface ImportParams {
  /** The file's URI (file: scheme is read by the server). */
  uri?: string;
  /** A local path, when there is no URI. */
  path?: string;
  /** The file's bytes, base64, for files the server cannot read (remote or virtual file systems). */
  data?: string;
  /** File name for the header comment and for telling HTML/DOCX/text apart. */
  name?: string;
}

export interface ImportWarningInfo {
  /** 1-based line in the source file (0: the whole file). */
  line: number;
  severity: 'error' | 'warning' | 'info';
  /** An IMPORT-* code when the warning is a finding (a cell or table not read or placed). */
  code?: string;
  message: { 'zh-CN': string; en: string };
  text?: string;
}

export interface ImportResponse {
  yaml: string;
  warnings: ImportWarningInfo[];
  format: '2019' | '2021';
  /** False when a table could not be read at all. */
  ok: boolean;
  /** True when every cell was read and placed (no IMPORT-* error). */
  complete?: boolean;
  /** Cells read per table: 表二 10/10，表三 175/175，表四 15/15. */
  coverage?: string;
  tables: { name: string; format: '2019' | '2021'; cells: number }[];
}
