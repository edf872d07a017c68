/**
 * A feature module of the extension: `register` is called once at activation, before the
 * language client starts, and adds its disposables to `context.subscriptions`. extension.ts
 * lists the modules; adding one (e.g. preview.ts, import.ts) is one import and one list entry.
 */
import type * as vscode from 'vscode';
import { LANGUAGE_ID } from '../protocol/commands';
import type { LanguageClient } from 'vscode-languageclient/node';

export interface Feature {
  register(context: vscode.ExtensionContext, client: LanguageClient): void;
}

/**
 * Schemes of documents that only show another document (diffs against git, the refactoring
 * preview, output): not checked. Every other scheme is, so reports in a virtual workspace
 * (vscode-vfs and the like: the server works on the text the editor sends) are checked too.
 */
const VIEW_SCHEMES = new Set([
  'git',
  'gitfs',
  'output',
  'vscode-scm',
  'vscode-bulkeditpreview',
  'vscode-bulkeditpreview-editor',
  'chat-editing-text-model',
  'merge-conflict.conflict-diff',
  'review',
  'pr',
]);

export function isEditable(uri: vscode.Uri): boolean {
  return !VIEW_SCHEMES.has(uri.scheme);
}

/** A report document the language client serves (saved, untitled or in a virtual workspace). */
export function isNianbao(doc: vscode.TextDocument): boolean {
  return doc.languageId === LANGUAGE_ID && isEditable(doc.uri);
}
