/** The public surface of the core, used by the CLI, the language server, import/ and render/ alike. */
export * from './types';
export { checkText, checkReport, finish, applySettings, type CheckResult, type Suppressed } from './rules/run';
export type { CheckOptions, SeveritySetting } from './rules/options';
export {
  RULES,
  RULE_CODES,
  FAMILIES,
  FIXALL_CODES,
  isRuleCode,
  familyOf,
  categoryOf,
  type RuleCode,
  type DataOf,
} from './rules/registry';
export { FIX_PHASES, type RuleSpec, type Category } from './rules/spec';
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
export { metaOf, type ReportMeta } from './model/meta';
export { fixesFor } from './fix/quickfix';
export { fixAll, type FixAllResult, type AppliedFix } from './fix/fixall';
export { applyEdits } from './fix/edits';
export { text, say, type Message } from './messages/define';
export { UI } from './messages/ui';
export { skeleton, type SkeletonOptions } from './skeleton';
export {
  checkCrossYear,
  identityOf,
  sameIdentity,
  ReportIndex,
  type CrossYearResult,
  type FindPrevious,
  type PreviousReport,
  type IndexEntry,
  type ReportIdentity,
} from './crossyear/index';
export { DEFAULT_DEADLINES, deadlineFor, MMDD } from './facts/deadlines';
export {
  FIRST_2021_YEAR,
  FIRST_REPORT_YEAR,
  CURRENT_FORMAT,
  formatForYear,
  yearsOf,
  assumedFormat,
  defaultYear,
} from './facts/formats';
export { organKindOf, sameOrgan, organBucket, normaliseOrgan, type OrganKind } from './facts/organ';
export { localeOf, resolveLocale, type LocaleSetting } from './facts/locale';
export { VERSION } from './facts/version';
export { makeTitle, readTitle, reportFileName, isTitle } from './facts/title';
export { readCellText, isValueText, type CellText } from './facts/lexicon';
export { subjectName } from './schema/labels';
export { REUSE_DEFAULTS, type ReuseOptions } from './rules/options';
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
  type BatchOptions,
  type BatchReport,
  type BatchResult,
  type BatchRoster,
  type Pairing,
} from './review/batch';
export { parseRoster, type Roster, type RosterOrgan } from './review/roster';
export type { RosterStatus } from './rules/review/check';
export { fingerprintsOf, fingerprintOf, FINGERPRINT_RE, type FingerprintSubject } from './review/fingerprint';
export {
  LEDGER_FILE,
  REVIEW_STATUSES,
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
