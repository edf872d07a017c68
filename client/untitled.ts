/**
 * A new report as an untitled document (not yet shown) that already has its file name (淮安市人民政府-2024.nianbao.yaml,
 * from the report's meta): VS Code names an untitled document after its first line (here a
 * comment) unless the untitled URI carries a path, and Save then proposes that path. The path is
 * in the first workspace folder (or the home folder), and nothing is written until the user saves.
 */
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import * as vscode from 'vscode';
import { LANGUAGE_ID } from '../protocol/commands';

export async function createUntitled(text: string, fileName: string | undefined): Promise<vscode.TextDocument> {
  const target = fileName ? untitledUri(fileName) : undefined;
  if (!target) return vscode.workspace.openTextDocument({ language: LANGUAGE_ID, content: text });
  const doc = await vscode.workspace.openTextDocument(target);
  // An untitled document of that name may be open already (a second New Report): replace its text.
  const edit = new vscode.WorkspaceEdit();
  edit.replace(doc.uri, new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), text);
  await vscode.workspace.applyEdit(edit);
  if (doc.languageId !== LANGUAGE_ID) return vscode.languages.setTextDocumentLanguage(doc, LANGUAGE_ID);
  return doc;
}

/** `untitled:` + a free path for the name: in the first folder, numbered when the file exists. */
function untitledUri(fileName: string): vscode.Uri | undefined {
  const folder = vscode.workspace.workspaceFolders?.find((f) => f.uri.scheme === 'file')?.uri ?? vscode.Uri.file(homedir());
  const base = fileName.replace(/\.nianbao\.yaml$/, '');
  const taken = new Set(vscode.workspace.textDocuments.map((d) => d.uri.path));
  for (let i = 1; i < 100; i++) {
    const name = i === 1 ? fileName : `${base}-${i}.nianbao.yaml`;
    const file = vscode.Uri.joinPath(folder, name);
    if (!taken.has(file.path) && !existsSync(file.fsPath)) return file.with({ scheme: 'untitled' });
  }
  return undefined;
}
