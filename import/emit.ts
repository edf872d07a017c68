/**
 * The imported report as report YAML in the style of examples/reports: one flow map per row,
 * blank cells `null`, text cells double-quoted, comments where the published text differs
 * from the template (labels, headings) or was read rather than copied.
 */
import { say, type Args, type Message } from '../core/messages/define';
import { formatImportRecord } from '../core/rules/imports/record';
import { labelAt } from '../core/schema/labels';
import { sectionsOf } from '../core/schema/tables';
import type { Locale } from '../core/types';
import type { ImportedReport } from './extract';
import { tableNameEn } from '../core/facts/tables';
import { LAYOUTS, M } from './messages';
import type { CellValue } from './normalize';
import type { ImportWarning } from './notes';
import type { ImportedRow, ImportedTable } from './tables';
import { tableTemplate, type RowTemplate } from './templates';

/** Comment lines of notes shown in the header at most (all findings are always recorded). */
const MAX_HEADER_NOTES = 40;

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

/** PDF lines count page × 1000 + line (import/pdf/): the record gives the page apart. */
function sourcePlace(layout: string, line: number): { line?: number; page?: number } {
  if (!line) return {};
  if (layout === 'pdf-geometry' && line >= 1000) return { page: Math.floor(line / 1000), line: line % 1000 };
  return { line };
}

/** A cell value as YAML: null, a number, or the published text double-quoted. */
export function value(v: CellValue): string {
  if (v === null) return 'null';
  if (typeof v === 'number') return String(v);
  return JSON.stringify(v);
}

/** The coverage of the tables: 表二 10/10，表三 175/175，表四 15/15 (cells read / template cells). */
export function coverage(r: ImportedReport, locale: Locale): string {
  return r.tables
    .map((t) => `${locale === 'en' ? tableNameEn(t.name) : t.name} ${t.cells}/${t.templateCells}`)
    .join(locale === 'en' ? ', ' : '，');
}

export function emitYaml(r: ImportedReport, sourceName: string, warnings: ImportWarning[], locale: Locale = 'zh-CN'): string {
  const L: string[] = [];
  const c = (s: string) => L.push(`# ${oneLine(s)}`);
  const t = <A extends Args>(m: Message<A>, ...a: keyof A extends never ? [] : [A]) => say(locale, m, ...a);
  const layout = LAYOUTS[r.layout as keyof typeof LAYOUTS];
  c(t(M.headerSource, { name: sourceName, layout: layout ? say(locale, layout) : r.layout }));
  const formats = r.tables
    .map((x) => `${locale === 'en' ? tableNameEn(x.name) : x.name} ${x.format}`)
    .join(locale === 'en' ? ', ' : '，');
  c(
    t(M.headerCoverage, {
      coverage: `${coverage(r, locale)}${formats ? (locale === 'en' ? ` (${formats})` : `（${formats}）`) : ''}`,
      mixed: r.tables.some((x) => x.format !== r.format) ? 'y' : '',
    }),
  );
  const findings = warnings.filter((w) => w.code);
  const notes = warnings.filter((w) => !w.code);
  if (findings.length) {
    c(t(M.headerFindings, { count: findings.length }));
    for (const w of findings)
      L.push(
        formatImportRecord({
          code: w.code!,
          severity: w.severity,
          path: w.path ?? '',
          table: w.table,
          ...sourcePlace(r.layout, w.line),
          source: w.text,
          message: w.message,
        }),
      );
  }
  if (notes.length) {
    c(t(M.headerNotes, { count: notes.length }));
    for (const w of notes.slice(0, MAX_HEADER_NOTES))
      c(`  ${w.line ? t(M.atLine, { line: w.line }) : ''}${w.message[locale]}${w.text ? t(M.quoted, { text: w.text }) : ''}`);
    if (notes.length > MAX_HEADER_NOTES) c(`  ${t(M.headerMore, { count: notes.length - MAX_HEADER_NOTES })}`);
  }
  if (r.preamble.length) {
    c(t(M.preamble));
    for (const p of r.preamble) c(`  ${p}`);
  }
  L.push(`format: ${r.format}`);
  emitMeta(L, r, locale);
  const sections = sectionsOf(r.format);
  for (const s of sections) {
    if (s.narrative) {
      const sec = r.sections.find((x) => x.key === s.key);
      if (!sec) {
        c(t(M.noSectionComment, { key: s.key, title: s.title }));
        continue;
      }
      if (sec.heading.replace(/\s/g, '') !== s.title) c(t(M.publishedHeading, { heading: sec.heading }));
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
    const table = r.tables.find((x) => x.key === s.key);
    const heading = r.headings[s.key];
    if (heading && heading.replace(/\s/g, '') !== s.title) c(t(M.publishedHeading, { heading }));
    if (heading === '') c(t(M.locatedComment, { title: s.title }));
    if (!table) {
      c(t(M.noTableComment, { key: s.key, title: s.title }));
      continue;
    }
    emitTable(L, table, locale);
  }
  if (r.meta.signature?.length) c(t(M.signature, { text: r.meta.signature.join(' / ') }));
  const extra = r.tables.flatMap((t) => t.extra);
  if (extra.length) {
    L.push('extra_rows:');
    for (const e of extra) {
      const vals = e.values.length <= 1 ? `value: ${value(e.values[0] ?? null)}` : `values: [${e.values.map(value).join(', ')}]`;
      L.push(
        `  - {table: ${e.table}, label: ${JSON.stringify(e.label)}, ${vals}}   # ${t(M.atLine, { line: e.line }).replace(/[：:]\s*$/, '')}`,
      );
    }
  }
  return `${L.join('\n')}\n`;
}

function emitMeta(L: string[], r: ImportedReport, locale: Locale): void {
  const m = r.meta;
  const t = (x: Message<Record<never, never>>) => say(locale, x);
  L.push('meta:');
  if (m.title) L.push(`  title: ${scalar(m.title)}`);
  if (m.organ) {
    const from =
      m.organFrom === 'signature' ? M.organFromSignature : m.organFrom === 'title' ? M.organFromTitle : M.organFromBody;
    L.push(`  organ: ${scalar(m.organ)}   # ${t(from)}`);
  } else L.push(`  organ: ""   # ${t(M.organMissing)}`);
  if (m.organKind) L.push(`  organ_kind: ${m.organKind}   # ${t(M.organKindInferred)}`);
  if (m.year !== undefined) L.push(`  year: ${m.year}`);
  if (m.period)
    L.push(`  period: {from: ${m.period.from}, to: ${m.period.to}}${m.period.inferred ? `   # ${t(M.periodInferred)}` : ''}`);
  if (m.publishedOn) L.push(`  published_on: ${m.publishedOn}   # ${t(M.publishedOn)}`);
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

function emitTable(L: string[], t: ImportedTable, locale: Locale): void {
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
          L.push(`${pad}# ${say(locale, M.groupAbsent, { key: n.key, label: labelAt(t.format, [t.key, n.key]) })}`);
          continue;
        }
        L.push(`${pad}${n.key}:`);
        walk(n.children, depth + 1);
        continue;
      }
      const row = byPath.get(n.row.path.join('.'));
      if (!row) {
        L.push(`${pad}# ${say(locale, M.rowAbsent, { key: n.key, label: n.row.label })}`);
        continue;
      }
      const cells = n.row.columns.map((col, k) => `${col.key}: ${value(row.values[k] ?? null)}`).join(', ');
      const notes: string[] = [];
      if (row.published) notes.push(say(locale, M.notePublishedLabel, { label: row.published }));
      notes.push(...row.notes.map((x) => x[locale]));
      L.push(
        `${pad}${(`${n.key}:`).padEnd(width)} {${cells}}${notes.length ? `   # ${oneLine(notes.join(locale === 'en' ? '; ' : '；'))}` : ''}`,
      );
    }
  };
  walk(tree(tmpl.rows), 1);
  for (const u of t.unplaced) L.push(`  # ${oneLine(say(locale, M.strayComment, { line: u.line, text: u.text }))}`);
}
