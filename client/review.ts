/**
 * "Mark as verified": the server's code action on a finding carries COMMANDS.reviewDismiss with
 * [uri, fingerprint, code]; this asks the reviewer why it is not a defect and sends the decision
 * (`nianbao/review`, protocol/review.ts). The server writes it to the review ledger beside the
 * report and publishes the finding again as a hint with the reason. A fourth argument, the reason,
 * skips the question (scripted use and tests).
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { COMMANDS } from '../protocol/commands';
import { ReviewRequest } from '../protocol/requests';
import type { ReviewParams, ReviewResult } from '../protocol/review';
import { l10n } from './locale';

export function register(context: vscode.ExtensionContext, client: LanguageClient): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(
      COMMANDS.reviewDismiss,
      (uri?: unknown, fingerprint?: unknown, code?: unknown, reason?: unknown) => dismiss(client, uri, fingerprint, code, reason),
    ),
  );
}

async function dismiss(
  client: LanguageClient,
  uri: unknown,
  fingerprint: unknown,
  code: unknown,
  given: unknown,
): Promise<ReviewResult | undefined> {
  if (typeof uri !== 'string' || typeof fingerprint !== 'string') return undefined;
  // The ledger is a file outside the open document: write it only in a trusted workspace.
  // (Workspace-trust capabilities for the whole extension come separately; this guards the one write.)
  if (!vscode.workspace.isTrusted) {
    void vscode.window.showWarningMessage(l10n.t('Trust this workspace to record review decisions in nianbao-review.yaml.'));
    return undefined;
  }
  const reason =
    typeof given === 'string'
      ? given
      : await vscode.window.showInputBox({
          title: l10n.t('Mark {0} as verified', typeof code === 'string' ? code : ''),
          prompt: l10n.t('Why is this not a defect? Recorded in nianbao-review.yaml beside the report.'),
          placeHolder: l10n.t('e.g. as published; confirmed with the organ that compiled it'),
          ignoreFocusOut: true,
          validateInput: (v) => (v.trim() ? undefined : l10n.t('Give a reason.')),
        });
  if (!reason?.trim()) return undefined;
  const params: ReviewParams = { uri, fingerprint, status: 'dismissed', reason: reason.trim() };
  const result = await client.sendRequest(ReviewRequest, params);
  if (!result.recorded)
    void vscode.window.showWarningMessage(l10n.t('The decision could not be recorded: {0}', result.reason ?? ''));
  return result;
}
