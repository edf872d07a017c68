/**
 * An input the importer cannot turn into a report at all (as opposed to a report with import
 * warnings): a PDF without a text layer, a file over a work limit, an encrypted or damaged
 * file. Thrown by the importer; the CLI prints it as one line, the server returns it as a
 * ResponseError whose `data` carries the code and both messages. Kept out of the PDF module so
 * callers can recognise it without loading pdf.js.
 */
import { message } from '../core/messages/define';
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

export const messages = {
  tooLarge: message<{
    limitZh: string;
    limitEn: string;
    actual: number | string;
    max: number;
    reasonZh: string;
    reasonEn: string;
  }>(
    (a) => `导入已停止：${a.limitZh}为 ${a.actual}，超过上限 ${a.max}（${a.reasonZh}）`,
    (a) => `Import stopped: ${a.limitEn} is ${a.actual}, over the limit of ${a.max} (${a.reasonEn})`,
  ),
  unreadable: message<{ detailZh: string; detailEn: string }>(
    (a) => `无法导入：${a.detailZh}`,
    (a) => `Cannot import: ${a.detailEn}`,
  ),
};

export function isImportFailure(e: unknown): e is ImportFailure {
  return e instanceof ImportFailure || (e instanceof Error && e.name === 'ImportFailure' && 'code' in e && 'text' in e);
}
