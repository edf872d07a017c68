/**
 * An input the importer cannot turn into a report at all (as opposed to a report with import
 * warnings): a PDF without a text layer, a file over a work limit, an encrypted or damaged
 * file. Thrown by the importer; the CLI prints it as one line, the server returns it as a
 * ResponseError whose `data` carries the code and both messages. Kept out of the PDF module so
 * callers can recognise it without loading pdf.js.
 */
import type { LocalizedText } from '../core/types';

export type ImportFailureCode = 'IMPORT-NO-TEXT' | 'IMPORT-TOO-LARGE' | 'IMPORT-UNREADABLE';

export class ImportFailure extends Error {
  readonly code: ImportFailureCode;
  readonly text: LocalizedText;
  /** For IMPORT-TOO-LARGE: the limit's name and value. */
  readonly limit?: { name: string; value: number };

  constructor(code: ImportFailureCode, text: LocalizedText, limit?: { name: string; value: number }) {
    super(text.en);
    this.name = 'ImportFailure';
    this.code = code;
    this.text = text;
    this.limit = limit;
  }
}

export function isImportFailure(e: unknown): e is ImportFailure {
  return e instanceof ImportFailure || (e instanceof Error && e.name === 'ImportFailure' && 'code' in e && 'text' in e);
}
