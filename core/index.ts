/** The public surface of the core, used by the CLI and the language server alike. */
export * from './types';
export { checkText, checkReport, type CheckResult } from './checks/index';
export { DEFAULT_DEADLINES, type CheckOptions, type SeveritySetting } from './checks/options';
export { loadReport, loadReportBytes, locate, type Report } from './model/report';
export {
  decodeBytes,
  encodeText,
  ENCODING_LABEL,
  firstDifference,
  reversible,
  type DecodedText,
  type TextEncodingName,
} from './text/encoding';
export { fixesFor } from './fix/quickfix';
export { fixAll, FIXALL_CODES, type FixAllResult } from './fix/fixall';
export { applyEdits } from './fix/edits';
export { RULES, RULE_CODES } from './messages/rules';
export { msg } from './messages/catalog';
export { skeleton, type SkeletonOptions } from './skeleton';
export {
  checkCrossYear,
  organKey,
  identityOf,
  ReportIndex,
  type FindPrevious,
  type PreviousReport,
  type IndexEntry,
} from './crossyear/index';
