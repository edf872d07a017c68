/**
 * What the importer tells: findings with an IMPORT-* code (something of the source could not be
 * read or placed; SPEC.md §6.1, core/rules/imports/specs.ts) and plain messages (how something
 * was read, what was left out on purpose). Every text comes from the catalog (messages.ts) in
 * both locales.
 */
import { render, type Args, type Message } from '../core/messages/define';
import { RULES } from '../core/rules/imports/specs';
import type { LocalizedText, Severity } from '../core/types';

/** The codes the importer raises while reading (the others are raised as failures, failure.ts). */
export type ImportCode = 'IMPORT-UNPLACED' | 'IMPORT-LABEL-MISMATCH' | 'IMPORT-MISSING-TABLE' | 'IMPORT-HEADING' | 'IMPORT-META';

export interface ImportWarning {
  /** Set when the note is a finding: something of the source was not read or not placed. */
  code?: ImportCode;
  severity: Severity;
  message: LocalizedText;
  /** 1-based source line (PDF: page × 1000 + line); 0 for the whole document. */
  line: number;
  /** The source text concerned. */
  text?: string;
  /** The report path concerned (a cell, a row, a table or a section key). */
  path?: string;
  /** The table's name (表二, 表三, 表四). */
  table?: string;
}

export interface Where {
  line: number;
  text?: string;
  path?: string;
  table?: string;
}

const SEVERITY = new Map<string, Severity>(RULES.map((r) => [r.code, r.severity]));

/** A finding: its code's default severity unless told. */
export function finding<A extends Args>(code: ImportCode, m: Message<A>, args: A, at: Where, severity?: Severity): ImportWarning {
  return { code, severity: severity ?? SEVERITY.get(code) ?? 'error', message: render(m, args), ...clean(at) };
}

/** A message that is not a finding (how something was read, what was left out on purpose). */
export function note<A extends Args>(m: Message<A>, args: A, at: Where, severity: Severity = 'info'): ImportWarning {
  return { severity, message: render(m, args), ...clean(at) };
}

function clean(at: Where): Where {
  const out: Where = { line: at.line };
  if (at.text !== undefined && at.text !== '') out.text = at.text;
  if (at.path) out.path = at.path;
  if (at.table) out.table = at.table;
  return out;
}

/** Findings that leave a cell unread or a table missing: the import is not complete. */
export function isBlocking(w: ImportWarning): boolean {
  return w.code !== undefined && w.severity === 'error';
}
