/** Command ids shared by client and server (server-side commands run via workspace/executeCommand). */
export const COMMANDS = {
  /** Server: apply fix-all to a document (args: uri, optional table key). */
  fixAll: 'nianbao.fixAll',
  /** Client: ask format/year/organ and open a new skeleton document. */
  newReport: 'nianbao.newReport',
  /** Client: open the rule documentation (optional arg: rule code). */
  showRules: 'nianbao.showRules',
  /** Client: import a published report (text/HTML/DOCX) into YAML. */
  importReport: 'nianbao.importReport',
  /** Client: open the HTML preview beside the editor. */
  preview: 'nianbao.preview',
  /** Client: open a report in the table editor (optional arg: its URI). */
  editAsTable: 'nianbao.editAsTable',
} as const;

/** Custom requests from the client to the server. */
export const REQUESTS = {
  /** Returns the skeleton text: params { format, year?, organ?, organKind? }. */
  skeleton: 'nianbao/skeleton',
  /** Returns rendered preview HTML for a document: params { uri }. */
  preview: 'nianbao/preview',
  /** Returns detected format and problem counts for the status item: params { uri }. */
  status: 'nianbao/status',
} as const;

export const LANGUAGE_ID = 'nianbao';
