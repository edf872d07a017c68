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

/** A report document the language client serves (saved or untitled). */
export function isNianbao(doc: vscode.TextDocument): boolean {
  return doc.languageId === LANGUAGE_ID && (doc.uri.scheme === 'file' || doc.uri.scheme === 'untitled');
}
