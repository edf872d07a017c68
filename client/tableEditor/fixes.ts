/**
 * Quick fixes from the grid: the code actions VS Code has for a finding's diagnostic (the
 * language server's, through `vscode.executeCodeActionProvider` — the same actions as the
 * light bulb, not a second implementation), and applying the one chosen.
 */
import * as vscode from 'vscode';
import type { GridFinding } from '../../protocol/table';

/** How long to wait for the diagnostics of the version a finding came from. */
const DIAGNOSTICS_DEADLINE_MS = 3000;
/** Code actions resolved in one request (fix-all computes its edit only when resolved). */
const RESOLVE_COUNT = 50;

const codeOf = (d: vscode.Diagnostic) => (typeof d.code === 'object' && d.code !== null ? String(d.code.value) : String(d.code));
const sameRange = (
  a: vscode.Range,
  b: { start: { line: number; character: number }; end: { line: number; character: number } },
) =>
  a.start.line === b.start.line &&
  a.start.character === b.start.character &&
  a.end.line === b.end.line &&
  a.end.character === b.end.character;

function diagnosticOf(uri: vscode.Uri, f: GridFinding): vscode.Diagnostic | undefined {
  return vscode.languages
    .getDiagnostics(uri)
    .find((d) => d.source === 'nianbao' && codeOf(d) === f.code && sameRange(d.range, f.range));
}

/** The finding's published diagnostic, waiting a little for the publication of a fresh version. */
async function waitDiagnostic(uri: vscode.Uri, f: GridFinding): Promise<vscode.Diagnostic | undefined> {
  const now = diagnosticOf(uri, f);
  if (now) return now;
  return new Promise((resolve) => {
    const done = (d: vscode.Diagnostic | undefined) => {
      sub.dispose();
      clearTimeout(timer);
      resolve(d);
    };
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (!e.uris.some((u) => u.toString() === uri.toString())) return;
      const d = diagnosticOf(uri, f);
      if (d) done(d);
    });
    const timer = setTimeout(() => done(undefined), DIAGNOSTICS_DEADLINE_MS);
  });
}

/**
 * The quick fixes of the findings, preferred first; each title once. VS Code gives the actions for
 * every diagnostic at the range (a total often carries two findings) without saying which one an
 * action is for, so all the cell's actions are offered — as the light bulb does.
 */
export async function quickFixes(uri: vscode.Uri, findings: GridFinding[]): Promise<vscode.CodeAction[]> {
  const out: vscode.CodeAction[] = [];
  const seen = new Set<string>();
  for (const f of findings) {
    const d = await waitDiagnostic(uri, f);
    if (!d) continue;
    const actions =
      (await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
        'vscode.executeCodeActionProvider',
        uri,
        d.range,
        vscode.CodeActionKind.QuickFix.value,
        RESOLVE_COUNT,
      )) ?? [];
    for (const a of actions) {
      if (!('kind' in a || 'edit' in a || 'diagnostics' in a)) continue;
      const action = a as vscode.CodeAction;
      if (seen.has(action.title)) continue;
      seen.add(action.title);
      out.push(action);
    }
  }
  return out.sort((a, b) => Number(b.isPreferred ?? false) - Number(a.isPreferred ?? false));
}

export async function applyFix(action: vscode.CodeAction): Promise<boolean> {
  let ok = true;
  if (action.edit) ok = await vscode.workspace.applyEdit(action.edit);
  if (ok && action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
  return ok;
}
