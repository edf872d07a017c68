/**
 * "显示年报规则说明 / Show rule documentation": opens docs/RULES.md (generated from the rule
 * registry, shipped in the extension) in the Markdown preview, scrolled to a rule when a code
 * is given, e.g. `vscode.commands.executeCommand('nianbao.showRules', 'T3-BAL')`.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { COMMANDS } from '../protocol/commands';

const RULE_CODE = /^[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+$/;

export function register(context: vscode.ExtensionContext, _client: LanguageClient): void {
  context.subscriptions.push(vscode.commands.registerCommand(COMMANDS.showRules, (code?: unknown) => showRules(context, code)));
}

async function showRules(context: vscode.ExtensionContext, code: unknown): Promise<void> {
  const doc = vscode.Uri.joinPath(context.extensionUri, 'docs', 'RULES.md');
  // The preview's heading anchors are GitHub's: `## T3-BAL` → `#t3-bal`.
  const target = typeof code === 'string' && RULE_CODE.test(code) ? doc.with({ fragment: code.toLowerCase() }) : doc;
  try {
    await vscode.commands.executeCommand('markdown.showPreview', target);
  } catch {
    // The built-in Markdown extension is disabled: show the source instead.
    await vscode.window.showTextDocument(doc, { preview: true });
  }
}
