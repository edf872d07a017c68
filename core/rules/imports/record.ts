/**
 * The import record: what `nianbao import` could not read, written into the imported YAML as
 * comment lines `# nianbao-import: {json}` (one finding a line, after the header comment), and
 * read back by the check so that `nianbao check` lists the import findings apart from the
 * report's own. A comment, not a key: the report's schema stays the published form's, the
 * record survives `nianbao fix` (which edits only value tokens), and a reviewer who has checked
 * a finding against the source deletes its line. The writer and the reader live here together.
 */
import type { Comment } from '../../parse/comments';
import type { LineIndex } from '../../text/lines';
import type { LocalizedText, Severity, Span } from '../../types';
import type { ImportData } from './specs';

export const RECORD_PREFIX = '# nianbao-import: ';

/** Source text quoted in a record at most: enough to find the place in the source, short enough to read. */
const MAX_SOURCE = 200;

/** One finding of the importer, as recorded. */
export interface ImportRecord extends ImportData {
  code: string;
  severity: Severity;
  message: LocalizedText;
}

const SEVERITIES: ReadonlySet<string> = new Set(['error', 'warning', 'info']);

/** The comment line of a finding (JSON keeps it on one line, whatever the source text holds). */
export function formatImportRecord(r: ImportRecord): string {
  const o: Record<string, unknown> = { code: r.code, severity: r.severity, path: r.path };
  for (const k of ['table', 'line', 'page', 'source', 'limit'] as const) if (r[k] !== undefined && r[k] !== '') o[k] = r[k];
  if (typeof o.source === 'string' && o.source.length > MAX_SOURCE) o.source = `${o.source.slice(0, MAX_SOURCE)}…`;
  o.zh = r.message['zh-CN'];
  o.en = r.message.en;
  return `${RECORD_PREFIX}${JSON.stringify(o).replace(/[\u2028\u2029]/g, ' ')}`;
}

/** Reads one record from a comment's text; undefined when it is not a well-formed record. */
export function parseImportRecord(comment: string): ImportRecord | undefined {
  const m = /^#\s*nianbao-import:\s*(\{.*\})\s*$/.exec(comment);
  if (!m) return undefined;
  let o: Record<string, unknown>;
  try {
    o = JSON.parse(m[1]) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  if (!o || typeof o !== 'object' || typeof o.code !== 'string' || !/^IMPORT-[A-Z-]+$/.test(o.code)) return undefined;
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
  const severity = str(o.severity);
  return {
    code: o.code,
    severity: (severity && SEVERITIES.has(severity) ? severity : 'error') as Severity,
    path: str(o.path) ?? '',
    table: str(o.table),
    line: num(o.line),
    page: num(o.page),
    source: str(o.source),
    limit: str(o.limit),
    message: { 'zh-CN': str(o.zh) ?? '', en: str(o.en) ?? '' },
  };
}

/** The records in the real comments of a YAML text (core/parse/comments.ts), with their spans. */
export function importRecordsOf(
  comments: readonly Comment[],
  lines: LineIndex,
): { record: ImportRecord; span: Span; line: number }[] {
  const out: { record: ImportRecord; span: Span; line: number }[] = [];
  for (const c of comments) {
    const record = parseImportRecord(c.source);
    if (record)
      out.push({ record, span: { start: c.offset, end: c.offset + c.source.length }, line: lines.position(c.offset).line });
  }
  return out;
}
