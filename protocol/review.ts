/**
 * The review ledger from the editor (core/review/ledger.ts): the parameters of `nianbao/review`
 * (ReviewRequest in requests.ts). The client command COMMANDS.reviewDismiss asks for the reason and sends
 * it; the server writes the entry to the ledger next to the report (the nearest
 * nianbao-review.yaml at or above its folder, else a new one beside it) and publishes the
 * document's diagnostics again, the dismissed finding as a hint.
 */

export interface ReviewParams {
  /** The report's URI (a file: URI: the ledger is a file beside it). */
  uri: string;
  /** The finding's fingerprint (diagnostic `data.fingerprint`). */
  fingerprint: string;
  status: 'dismissed' | 'confirmed';
  reason: string;
  by?: string;
}

export interface ReviewResult {
  recorded: boolean;
  /** The ledger's file path, when written. */
  ledger?: string;
  /** Why nothing was recorded. */
  reason?: string;
}

/**
 * `initializationOptions.clientCommands`: the client commands a client implements. The server
 * offers "Mark as verified" only to a client that lists COMMANDS.reviewDismiss (the VS Code
 * extension); other LSP clients would get an action they cannot run.
 */
export interface ClientCommandsOption {
  clientCommands?: string[];
}

/** What a dismiss code action's command carries: [uri, fingerprint, code]. */
export type ReviewCommandArgs = [uri: string, fingerprint: string, code: string];
