/** The public surface of the core, used by the CLI, the language server, import/ and render/ alike. */
export * from './types';
export { checkText, checkReport, type CheckResult, type Suppressed } from './rules/run';
export type { CheckOptions, SeveritySetting } from './rules/options';
export {
  RULES,
  RULE_CODES,
  FIXALL_CODES,
  isRuleCode,
  categoryOf,
} from './rules/registry';
export type { Category } from './rules/spec';
export { loadReport, loadReportBytes, locate, type Report } from './model/report';
export {
  decodeBytes,
  encodeText,
  ENCODING_LABEL,
  firstDifference,
  reversible,
  type DecodedText,
} from './text/encoding';
export { metaOf } from './model/meta';
export { fixesFor } from './fix/quickfix';
export { fixAll, type FixAllResult } from './fix/fixall';
export { applyEdits } from './fix/edits';
export { text, say } from './messages/define';
export { UI } from './messages/ui';
export { skeleton } from './skeleton';
export {
  checkCrossYear,
  identityOf,
  sameIdentity,
  ReportIndex,
  type IndexEntry,
  type ReportIdentity,
} from './crossyear/index';
export { DEFAULT_DEADLINES, MMDD } from './facts/deadlines';
export {
  CURRENT_FORMAT,
  yearsOf,
  assumedFormat,
  defaultYear,
} from './facts/formats';
export { organKindOf, organBucket } from './facts/organ';
export { localeOf, resolveLocale } from './facts/locale';
export { VERSION } from './facts/version';
export { reportFileName } from './facts/title';
export { subjectName } from './schema/labels';
export {
  checkBatch,
  slotsOf,
  pairingIn,
  crossYearFindings,
  addCrossYear,
  rosterEffect,
  addRosterEffect,
  rosterOf,
  type Added,
  type RosterEffect,
  type BatchInput,
  type BatchRoster,
  type Pairing,
} from './review/batch';
export { parseRoster, type Roster } from './review/roster';
export type { RosterStatus } from './rules/review/check';
export { rosterSubject } from './rules/review/specs';
export { fingerprintsOf, FINGERPRINT_RE } from './review/fingerprint';
export {
  LEDGER_FILE,
  emptyLedger,
  ledgerCandidates,
  parseLedger,
  recordDecision,
  removeDecision,
  reviewOf,
  staleEntries,
  today,
  type Ledger,
  type LedgerEntry,
  type Review,
  type ReviewStatus,
} from './review/ledger';
