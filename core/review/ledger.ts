/**
 * The review ledger: a reviewer's decisions on findings, kept in a plain YAML file
 * (`nianbao-review.yaml`, beside the reports) that people can read, diff and edit.
 *
 *   version: 1
 *   entries:
 *     - fingerprint: 3f2a9c0e1b7d4a55     # core/review/fingerprint.ts
 *       status: dismissed                  # dismissed: checked with the author, not a defect
 *       reason: 原文如此，已核实            #  confirmed: a real defect, to be corrected
 *       by: 张三                            # optional
 *       date: 2025-03-02
 *       code: X-CARRY                       # what the finding was, for people reading the file:
 *       organ: 淮安市洪泽区人民政府           #   code, organ, year, path, file (relative to the
 *       year: 2024                          #   ledger's folder) and message
 *       path: applications.carried_over.total
 *       file: 2024/hongze.nianbao.yaml
 *       message: …
 *
 * Pure: text in, text or model out. Writing keeps the file's comments and order (the `yaml`
 * package's document model); a decision on a fingerprint already recorded replaces it in place.
 * Finding and writing the file is the CLI's and the server's.
 */
import { dirname, join, resolve } from 'node:path';
import { isMap, isScalar, isSeq, parseDocument, type Document, type YAMLMap, type YAMLSeq } from 'yaml';

export const LEDGER_FILE = 'nianbao-review.yaml';
export const LEDGER_VERSION = 1;

export type ReviewStatus = 'dismissed' | 'confirmed';
export const REVIEW_STATUSES: readonly ReviewStatus[] = ['dismissed', 'confirmed'];

/** A decision as outputs show it next to its finding (JSON `review`). */
export interface Review {
  status: ReviewStatus;
  reason: string;
  by?: string;
  date: string;
}

export interface LedgerEntry extends Review {
  fingerprint: string;
  code?: string;
  organ?: string;
  year?: number;
  path?: string;
  /** The report's file, relative to the ledger's folder, with forward slashes. */
  file?: string;
  message?: string;
}

export interface Ledger {
  entries: LedgerEntry[];
  byFingerprint: Map<string, LedgerEntry>;
  /** Entries that could not be read (`entry N: …`); the rest are used. */
  errors: string[];
}

/** A ledger is the user's own file, but it is still bounded: this many characters at most. */
export const MAX_LEDGER_CHARS = 32_000_000;

const HEADER = `# nianbao 审核记录 · review ledger
# 由 \`nianbao review dismiss|confirm\` 或 VS Code 的“标记为已核实”写入，\`nianbao check\` 读取；可以手工编辑。
# Written by \`nianbao review dismiss|confirm\` or VS Code's "Mark as verified", read by \`nianbao check\`; edit freely.
# status: dismissed = 已核实，不是问题 (not a defect); confirmed = 确认是问题 (a defect to correct)
`;

/** The order of an entry's fields in the file: the decision, then what the finding was. */
const FIELDS: readonly (keyof LedgerEntry)[] = [
  'fingerprint',
  'status',
  'reason',
  'by',
  'date',
  'code',
  'organ',
  'year',
  'path',
  'file',
  'message',
];

export function emptyLedger(): Ledger {
  return { entries: [], byFingerprint: new Map(), errors: [] };
}

/** Reads a ledger; unreadable entries are skipped and named in `errors`. */
export function parseLedger(text: string): Ledger {
  const out = emptyLedger();
  if (text.length > MAX_LEDGER_CHARS) return { ...out, errors: [`the ledger is larger than ${MAX_LEDGER_CHARS} characters`] };
  const doc = parseDocument(text, { uniqueKeys: true });
  if (doc.errors.length) return { ...out, errors: doc.errors.map((e) => e.message) };
  if (doc.contents === null) return out;
  const entries = isMap(doc.contents) ? doc.contents.get('entries') : undefined;
  if (entries === undefined || entries === null) return out;
  if (!isSeq(entries)) return { ...out, errors: ['`entries` must be a list'] };
  entries.items.forEach((item, i) => {
    const e = readEntry(item);
    if (typeof e === 'string') out.errors.push(`entry ${i + 1}: ${e}`);
    else {
      out.entries.push(e);
      out.byFingerprint.set(e.fingerprint, e);
    }
  });
  return out;
}

function readEntry(item: unknown): LedgerEntry | string {
  if (!isMap(item)) return 'an entry is a mapping with fingerprint, status, reason and date';
  const str = (k: string): string | undefined => {
    const v = (item as YAMLMap).get(k, true);
    if (!isScalar(v) || v.value === null || v.value === undefined) return undefined;
    return String(v.value);
  };
  const fingerprint = str('fingerprint');
  if (!fingerprint) return 'no fingerprint';
  const status = str('status');
  if (!REVIEW_STATUSES.includes(status as ReviewStatus)) return `status must be ${REVIEW_STATUSES.join(' or ')}`;
  const year = Number(str('year'));
  const e: LedgerEntry = {
    fingerprint,
    status: status as ReviewStatus,
    reason: str('reason') ?? '',
    date: str('date') ?? '',
  };
  for (const k of ['by', 'code', 'organ', 'path', 'file', 'message'] as const) {
    const v = str(k);
    if (v !== undefined) e[k] = v;
  }
  if (Number.isInteger(year)) e.year = year;
  return e;
}

/** The decision part of an entry, as shown beside its finding. */
export function reviewOf(e: LedgerEntry): Review {
  return { status: e.status, reason: e.reason, ...(e.by ? { by: e.by } : {}), date: e.date };
}

/** A ledger's text with `entry` recorded: replaces the entry of the same fingerprint, else appends. */
export function recordDecision(text: string | undefined, entry: LedgerEntry): string {
  const doc = documentOf(text);
  const seq = entriesOf(doc);
  const fields = FIELDS.filter((k) => entry[k] !== undefined && entry[k] !== '');
  const existing = seq.items.find((it) => isMap(it) && String((it as YAMLMap).get('fingerprint')) === entry.fingerprint) as
    | YAMLMap
    | undefined;
  if (existing) {
    // In place, so comments on the entry stay; fields the new decision lacks are removed.
    for (const k of FIELDS) {
      if (fields.includes(k)) existing.set(k, entry[k]);
      else existing.delete(k);
    }
  } else {
    seq.add(doc.createNode(Object.fromEntries(fields.map((k) => [k, entry[k]]))));
  }
  return doc.toString({ lineWidth: 0 });
}

/** A ledger's text without the entry of `fingerprint` (unchanged when there is none). */
export function removeDecision(text: string, fingerprint: string): string {
  const doc = documentOf(text);
  const seq = entriesOf(doc);
  const i = seq.items.findIndex((it) => isMap(it) && String((it as YAMLMap).get('fingerprint')) === fingerprint);
  if (i < 0) return text;
  seq.items.splice(i, 1);
  return doc.toString({ lineWidth: 0 });
}

function documentOf(text: string | undefined): Document {
  const doc = parseDocument(text?.trim() ? text : `${HEADER}version: ${LEDGER_VERSION}\nentries: []\n`);
  if (doc.errors.length) throw new Error(`the ledger cannot be read: ${doc.errors[0].message}`);
  if (doc.contents === null) doc.contents = doc.createNode({ version: LEDGER_VERSION, entries: [] }) as never;
  if (!isMap(doc.contents)) throw new Error('the ledger is not a mapping with `entries`');
  return doc;
}

function entriesOf(doc: Document): YAMLSeq {
  const root = doc.contents as YAMLMap;
  let seq: unknown = root.get('entries', true);
  if (seq === undefined || seq === null || (isScalar(seq) && seq.value === null)) {
    seq = doc.createNode([]);
    root.set('entries', seq);
  }
  if (!isSeq(seq)) throw new Error('`entries` in the ledger is not a list');
  // `entries: []` as first written: the entries go one per block, not in a flow list.
  seq.flow = false;
  return seq;
}

/**
 * Entries whose finding has gone: not among `current` fingerprints. `inScope` limits the judgement
 * to entries the caller checked (e.g. whose file was among those given).
 */
export function staleEntries(
  ledger: Ledger,
  current: ReadonlySet<string>,
  inScope: (e: LedgerEntry) => boolean = () => true,
): LedgerEntry[] {
  return ledger.entries.filter((e) => inScope(e) && !current.has(e.fingerprint));
}

/**
 * Where a report's ledger may be, nearest first: `nianbao-review.yaml` in its folder and each
 * folder above (the way ESLint finds `.eslintrc`). The CLI and the server take the first that exists.
 */
export function ledgerCandidates(dir: string): string[] {
  const out: string[] = [];
  for (let d = resolve(dir); ; d = dirname(d)) {
    out.push(join(d, LEDGER_FILE));
    if (dirname(d) === d) return out;
  }
}

/** Today as YYYY-MM-DD (local time: the reviewer's day). */
export function today(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}
