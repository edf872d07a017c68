/**
 * Re-raises the importer's findings recorded in the YAML (`# nianbao-import:` comments, see
 * record.ts) as findings of their own IMPORT-* codes, on the comment line, with the cell they
 * concern as related information when the document has it.
 */
import { text } from '../../messages/define';
import { locate } from '../../model/report';
import type { CheckContext } from '../context';
import type { RelatedInfo } from '../../types';
import { importRecordsOf } from './record';
import { messages, RULES } from './specs';

const BY_CODE = new Map<string, (typeof RULES)[number]>(RULES.map((r) => [r.code, r]));

export function checkImports(ctx: CheckContext): void {
  const { report } = ctx;
  for (const { record, span } of importRecordsOf(report.comments, report.lines)) {
    const rule = BY_CODE.get(record.code);
    if (!rule) continue;
    const related: RelatedInfo[] = [];
    const loc = record.path ? locate(report, record.path.split('.')) : undefined;
    const at = loc ? (loc.keySpan ?? loc.valueSpan) : undefined;
    if (at) related.push({ path: record.path, span: at, range: report.lines.range(at), message: text(messages.concerns) });
    const where = record.page ? `${record.page}:${record.line ?? ''}` : record.line ? String(record.line) : '';
    ctx.emit(
      rule,
      messages.recorded,
      { zh: record.message['zh-CN'], en: record.message.en, line: where },
      span,
      {
        path: record.path,
        line: record.line,
        page: record.page,
        source: record.source,
        table: record.table,
        limit: record.limit,
      },
      { severity: record.severity, ...(related.length ? { related } : {}) },
    );
  }
}
