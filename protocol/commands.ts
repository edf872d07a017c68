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
  /** Client: ask why a finding is not a defect and record it in the review ledger (args: ReviewCommandArgs). */
  reviewDismiss: 'nianbao.review.dismiss',
  /** Client: open a report in the table editor (optional arg: its URI). */
  editAsTable: 'nianbao.editAsTable',
} as const;

export const LANGUAGE_ID = 'nianbao';
