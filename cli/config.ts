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

const SEVERITIES: SeveritySetting[] = ['error', 'warning', 'info', 'off'];
const KEYS = ['severity', 'rules', 'deadlines', 'reuse'];
const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function loadConfig(file: string): CheckOptions {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new UsageError(`cannot read config ${file}: ${(e as Error).message.split('\n')[0]}`, false);
  }
  return validateConfig(raw, file);
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'object') return 'an object';
  return `${typeof v} ${JSON.stringify(v)}`;
}

export function validateConfig(raw: unknown, file: string): CheckOptions {
  const bad = (m: string) => new UsageError(`config ${file}: ${m}`, false);
  if (!isObject(raw)) throw bad(`must be a JSON object such as {"severity": {"T3-COMPLETE": "off"}}, not ${describe(raw)}`);
  for (const k of Object.keys(raw))
    if (!KEYS.includes(k)) throw bad(`unknown key "${k}" (known: severity (or rules), deadlines, reuse)`);
  if ('severity' in raw && 'rules' in raw) throw bad('give "severity" or "rules" (the same setting), not both');
  const out: CheckOptions = {};
  const sevKey = 'severity' in raw ? 'severity' : 'rules';
  const sev = raw[sevKey];
  if (sev !== undefined) {
    if (!isObject(sev)) throw bad(`"${sevKey}" must be an object of rule code → severity, not ${describe(sev)}`);
    out.severity = {};
    for (const [code, s] of Object.entries(sev)) {
      if (!isRuleCode(code)) {
        const near = RULE_CODES.find((c) => c.toLowerCase() === code.trim().toLowerCase());
        throw bad(`unknown rule code "${code}" in "${sevKey}"${near ? ` (did you mean ${near}?)` : ' (see docs/RULES.md)'}`);
      }
      if (!SEVERITIES.includes(s as SeveritySetting))
        throw bad(`severity of ${code} must be error, warning, info or off, not ${describe(s)}`);
      out.severity[code] = s as SeveritySetting;
    }
  }
  const dl = raw.deadlines;
  if (dl !== undefined) {
    const kinds = Object.keys(DEFAULT_DEADLINES);
    if (!isObject(dl)) throw bad(`"deadlines" must be an object of organ kind → "MM-DD", not ${describe(dl)}`);
    out.deadlines = {};
    for (const [kind, d] of Object.entries(dl)) {
      if (!kinds.includes(kind)) throw bad(`unknown organ kind "${kind}" in "deadlines" (known: ${kinds.join(', ')})`);
      const m = typeof d === 'string' ? /^(\d\d)-(\d\d)$/.exec(d) : null;
      const month = m ? Number(m[1]) : 0;
      const day = m ? Number(m[2]) : 0;
      if (!m || month < 1 || month > 12 || day < 1 || day > DAYS[month - 1])
        throw bad(`deadline for ${kind} must be a date "MM-DD" such as "03-31", not ${describe(d)}`);
      out.deadlines[kind] = d as string;
    }
  }
  if (raw.reuse !== undefined) out.reuse = reuseOf(raw.reuse, bad);
  return out;
}

/** `reuse: {threshold: 1–100 (percent), minChars: ≥ 1}` (X-REUSE). */
function reuseOf(v: unknown, bad: (m: string) => UsageError): CheckOptions['reuse'] {
  if (!isObject(v)) throw bad(`"reuse" must be an object such as {"threshold": 50, "minChars": 100}, not ${describe(v)}`);
  const out: NonNullable<CheckOptions['reuse']> = {};
  for (const k of Object.keys(v))
    if (k !== 'threshold' && k !== 'minChars') throw bad(`unknown key "reuse.${k}" (known: threshold, minChars)`);
  if (v.threshold !== undefined) {
    if (typeof v.threshold !== 'number' || v.threshold < 1 || v.threshold > 100)
      throw bad('reuse.threshold is a percentage, 1 to 100');
    out.threshold = v.threshold;
  }
  if (v.minChars !== undefined) {
    if (typeof v.minChars !== 'number' || !Number.isInteger(v.minChars) || v.minChars < 1)
      throw bad('reuse.minChars is a whole number of characters');
    out.minChars = v.minChars;
  }
  return out;
}
