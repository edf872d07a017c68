/**
 * Code actions: the core's fixes for each diagnostic in the request's context (found by code
 * and key path, else code and range), a suppression comment, "fix all reconciliation errors"
 * and `source.fixAll.nianbao` for editor.codeActionsOnSave. Every edit is pinned to the
 * document version it was computed for.
 */
import type {
  CodeAction,
  CodeActionParams,
  Diagnostic as LspDiagnostic,
  TextEdit as LspTextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver/node';
import { CodeActionKind } from 'vscode-languageserver/node';
import { FIXALL_CODES, fixAll, isRuleCode, say, UI, type Diagnostic, type Locale } from '../core';
import { COMMANDS } from '../protocol/commands';
import type { ReviewCommandArgs } from '../protocol/review';
import { fixAllOf, fixesOf, memo, type Analysis } from './documents';
import { SOURCE } from './diagnostics';
import { fingerprints, pathOf, type ReviewView } from './review';
import { insideMultilineScalar } from './position';
import { lspEdits, minimalEdits } from './textDiff';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.nianbao`;

export interface EditCapabilities {
  documentChanges: boolean;
  /** The client resolves a code action's `edit` lazily (codeAction/resolve): fix-all is computed only when chosen. */
  resolveEdit?: boolean;
}

/** What a lazily resolved fix-all action carries. */
interface FixAllData {
  nianbaoFixAll: true;
  uri: string;
  version: number;
}

/** A WorkspaceEdit for one document, pinned to `version` when the client supports documentChanges. */
export function workspaceEdit(uri: string, version: number, edits: LspTextEdit[], caps: EditCapabilities): WorkspaceEdit {
  return caps.documentChanges ? { documentChanges: [{ textDocument: { uri, version }, edits }] } : { changes: { [uri]: edits } };
}

/** The core diagnostic a client diagnostic stands for. */
export function findCore(a: Analysis, d: LspDiagnostic): Diagnostic | undefined {
  if (d.source !== SOURCE || typeof d.code !== 'string') return undefined;
  // The subject path identifies a finding independently of where it now sits in the text.
  const data = (d.data ?? {}) as { path?: unknown; version?: unknown };
  const same = a.result.diagnostics.filter((c) => c.code === d.code);
  const sameRange = (c: Diagnostic) =>
    c.range.start.line === d.range.start.line &&
    c.range.start.character === d.range.start.character &&
    c.range.end.line === d.range.end.line &&
    c.range.end.character === d.range.end.character;
  const hasIdentity = typeof data.path === 'string';
  const sameIdentity = (c: Diagnostic) => c.data.path === data.path;
  if (data.version === a.version || !hasIdentity)
    return same.find((c) => sameRange(c) && (!hasIdentity || sameIdentity(c))) ?? same.find(sameRange);
  // Computed for another version: the range may have moved, the subject has not.
  return same.find(sameIdentity);
}

function wanted(only: string[] | undefined, kind: string): boolean {
  return !only?.length || only.some((o) => kind === o || kind.startsWith(`${o}.`));
}

export function codeActions(a: Analysis, params: CodeActionParams, caps: EditCapabilities, review?: ReviewView): CodeAction[] {
  const locale = a.settings.locale;
  const only = params.context.only;
  const out: CodeAction[] = [];
  const ours = params.context.diagnostics.filter((d) => d.source === SOURCE);
  if (wanted(only, CodeActionKind.QuickFix)) {
    // Real fixes first (preferred ones leading), suppressions after them: clients that take
    // the first action (or show the list as is) should meet the fix, not the silencer.
    const suppressions: CodeAction[] = [];
    const dismissals: CodeAction[] = [];
    // One fix can answer several findings (the suspect cell of a row and a column total): the
    // same title with the same edits is offered once, for all of them.
    const byFix = new Map<string, CodeAction>();
    for (const d of ours) {
      const core = findCore(a, d);
      if (!core) continue;
      for (const fix of [...fixesOf(a, core)].sort((x, y) => Number(y.preferred) - Number(x.preferred))) {
        const key = JSON.stringify([fix.title[locale], fix.edits.map((e) => [e.span.start, e.span.end, e.newText])]);
        const seen = byFix.get(key);
        if (seen) {
          seen.diagnostics!.push(d);
          seen.isPreferred ||= fix.preferred;
          continue;
        }
        const action: CodeAction = {
          title: fix.title[locale],
          kind: CodeActionKind.QuickFix,
          diagnostics: [d],
          isPreferred: fix.preferred,
          edit: workspaceEdit(
            a.uri,
            a.version,
            fix.edits.map((e) => ({ range: e.range, newText: e.newText })),
            caps,
          ),
        };
        byFix.set(key, action);
        out.push(action);
      }
      const suppress = suppressAction(a, d, core, locale, caps);
      // Two findings of one code on one line get one suppression comment.
      const twin = suppress && suppressions.find((x) => x.title === suppress.title && sameEdit(x.edit, suppress.edit));
      if (twin) twin.diagnostics!.push(d);
      else if (suppress) suppressions.push(suppress);
      const dismiss = review ? dismissAction(a, d, core, locale, review) : undefined;
      if (dismiss) dismissals.push(dismiss);
    }
    out.push(...suppressions, ...dismissals);
    const fixable = ours.filter((d) => typeof d.code === 'string' && isRuleCode(d.code) && FIXALL_CODES.has(d.code));
    if (fixable.length) {
      const action = fixAllAction(a, CodeActionKind.QuickFix, caps, fixable);
      if (action) out.push(action);
    }
  }
  if (wanted(only, FIX_ALL_KIND)) {
    const action = fixAllAction(a, FIX_ALL_KIND, caps);
    if (action) out.push(action);
  }
  return out;
}

const sameEdit = (x: WorkspaceEdit | undefined, y: WorkspaceEdit | undefined) => JSON.stringify(x) === JSON.stringify(y);

/** `# nianbao-disable-next-line CODE` above the diagnostic's line, indented like it. */
function suppressAction(
  a: Analysis,
  d: LspDiagnostic,
  core: Diagnostic,
  locale: Locale,
  caps: EditCapabilities,
): CodeAction | undefined {
  const report = a.result.report;
  const line = core.range.start.line;
  const start = report.lines.lineStart(line);
  const lineText = a.text.slice(start, report.lines.lineEnd(line));
  const indent = /^[ \t]*/.exec(lineText)![0];
  // A comment line inside a block scalar would become part of its text.
  if (report.doc && insideMultilineScalar(report, start + indent.length)) return undefined;
  const eol = a.text.includes('\r\n') ? '\r\n' : '\n';
  const edit = {
    range: { start: { line, character: 0 }, end: { line, character: 0 } },
    newText: `${indent}# nianbao-disable-next-line ${core.code}${eol}`,
  };
  return {
    title: say(locale, UI.fixSuppress, { code: core.code }),
    kind: CodeActionKind.QuickFix,
    diagnostics: [d],
    isPreferred: false,
    edit: workspaceEdit(a.uri, a.version, [edit], caps),
  };
}

/**
 * "Mark as verified": the client command asks the reviewer why the finding is not a defect and
 * records it in the review ledger (protocol/review.ts); offered for a report saved on disk, for a
 * finding not dismissed yet.
 */
function dismissAction(
  a: Analysis,
  d: LspDiagnostic,
  core: Diagnostic,
  locale: Locale,
  review: ReviewView,
): CodeAction | undefined {
  const fingerprint = fingerprints(a).get(core);
  if (!fingerprint || !pathOf(a.uri) || review.dismissed.has(core)) return undefined;
  const title = say(locale, UI.fixDismiss, { code: core.code });
  const args: ReviewCommandArgs = [a.uri, fingerprint, core.code];
  return {
    title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [d],
    isPreferred: false,
    command: { title, command: COMMANDS.reviewDismiss, arguments: args },
  };
}

/** The whole-document fix-all as minimal edits; undefined when it would change nothing. */
export function fixAllEdits(a: Analysis, only?: (d: Diagnostic) => boolean): LspTextEdit[] {
  const edits = (fixed: string) => (fixed === a.text ? [] : lspEdits(a.text, minimalEdits(a.text, fixed)));
  if (only) return edits(fixAll(a.text, a.settings.options, only).text);
  return memo(a, 'fixAllEdits', () => edits(fixAllOf(a).text));
}

function fixAllAction(a: Analysis, kind: string, caps: EditCapabilities, diagnostics?: LspDiagnostic[]): CodeAction | undefined {
  const title = say(a.settings.locale, UI.fixAll);
  if (caps.resolveEdit && !a.memo.has('fixAllEdits')) {
    // Offer it when some diagnostic has a fix fix-all would apply; compute the edit on resolve.
    if (!a.result.diagnostics.some((d) => FIXALL_CODES.has(d.code) && fixesOf(a, d).some((f) => f.preferred))) return undefined;
    const data: FixAllData = { nianbaoFixAll: true, uri: a.uri, version: a.version };
    return { title, kind, diagnostics, data };
  }
  const edits = fixAllEdits(a);
  if (!edits.length) return undefined;
  return { title, kind, diagnostics, edit: workspaceEdit(a.uri, a.version, edits, caps) };
}

export function isFixAllData(data: unknown): data is FixAllData {
  return (
    typeof data === 'object' &&
    data !== null &&
    (data as FixAllData).nianbaoFixAll === true &&
    typeof (data as FixAllData).uri === 'string'
  );
}

/** codeAction/resolve for fix-all: the edit for the document's current version. */
export function resolveFixAll(a: Analysis, action: CodeAction, caps: EditCapabilities): CodeAction {
  const edits = fixAllEdits(a);
  return { ...action, edit: workspaceEdit(a.uri, a.version, edits, caps) };
}
