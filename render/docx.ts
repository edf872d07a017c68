/**
 * The report as a Word document (DOCX, with the `docx` package): title, the six sections,
 * the narrative and the tables in the official layout (the same cell layout as the HTML,
 * merged cells as row and column spans). No check results: a document to publish.
 */
import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, VerticalAlign, WidthType } from 'docx';
import { reportLayout, type LTable, type RenderInput } from './index';

const BODY = { ascii: 'Times New Roman', eastAsia: '仿宋_GB2312', hAnsi: 'Times New Roman' };
const HEAD = { ascii: 'Times New Roman', eastAsia: '黑体', hAnsi: 'Times New Roman' };
const TITLE = { ascii: 'Times New Roman', eastAsia: '方正小标宋简体', hAnsi: 'Times New Roman' };
const TABLE = { ascii: 'Times New Roman', eastAsia: '宋体', hAnsi: 'Times New Roman' };

function table(t: LTable): (Paragraph | Table)[] {
  const rows = [...t.head, ...t.body].map(
    (r) =>
      new TableRow({
        children: r.map(
          (c) =>
            new TableCell({
              rowSpan: c.rowspan && c.rowspan > 1 ? c.rowspan : undefined,
              columnSpan: c.colspan && c.colspan > 1 ? c.colspan : undefined,
              verticalAlign: VerticalAlign.CENTER,
              children: [
                new Paragraph({
                  alignment: /row-label/.test(c.cls) && !/group/.test(c.cls) ? AlignmentType.LEFT : AlignmentType.CENTER,
                  children: [new TextRun({ text: c.text, font: TABLE, size: 18, bold: /caption/.test(c.cls) })],
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

export async function renderDocx(input: RenderInput): Promise<Uint8Array> {
  const layout = reportLayout(input);
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
    for (const p of s.paragraphs ?? []) {
      children.push(
        new Paragraph({
          indent: { firstLine: 640 },
          spacing: { line: 560 },
          children: [new TextRun({ text: p, font: BODY, size: 32 })],
        }),
      );
    }
    if (s.paragraphs && !s.paragraphs.length)
      children.push(
        new Paragraph({
          indent: { firstLine: 640 },
          children: [new TextRun({ text: '（原文缺少此节）', font: BODY, size: 32, italics: true })],
        }),
      );
    for (const t of s.tables ?? []) children.push(...table(t));
  }
  const doc = new Document({
    creator: 'nianbao',
    title: layout.title,
    sections: [{ properties: { page: { margin: { top: 2098, bottom: 1984, left: 1588, right: 1474 } } }, children }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
