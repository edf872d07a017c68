/**
 * First-line detection for `.yaml` / `.yml` files. VS Code applies a language's `firstLine`
 * pattern only to files no extension claims (untitled documents, files without an extension);
 * `.yaml` always goes to YAML. This module applies the same pattern (package.json
 * contributes.languages[0].firstLine, the single source) to YAML documents as they open and
 * switches the matching ones to `nianbao`, e.g. a file starting with `# nianbao`,
 * `format: 2021` or the skeleton's `# 政府信息公开工作年度报告（2021 格式）`.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { LANGUAGE_ID } from '../protocol/commands';
import { isEditable } from './feature';

export function register(context: vscode.ExtensionContext, _client: LanguageClient): void {
  const pattern = firstLinePattern(context);
  if (!pattern) return;
  const check = (doc: vscode.TextDocument) => {
    if (doc.languageId !== 'yaml' || !isEditable(doc.uri) || doc.lineCount === 0) return;
    if (pattern.test(doc.lineAt(0).text)) void vscode.languages.setTextDocumentLanguage(doc, LANGUAGE_ID);
  };
  context.subscriptions.push(vscode.workspace.onDidOpenTextDocument(check));
  vscode.workspace.textDocuments.forEach(check);
}

function firstLinePattern(context: vscode.ExtensionContext): RegExp | undefined {
  const languages =
    (context.extension.packageJSON as { contributes?: { languages?: { id: string; firstLine?: string }[] } }).contributes
      ?.languages ?? [];
  const source = languages.find((l) => l.id === LANGUAGE_ID)?.firstLine;
  try {
    return source ? new RegExp(source) : undefined;
  } catch {
    return undefined;
  }
}
