/**
 * The report as a Word document (DOCX, with the `docx` package): title, the six sections,
 * the narrative and the tables in the official layout (the layout model the HTML page reads,
 * layout/, merged cells as row and column spans). No check results: a document to publish.
 */
import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, VerticalAlign, WidthType } from 'docx';
import { formatOfReport } from '../core/model/meta';
import type { Report } from '../core/model/report';
import type { FormatId, Locale } from '../core/types';
import { RENDER } from './messages';
import type { RenderInput } from './html';
import { cellOf, cellText, documentLayout } from './layout/document';
import type { LayoutCell, LayoutTable } from './layout/model';

const BODY = { ascii: 'Times New Roman', eastAsia: '仿宋_GB2312', hAnsi: 'Times New Roman' };
const HEAD = { ascii: 'Times New Roman', eastAsia: '黑体', hAnsi: 'Times New Roman' };
const TITLE = { ascii: 'Times New Roman', eastAsia: '方正小标宋简体', hAnsi: 'Times New Roman' };
const TABLE = { ascii: 'Times New Roman', eastAsia: '宋体', hAnsi: 'Times New Roman' };

/** Row labels read left-aligned, like the template; everything else is centred. */
const LEFT: ReadonlySet<LayoutCell['role']> = new Set(['row']);

function table(report: Report, t: LayoutTable): (Paragraph | Table)[] {
  const text = (c: LayoutCell) => (c.role === 'value' ? cellText(cellOf(report, c)) : c.label);
  const rows = [...t.head, ...t.body].map(
    (r) =>
      new TableRow({
        children: r.map(
          (c) =>
            new TableCell({
              rowSpan: c.rowspan > 1 ? c.rowspan : undefined,
              columnSpan: c.colspan > 1 ? c.colspan : undefined,
              verticalAlign: VerticalAlign.CENTER,
              children: [
                new Paragraph({
                  alignment: LEFT.has(c.role) ? AlignmentType.LEFT : AlignmentType.CENTER,
                  children: [new TextRun({ text: text(c), font: TABLE, size: 18, bold: c.role === 'caption' })],
                }),
              ],
            }),
        ),
      }),
  );
  const out: (Paragraph | Table)[] = [];
  if (t.caption)
    out.push(
      new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: t.caption, font: TABLE, size: 20 })] }),
    );
  out.push(new Table({ rows, width: { size: 100, type: WidthType.PERCENTAGE } }));
  out.push(new Paragraph({ children: [] }));
  return out;
}

/** `locale`: the language of the notes nianbao adds (a missing section); the document stays as printed. */
export async function renderDocx(input: RenderInput, locale: Locale = 'zh-CN'): Promise<Uint8Array> {
  const format: FormatId = input.format ?? formatOfReport(input.report);
  const layout = documentLayout(input.report, format, locale);
  const children: (Paragraph | Table)[] = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 200 },
      children: [new TextRun({ text: layout.title, font: TITLE, size: 44 })],
    }),
  ];
  if (layout.meta.length)
    children.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { after: 300 },
        children: [new TextRun({ text: layout.meta.join(' · '), font: BODY, size: 24 })],
      }),
    );
  for (const s of layout.sections) {
    children.push(
      new Paragraph({
        spacing: { before: 240, after: 120 },
        indent: { firstLine: 640 },
        children: [new TextRun({ text: s.title, font: HEAD, size: 32 })],
      }),
    );
    const paragraphs = s.narrative ? s.text.split('\n').filter((p) => p.trim() !== '') : [];
    for (const p of paragraphs) {
      children.push(
        new Paragraph({
          indent: { firstLine: 640 },
          spacing: { line: 560 },
          children: [new TextRun({ text: p, font: BODY, size: 32 })],
        }),
      );
    }
    if (s.narrative && !paragraphs.length)
      children.push(
        new Paragraph({
          indent: { firstLine: 640 },
          children: [new TextRun({ text: RENDER.sectionMissing[locale], font: BODY, size: 32, italics: true })],
        }),
      );
    for (const t of s.tables) children.push(...table(input.report, t));
  }
  const doc = new Document({
    creator: 'nianbao',
    title: layout.title,
    sections: [{ properties: { page: { margin: { top: 2098, bottom: 1984, left: 1588, right: 1474 } } }, children }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
