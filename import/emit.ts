/**
 * The imported report as report YAML in the style of examples/reports: one flow map per row,
 * blank cells `null`, text cells double-quoted, comments where the published text differs
 * from the template (labels, headings) or was read rather than copied.
 */
import { labelAt } from '../core/schema/labels';
import { sectionsOf } from '../core/schema/tables';
import type { CellValue } from './normalize';
import type { ImportedReport } from './extract';
import type { ImportedRow, ImportedTable, ImportWarning } from './tables';
import { tableTemplate, type RowTemplate } from './templates';

const LAYOUTS: Record<string, string> = {
  cells: '纯文本，每格一行',
  pdf: 'PDF 文本，制表符分隔单元格',
  pipe: '纯文本，竖线表格',
  prose: '纯文本，无表格标记',
  html: 'HTML',
  docx: 'DOCX（经 mammoth 转为 HTML）',
};

/** A comment's text on one line. */
function oneLine(s: string): string {
  return s.replace(/[\r\n\u2028\u2029]+/g, ' ').replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '');
}

/** A YAML scalar: plain when it reads back as the same string, else double-quoted. */
export function scalar(s: string): string {
  const plainOk =
    /^[^\s\-?:,[\]{}#&*!|>'"%@`~0-9+.]/.test(s) &&
    !/[:#]\s|\s#|:$|[,[\]{}]|^\s|\s$/.test(s) &&
    !/^(?:true|false|null|yes|no|on|off)$/i.test(s);
  return plainOk ? s : JSON.stringify(s);
}

function value(v: CellValue): string {
  if (v === null) return 'null';
  if (typeof v === 'number') return String(v);
  return JSON.stringify(v);
}

export function emitYaml(r: ImportedReport, sourceName: string, warnings: ImportWarning[]): string {
  const L: string[] = [];
  const c = (s: string) => L.push(`# ${oneLine(s)}`);
  c(`来源：${sourceName}（nianbao import 导入，${LAYOUTS[r.layout] ?? r.layout}；原样保留发布时的错误）`);
  const tableInfo = r.tables.map((t) => `${t.name} ${t.format} 格式（${t.cells} 格）`).join('，');
  c(`读取：${tableInfo || '没有读到表格'}${r.tables.some((t) => t.format !== r.format) ? '；新旧模板混用' : ''}`);
  if (warnings.length) {
    c(`导入警告 ${warnings.length} 条：`);
    for (const w of warnings.slice(0, 40))
      c(`  ${w.line ? `第 ${w.line} 行：` : ''}${w.message['zh-CN']}${w.text ? `（原文：${w.text}）` : ''}`);
    if (warnings.length > 40) c(`  ……另有 ${warnings.length - 40} 条`);
  }
  if (r.preamble.length) {
    c('正文前的导语（不属于任何一节），原文如下：');
    for (const p of r.preamble) c(`  ${p}`);
  }
  L.push(`format: ${r.format}`);
  emitMeta(L, r);
  const sections = sectionsOf(r.format);
  for (const s of sections) {
    if (s.narrative) {
      const sec = r.sections.find((x) => x.key === s.key);
      if (!sec) {
        c(`${s.key}：原文没有“${s.title}”一节`);
        continue;
      }
      if (sec.heading.replace(/\s/g, '') !== s.title) c(`原文标题：“${sec.heading}”`);
      const paras = sec.paragraphs
        .map((p) => p.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '').trim())
        .filter((p) => p !== '');
      if (!paras.length) {
        L.push(`${s.key}: null`);
        continue;
      }
      L.push(`${s.key}: |`);
      for (const p of paras) L.push(`  ${p}`);
      continue;
    }
    const t = r.tables.find((x) => x.key === s.key);
    const heading = r.headings[s.key];
    if (heading && heading.replace(/\s/g, '') !== s.title) c(`原文标题：“${heading}”`);
    if (heading === '') c(`原文没有“${s.title}”标题，按表格内容定位`);
    if (!t) {
      c(`${s.key}：没有读到“${s.title}”的表格`);
      continue;
    }
    emitTable(L, t);
  }
  if (r.meta.signature?.length) c(`落款：${r.meta.signature.join(' / ')}`);
  const extra = r.tables.flatMap((t) => t.extra);
  if (extra.length) {
    L.push('extra_rows:');
    for (const e of extra) {
      const vals = e.values.length <= 1 ? `value: ${value(e.values[0] ?? null)}` : `values: [${e.values.map(value).join(', ')}]`;
      L.push(`  - {table: ${e.table}, label: ${JSON.stringify(e.label)}, ${vals}}   # 第 ${e.line} 行`);
    }
  }
  return `${L.join('\n')}\n`;
}

function emitMeta(L: string[], r: ImportedReport): void {
  const m = r.meta;
  L.push('meta:');
  if (m.title) L.push(`  title: ${scalar(m.title)}`);
  if (m.organ) {
    const note = m.organFrom === 'signature' ? '取自落款' : m.organFrom === 'title' ? '取自标题' : '';
    L.push(`  organ: ${scalar(m.organ)}${note ? `   # ${note}` : ''}`);
  } else L.push('  organ: ""   # 报告中找不到机关名称');
  if (m.organKind) L.push(`  organ_kind: ${m.organKind}   # 按机关名称推断`);
  if (m.year !== undefined) L.push(`  year: ${m.year}`);
  if (m.period)
    L.push(
      `  period: {from: ${m.period.from}, to: ${m.period.to}}${m.period.inferred ? '   # 报告未写明统计期限，按年度推定' : ''}`,
    );
  if (m.publishedOn) L.push(`  published_on: ${m.publishedOn}   # 落款日期`);
  if (m.contact) {
    const parts: string[] = [];
    if (m.contact.address) parts.push(`address: ${scalar(m.contact.address)}`);
    if (m.contact.postcode) parts.push(`postcode: ${JSON.stringify(m.contact.postcode)}`);
    if (m.contact.phone)
      parts.push(`phone: ${/^\d+$/.test(m.contact.phone) ? JSON.stringify(m.contact.phone) : m.contact.phone}`);
    if (m.contact.email) parts.push(`email: ${scalar(m.contact.email)}`);
    L.push(`  contact: {${parts.join(', ')}}`);
  }
}

interface Node {
  key: string;
  row?: RowTemplate;
  children: Node[];
}

function tree(rows: RowTemplate[]): Node[] {
  const root: Node = { key: '', children: [] };
  for (const r of rows) {
    let cur = root;
    const rel = r.path.slice(1);
    rel.forEach((k, i) => {
      let n = cur.children.find((x) => x.key === k);
      if (!n) {
        n = { key: k, children: [] };
        cur.children.push(n);
      }
      if (i === rel.length - 1) n.row = r;
      cur = n;
    });
  }
  return root.children;
}

function emitTable(L: string[], t: ImportedTable): void {
  const tmpl = tableTemplate(t.format, t.key)!;
  const byPath = new Map<string, ImportedRow>(t.rows.map((r) => [r.template.path.join('.'), r]));
  L.push(`${t.key}:`);
  const walk = (nodes: Node[], depth: number): void => {
    const pad = '  '.repeat(depth);
    const width = Math.max(0, ...nodes.filter((n) => n.row).map((n) => n.key.length)) + 1;
    for (const n of nodes) {
      if (!n.row) {
        const present = (x: Node): boolean => (x.row ? byPath.has(x.row.path.join('.')) : x.children.some(present));
        if (!n.children.some(present)) {
          L.push(`${pad}# ${n.key}：原文缺少“${labelAt(t.format, [t.key, ...pathTo(n, nodes)])}”各行`);
          continue;
        }
        L.push(`${pad}${n.key}:`);
        walk(n.children, depth + 1);
        continue;
      }
      const row = byPath.get(n.row.path.join('.'));
      if (!row) {
        L.push(`${pad}# ${n.key}：原文缺少此行（${n.row.label}）`);
        continue;
      }
      const cells = n.row.columns.map((col, k) => `${col.key}: ${value(row.values[k] ?? null)}`).join(', ');
      const notes: string[] = [];
      if (row.published) notes.push(`原文行标签“${row.published}”`);
      notes.push(...row.notes);
      L.push(`${pad}${(`${n.key}:`).padEnd(width)} {${cells}}${notes.length ? `   # ${oneLine(notes.join('；'))}` : ''}`);
    }
  };
  walk(tree(tmpl.rows), 1);
  for (const u of t.unplaced) L.push(`  # 未能归位的原文（第 ${u.line} 行）：${oneLine(u.text)}`);
}

function pathTo(n: Node, _siblings: Node[]): string[] {
  return [n.key];
}
