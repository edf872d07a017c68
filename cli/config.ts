/**
 * `--config FILE`: a JSON file with the editor's check settings —
 * `{"severity": {"T3-COMPLETE": "off"}, "deadlines": {"township_government": "02-20"}, "reuse": {"threshold": 50}}`
 * (`rules` is accepted for `severity`: it is the editor setting's name, `nianbao.rules`).
 * Every key and value is validated against the same rule codes (core RULE_CODES), severities and
 * organ kinds the language server uses (protocol/settings.ts); anything else is a one-line usage
 * error naming the problem, never ignored.
 */
import { readFileSync } from 'node:fs';
import { DEFAULT_DEADLINES, isRuleCode, RULE_CODES, type CheckOptions, type SeveritySetting } from '../core';
import { UsageError } from './args';
import { U, type Got } from './messages';
import type { Args, Message } from '../core/messages/define';

const SEVERITIES: SeveritySetting[] = ['error', 'warning', 'info', 'off'];
const KEYS = ['severity', 'rules', 'deadlines', 'reuse'];
const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function loadConfig(file: string): CheckOptions {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new UsageError(U.configUnreadable, { file, reason: (e as Error).message.split('\n')[0] }, false);
  }
  return validateConfig(raw, file);
}

/** A usage error about the config file: the catalog message with every argument but the file's name. */
type Bad = <A extends Args>(m: Message<A & { file: string }>, args: A) => UsageError<A & { file: string }>;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** What a value is, for "…, not X" (worded by the catalog): its JSON type, and a scalar's JSON text. */
function describe(v: unknown): Got {
  if (v === null) return { got: 'null', value: undefined };
  if (Array.isArray(v)) return { got: 'array', value: undefined };
  if (typeof v === 'object') return { got: 'object', value: undefined };
  return { got: typeof v, value: JSON.stringify(v) };
}

export function validateConfig(raw: unknown, file: string): CheckOptions {
  const bad: Bad = (m, args) => new UsageError(m, { ...args, file }, false);
  if (!isObject(raw)) throw bad(U.configNotObject, describe(raw));
  for (const k of Object.keys(raw)) if (!KEYS.includes(k)) throw bad(U.configUnknownKey, { key: k });
  if ('severity' in raw && 'rules' in raw) throw bad(U.configBoth, {});
  const out: CheckOptions = {};
  const sevKey = 'severity' in raw ? 'severity' : 'rules';
  const sev = raw[sevKey];
  if (sev !== undefined) {
    if (!isObject(sev)) throw bad(U.configSeverityNotObject, { key: sevKey, ...describe(sev) });
    out.severity = {};
    for (const [code, s] of Object.entries(sev)) {
      if (!isRuleCode(code)) {
        const near = RULE_CODES.find((c) => c.toLowerCase() === code.trim().toLowerCase());
        throw bad(U.configUnknownRule, { key: sevKey, code, near });
      }
      if (!SEVERITIES.includes(s as SeveritySetting)) throw bad(U.configSeverity, { code, ...describe(s) });
      out.severity[code] = s as SeveritySetting;
    }
  }
  const dl = raw.deadlines;
  if (dl !== undefined) {
    const kinds = Object.keys(DEFAULT_DEADLINES);
    if (!isObject(dl)) throw bad(U.configDeadlinesNotObject, describe(dl));
    out.deadlines = {};
    for (const [kind, d] of Object.entries(dl)) {
      if (!kinds.includes(kind)) throw bad(U.configUnknownKind, { kind, kinds: kinds.join(', ') });
      const m = typeof d === 'string' ? /^(\d\d)-(\d\d)$/.exec(d) : null;
      const month = m ? Number(m[1]) : 0;
      const day = m ? Number(m[2]) : 0;
      if (!m || month < 1 || month > 12 || day < 1 || day > DAYS[month - 1])
        throw bad(U.configDeadline, { kind, ...describe(d) });
      out.deadlines[kind] = d as string;
    }
  }
  if (raw.reuse !== undefined) out.reuse = reuseOf(raw.reuse, bad);
  return out;
}

/** `reuse: {threshold: 1–100 (percent), minChars: ≥ 1}` (X-REUSE). */
function reuseOf(v: unknown, bad: Bad): CheckOptions['reuse'] {
  if (!isObject(v)) throw bad(U.configReuseNotObject, describe(v));
  const out: NonNullable<CheckOptions['reuse']> = {};
  for (const k of Object.keys(v)) if (k !== 'threshold' && k !== 'minChars') throw bad(U.configUnknownReuseKey, { key: k });
  if (v.threshold !== undefined) {
    if (typeof v.threshold !== 'number' || v.threshold < 1 || v.threshold > 100) throw bad(U.configThreshold, {});
    out.threshold = v.threshold;
  }
  if (v.minChars !== undefined) {
    if (typeof v.minChars !== 'number' || !Number.isInteger(v.minChars) || v.minChars < 1) throw bad(U.configMinChars, {});
    out.minChars = v.minChars;
  }
  return out;
}
