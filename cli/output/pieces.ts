/**
 * The batch output in pieces, one file at a time: `check --format json|csv|text` (without
 * `--summary`) renders each file's part where the file was checked (a worker thread, or this
 * thread with one job; cli/checkTask.ts) and writes the parts in file order (cli/output/
 * stream.ts), so that neither the findings of a national batch nor one string of its whole output
 * is ever held. The json and csv pieces are exactly the parts of what json.ts and csv.ts make of
 * a whole run (byte for byte the same output); the text pieces are text.ts's lines of a file.
 */
import type { Locale } from '../../core';
import type { FileResult } from '../batch';
import { csvRow } from './csv';
import { countsOf, findingsOf, type FileCounts } from './json';
import { rowsOf } from './rows';
import { dismissedLines, formatText } from './text';

export const PIECE_FORMATS = ['json', 'csv', 'text'] as const;
export type PieceFormat = (typeof PIECE_FORMATS)[number];

/** How the files are rendered: the output's format and language. */
export interface Rendering {
  format: PieceFormat;
  locale: Locale;
}

/** A file's part of the output, and what the rest of the output needs of it. */
export interface FilePieces {
  /**
   * UTF-8 (it crosses from a worker thread without a copy and is written as it is): json, its
   * findings as elements of the `findings` array, indented, joined by `,` and a newline; csv,
   * its rows, each ending in CRLF; text, its findings' lines. Empty when it has none.
   */
  body: Uint8Array;
  /** text: its findings dismissed in the review ledger, a line each (listed after every file's findings). */
  dismissed: string[];
  counts: FileCounts;
  /** Has a finding of severity error that counts (the exit code). */
  failing: boolean;
}

/** The indentation of an element of the top-level `findings` array under JSON.stringify(…, null, 2). */
const JSON_ELEMENT_INDENT = '    ';

const utf8 = new TextEncoder();

export function piecesOf(r: FileResult, how: Rendering): FilePieces {
  return {
    body: utf8.encode(bodyOf(r, how)),
    dismissed: how.format === 'text' ? dismissedLines(r, how.locale) : [],
    counts: countsOf(r),
    failing: r.diags.some((d) => d.severity === 'error'),
  };
}

function bodyOf(r: FileResult, { format, locale }: Rendering): string {
  if (format === 'json')
    return findingsOf(r, locale)
      .map((f) => JSON.stringify(f, null, 2).replace(/^/gm, JSON_ELEMENT_INDENT))
      .join(',\n');
  if (format === 'csv')
    return rowsOf([r], locale)
      .map((row) => `${csvRow(row, locale)}\r\n`)
      .join('');
  return r.diags.length ? formatText(r.file, r.diags, locale, r.reviews) : '';
}

/** The pieces' byte buffers, to hand over to the thread that writes them. */
export function transferablesOf(pieces: readonly FilePieces[]): ArrayBuffer[] {
  return pieces.map((p) => p.body.buffer as ArrayBuffer);
}
