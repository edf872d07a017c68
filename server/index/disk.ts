/**
 * Report files read from disk for the index: bounded (a file over MAX_FILE_BYTES is no report)
 * and decoded like the CLI's (core/text/encoding.ts: UTF-8, UTF-16, GB18030). Open documents are
 * the editor's and never read here.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { decodeBytes, ENCODING_LABEL, loadReportBytes, type Report } from '../../core';
import { MAX_FILE_BYTES } from '../../core/parse/guards';
import type { SourceEncoding } from '../../core/parse/parse';

export interface DiskText {
  text: string;
  /** How the file was encoded (core/text/encoding.ts: the same decoding as the CLI's). */
  source?: SourceEncoding;
}

/** A file's text, decoded; '' when it is too large to be a report; null when it cannot be read. */
export async function readText(c: string): Promise<DiskText | null> {
  try {
    const path = fileURLToPath(c);
    const s = await stat(path);
    if (!s.isFile()) return null;
    if (s.size > MAX_FILE_BYTES) return { text: '' };
    const d = decodeBytes(await readFile(path));
    return { text: d.text, source: { encoding: d.encoding, bom: d.bom, invalidAt: d.invalidAt } };
  } catch {
    return null;
  }
}

/** A file's report, read and parsed now (for a check that cannot wait); undefined when too large or unreadable. */
export function readReportSync(c: string): Report | undefined {
  try {
    const path = fileURLToPath(c);
    if (statSync(path).size > MAX_FILE_BYTES) return undefined;
    return loadReportBytes(readFileSync(path)).report;
  } catch {
    return undefined;
  }
}

export function exists(c: string): boolean {
  try {
    return existsSync(fileURLToPath(c));
  } catch {
    return false;
  }
}

/**
 * What the server logs about a file that is not plain UTF-8, or undefined for one that is. Reports
 * read from disk carry the YAML-ENCODING finding like the CLI's, but only open documents get
 * diagnostics, so the server says it in its log instead, once per file version.
 */
export function encodingNote(c: string, file: DiskText): string | undefined {
  const src = file.source;
  if (!src || (src.encoding === 'utf-8' && src.invalidAt === undefined)) return undefined;
  return src.invalidAt !== undefined
    ? `[nianbao] index: ${c} is not UTF-8, UTF-16 or GB18030 from byte ${src.invalidAt}; read with replacement characters`
    : `[nianbao] index: ${c} is encoded in ${ENCODING_LABEL[src.encoding]}${src.bom ? ' with BOM' : ''} (not UTF-8); read as such`;
}
