/**
 * IMPORT-*: what the importer (import/) could not read (SPEC.md §6.1). Not defects of the
 * report: they are shown apart from the report's own findings (category 'import'). The
 * importer raises them and records them in the YAML it writes (record.ts); the family's check
 * raises them again from that record.
 */
import { both, message } from '../../messages/define';
import { rule } from '../spec';

/** Where in the source document: a 1-based line (or page and line for PDF), and the source text. */
export interface ImportData {
  /** The report cell or section concerned, when there is one ('' for the whole document). */
  path: string;
  line?: number;
  page?: number;
  source?: string;
  /** Which limit was exceeded (IMPORT-TOO-LARGE). */
  limit?: string;
  table?: string;
}

const NO_EXAMPLE = 'raised by `nianbao import` on source documents; test/unit/import*.test.ts covers it';

export const IMPORT_UNPLACED = rule<ImportData>()({
  code: 'IMPORT-UNPLACED',
  severity: 'error',
  category: 'import',
  noExample: NO_EXAMPLE,
  title: both('原文数值无法放入模板单元格', 'A source value could not be placed'),
  explain: {
    fires: both(
      '导入时，原文中的一个数值或一行无法确定应放入模板的哪个单元格（行标签无法识别、列数不符、连写的数字无法唯一拆分等）；该值没有放入，原文和位置在提示中给出。',
      'On import, a value or row of the source could not be placed in a template cell (unrecognised label, wrong number of cells, run-together digits with more than one reading); it was not placed, and the source text and line are given.',
    ),
    fix: both(
      '对照原文手工填入该行，或修正原文后重新导入。',
      'Fill the row in by hand from the source, or correct the source and import again.',
    ),
  },
});

export const IMPORT_LABEL_MISMATCH = rule<ImportData>()({
  code: 'IMPORT-LABEL-MISMATCH',
  severity: 'error',
  category: 'import',
  noExample: NO_EXAMPLE,
  title: both('原文行标签与位置不符', 'A row label contradicts its slot'),
  explain: {
    fires: both(
      '原文某行的标签与它将要放入的模板行不符（如“本年新收…”一行落到“上年结转”的位置），该行没有放入。',
      'A row’s label in the source contradicts the template slot it would fill (e.g. “本年新收…” landing in 上年结转); the row was not placed.',
    ),
    fix: both('核对原文该行的位置和标签，手工填入。', 'Check the row’s place and label in the source and fill it in by hand.'),
  },
});

export const IMPORT_MISSING_TABLE = rule<ImportData>()({
  code: 'IMPORT-MISSING-TABLE',
  severity: 'error',
  category: 'import',
  noExample: NO_EXAMPLE,
  title: both('原文中未找到表格', 'A table was not found in the source'),
  explain: {
    fires: both(
      '原文中找不到表二、表三或表四（或找到了标题却读不出任何单元格）。',
      'Table 2, 3 or 4 was not found in the source (or its heading was found but no cell could be read).',
    ),
    fix: both(
      '确认原文包含该表；表格为图片时需手工录入。',
      'Check that the source has the table; a table printed as an image must be typed in.',
    ),
  },
});

export const IMPORT_HEADING = rule<ImportData>()({
  code: 'IMPORT-HEADING',
  severity: 'info',
  category: 'import',
  noExample: NO_EXAMPLE,
  title: both('部分标题为变体写法', 'A section heading in a variant wording'),
  explain: {
    fires: both(
      '原文某一部分的标题与模板写法不同（如“五、存在的主要问题及整改措施”、编号不同或缺少编号），已按含义识别。',
      'A section heading differs from the template’s wording (e.g. “五、存在的主要问题及整改措施”, other or missing numbering); it was recognised by its meaning.',
    ),
    fix: both(
      '无需处理；正式发布时宜使用模板标题。',
      'Nothing to do; the template’s heading is preferable in a published report.',
    ),
  },
});

export const IMPORT_NO_TEXT = rule<ImportData>()({
  code: 'IMPORT-NO-TEXT',
  severity: 'error',
  category: 'import',
  noExample: NO_EXAMPLE,
  title: both('原文没有文字层', 'The source has no text layer'),
  explain: {
    fires: both(
      'PDF 没有可提取的文字（扫描件或图片），无法导入。',
      'The PDF has no extractable text (a scan or images); it cannot be imported.',
    ),
    fix: both(
      '找到原文的文字版（网页、Word、带文字的 PDF），或手工录入。',
      'Find a text version (web page, Word, a PDF with text), or type the report in.',
    ),
  },
});

export const IMPORT_TOO_LARGE = rule<ImportData>()({
  code: 'IMPORT-TOO-LARGE',
  severity: 'error',
  category: 'import',
  noExample: NO_EXAMPLE,
  title: both('原文超出安全上限', 'The source exceeds a safety limit'),
  explain: {
    fires: both(
      '原文文件超出了导入的安全上限（文件大小、解压后大小、压缩包条目、段落、表格行或单元格数、嵌套层数、页数或耗时），导入已停止。一份年报远小于这些上限。',
      'The source exceeds an import safety limit (file size, uncompressed size, zip entries, paragraphs, table rows or cells, nesting depth, pages or time); the import stopped. A real report is far below these limits.',
    ),
    fix: both(
      '确认文件确为年报；如是，请拆分或另存为简单格式后重新导入。',
      'Check that the file is a report; if so, split it or save it in a simpler format and import again.',
    ),
  },
});

export const IMPORT_UNREADABLE = rule<ImportData>()({
  code: 'IMPORT-UNREADABLE',
  severity: 'error',
  category: 'import',
  noExample: NO_EXAMPLE,
  title: both('原文无法读取', 'The source cannot be read'),
  explain: {
    fires: both(
      '原文文件已损坏、加密，或与其扩展名不符（如改名为 .docx 的其他文件、含 DTD 的 XML、无法解码的文本），无法导入。',
      'The source is damaged, encrypted, or not what its name says (another file renamed .docx, XML with a DTD, text no encoding decodes); it cannot be imported.',
    ),
    fix: both(
      '用原程序重新另存（Word/WPS 另存为 .docx，或另存为网页、PDF）后再导入。',
      'Save it again from the program that made it (Word/WPS as .docx, or as a web page or PDF) and import that.',
    ),
  },
});

export const IMPORT_META = rule<ImportData>()({
  code: 'IMPORT-META',
  severity: 'warning',
  category: 'import',
  noExample: NO_EXAMPLE,
  title: both('未能读出机关或年度', 'Organ or year could not be read'),
  explain: {
    fires: both(
      '从标题、开头几行和落款中未能读出机关名称或报告年度。',
      'The organ or the report year could not be read from the title, the opening lines or the signature.',
    ),
    fix: both('在 `meta.organ`、`meta.year` 中填写。', 'Fill in `meta.organ` and `meta.year`.'),
  },
});

function where(at: string, paged: string, plain: string): string {
  const [p, l] = at.includes(':') ? at.split(':') : ['', at];
  return (p ? paged : plain).replace('$p', p).replace('$l', l);
}

export const messages = {
  /** A finding recorded by the importer (record.ts): its message as recorded, with the source line. */
  /** `line` is a line, or page:line for a PDF. */
  recorded: message<{ zh: string; en: string; line: string }>(
    (a) => `导入：${a.zh}${a.line ? `（原文${where(a.line, '第 $p 页第 $l 行', '第 $l 行')}）` : ''}`,
    (a) => `Import: ${a.en}${a.line ? ` (source ${where(a.line, 'page $p, line $l', 'line $l')})` : ''}`,
  ),
  concerns: message(
    () => '所涉单元格',
    () => 'The cell concerned',
  ),
};

/** The family's rules, in the order docs/RULES.md lists them. */
export const RULES = [
  IMPORT_UNPLACED,
  IMPORT_LABEL_MISMATCH,
  IMPORT_MISSING_TABLE,
  IMPORT_HEADING,
  IMPORT_NO_TEXT,
  IMPORT_TOO_LARGE,
  IMPORT_UNREADABLE,
  IMPORT_META,
] as const;
