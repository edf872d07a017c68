/**
 * Every text the importer writes — findings, messages, the comments of the YAML it emits and
 * the CLI's closing line — in zh-CN and en (core/messages/define.ts). One catalog, so that an
 * English import is English throughout and no text is typed twice.
 */
import { message } from '../core/messages/define';
import { tableNameEn } from '../core/facts/tables';

type Cells = { label: string; count: number; n: number; table: string };

export const M = {
  // Findings (IMPORT-*).
  labelMismatch: message<{ table: string; label: string; slot: string; best: string }>(
    (a) => `${a.table}：原文行标签“${a.label}”与它所在的位置“${a.slot}”不符（更像“${a.best}”），该行未放入`,
    (a) =>
      `${tableNameEn(a.table)}: the row label “${a.label}” contradicts its slot “${a.slot}” (it reads as “${a.best}”); the row was not placed`,
  ),
  cellsAmbiguous: message<Cells>(
    (a) => `${a.table}“${a.label}”一行有 ${a.count} 个单元格，模板有 ${a.n} 列，按勾稽关系仍无法确定各值所属的列，该行未放入`,
    (a) =>
      `${tableNameEn(a.table)} row “${a.label}” has ${a.count} cells for ${a.n} columns, and the sums do not tell which column each value is in; the row was not placed`,
  ),
  cellsNoReading: message<Cells>(
    (a) => `${a.table}“${a.label}”一行有 ${a.count} 个单元格，模板有 ${a.n} 列，没有一种放法符合本行合计，该行未放入`,
    (a) =>
      `${tableNameEn(a.table)} row “${a.label}” has ${a.count} cells for ${a.n} columns, and no placement keeps the row’s total; the row was not placed`,
  ),
  runAmbiguous: message<Cells>(
    (a) => `${a.table}“${a.label}”一行的数字连写在一起，拆成 ${a.n} 列有多种拆法，行列合计也无法确定唯一一种，该行未放入`,
    (a) =>
      `${tableNameEn(a.table)} row “${a.label}”: its digits are run together and can be cut into ${a.n} cells in several ways that the row and column sums do not tell apart; the row was not placed`,
  ),
  runNoReading: message<Cells>(
    (a) => `${a.table}“${a.label}”一行的数字连写在一起，没有一种拆法符合列数和本行合计，该行未放入`,
    (a) =>
      `${tableNameEn(a.table)} row “${a.label}”: its digits are run together and no cut fits the ${a.n} columns and the row’s total; the row was not placed`,
  ),
  runTooMany: message<Cells>(
    (a) => `${a.table}“${a.label}”一行的数字连写在一起，可能的拆法太多，无法判断，该行未放入`,
    (a) =>
      `${tableNameEn(a.table)} row “${a.label}”: its digits are run together with too many possible cuts to judge; the row was not placed`,
  ),
  surplus: message<Cells>(
    (a) => `${a.table}“${a.label}”一行有 ${a.count} 个单元格，模板只有 ${a.n} 列：多出的值未放入`,
    (a) => `${tableNameEn(a.table)} row “${a.label}” has ${a.count} cells for ${a.n} columns: the surplus values were not placed`,
  ),
  doubtfulBlank: message<{ label: string; column: string; table: string }>(
    (a) =>
      `${a.table}“${a.label}”一行的“${a.column}”读作空白，但版面在此有合并单元格、列数不齐：该值可能落在了相邻的行，请对照原文`,
    (a) =>
      `${tableNameEn(a.table)} row “${a.label}”: “${a.column}” reads blank where the layout has ragged merged cells; its value may have landed in a neighbouring row: check the source`,
  ),
  doubtfulLoose: message<{ label: string; column: string; table: string }>(
    (a) => `${a.table}“${a.label}”一行的“${a.column}”读作空白，但紧接着有无法归位的数值：它们可能属于此行，请对照原文`,
    (a) =>
      `${tableNameEn(a.table)} row “${a.label}”: “${a.column}” reads blank, and loose values follow that may be this row’s: check the source`,
  ),
  groupRunUnplaced: message<{ table: string; need: number; count: number }>(
    (a) => `${a.table}应有 ${a.need} 个单元格，原文有 ${a.count} 个，按勾稽关系无法确定各值所属的列，未放入`,
    (a) =>
      `${tableNameEn(a.table)} needs ${a.need} cells and the source has ${a.count}; the sums do not tell which column each is in: not placed`,
  ),
  rowUnplaced: message<{ label: string; table: string; like: string }>(
    (a) => `${a.table}：原文“${a.label}”一行（像是“${a.like}”）无法放入：该行的位置已被占用或次序不符`,
    (a) =>
      `${tableNameEn(a.table)}: the row “${a.label}” (it reads as “${a.like}”) could not be placed: that slot is taken or out of order`,
  ),
  valuesUnlabelled: message<{ label: string; table: string; like: string }>(
    (a) => `${a.table}：一行数值没有行标签，也无法从上下文确定所属的行，未放入`,
    (a) => `${tableNameEn(a.table)}: a row of values has no label and its row cannot be told from the text around it; not placed`,
  ),
  contextUnconfirmed: message<{ label: string; table: string }>(
    (a) => `${a.table}“${a.label}”一行没有自己的行标签，是按上下文放入的，但各列合计与之不符：该行未放入`,
    (a) =>
      `${tableNameEn(a.table)} row “${a.label}” has no label of its own and was placed by the text around it, but the column sums disagree: the row was not placed`,
  ),
  missingSection: message<{ name: string }>(
    (a) => `找不到“${a.name}”一节，无法读取该表`,
    (a) => `Section “${a.name}” not found: its table could not be read`,
  ),
  noCells: message<{ name: string }>(
    (a) => `“${a.name}”一节中没有可读的表格单元格`,
    (a) => `No table cells could be read under “${a.name}”`,
  ),
  headingVariant: message<{ title: string; published: string }>(
    (a) => `标题“${a.published}”按含义识别为“${a.title}”`,
    (a) => `The heading “${a.published}” was recognised as “${a.title}” by its meaning`,
  ),
  metaMissing: message<{ what: string }>(
    (a) =>
      `未能从标题、开头几行和落款中读出${a.what === 'organ' ? '机关名称' : a.what === 'year' ? '报告年度' : '机关名称和报告年度'}`,
    (a) =>
      `The ${a.what === 'organ' ? 'organ' : a.what === 'year' ? 'report year' : 'organ and the report year'} could not be read from the title, the opening lines or the signature`,
  ),

  // Messages (how something was read; what was left out on purpose).
  headingLocated: message<{ title: string }>(
    (a) => `找不到“${a.title}”标题，按表格内容定位`,
    (a) => `No heading “${a.title}”: the table was found by its content`,
  ),
  sectionAbsent: message<{ name: string }>(
    (a) => `原文没有“${a.name}”一节`,
    (a) => `The source has no section “${a.name}”`,
  ),
  chrome: message(
    () => '报告末尾的网页附带文字（页脚等）未导入',
    () => 'Web page furniture after the report (footer etc.) was not imported',
  ),
  chromeBefore: message(
    () => '报告标题前的网页附带文字（导航、栏目、发布信息等）未导入',
    () => 'Web page furniture before the report’s title (navigation, column, publishing details) was not imported',
  ),
  extraRow: message<{ label: string; table: string }>(
    (a) => `“${a.label}”不是${a.table}模板中的行，记入 extra_rows`,
    (a) => `“${a.label}” is not a row of ${tableNameEn(a.table)}; kept in extra_rows`,
  ),
  strayText: message<{ table: string }>(
    (a) => `${a.table}中的文字无法归入任何单元格，已作为注释保留`,
    (a) => `Text in ${tableNameEn(a.table)} fits no cell; kept as a comment`,
  ),
  rowNotFound: message<{ label: string; table: string }>(
    (a) => `原文${a.table}中找不到“${a.label}”一行：原文缺少此行，或此行无法读取`,
    (a) => `Row “${a.label}” of ${tableNameEn(a.table)} not found in the source: the report lacks it, or it could not be read`,
  ),
  layoutResidue: message<{ count: number }>(
    (a) => `一行 ${a.count} 个空单元格没有行标签，已忽略（版式残留）`,
    (a) => `A row of ${a.count} blank cells without a label was ignored (layout residue)`,
  ),
  truncatedUtf8: message<{ bytes: number }>(
    (a) => `文件末尾的最后一个字符不完整（${a.bytes} 字节），已略去：文件可能没有下载完整`,
    (a) => `The last character of the file is cut off (${a.bytes} byte(s)) and was left out: the file may be incomplete`,
  ),
  encodingRead: message<{ encoding: string }>(
    (a) => `源文件编码为 ${a.encoding}，已按此编码读取`,
    (a) => `The source is encoded in ${a.encoding} and was read as such`,
  ),
  docxConversion: message<{ text: string }>(
    (a) => `DOCX 转换：${a.text}`,
    (a) => `DOCX conversion: ${a.text}`,
  ),

  // Comments on rows and cells in the YAML.
  noteNotPlaced: message<{ text: string }>(
    (a) => `未能放入，原文：${a.text}`,
    (a) => `not placed; the source reads: ${a.text}`,
  ),
  noteBySums: message<{ count: number; n: number }>(
    (a) => `原文 ${a.count} 个单元格（模板 ${a.n} 列），按本行合计唯一确定所属的列`,
    (a) => `${a.count} source cells for ${a.n} columns, placed by the only reading the row’s total allows`,
  ),
  noteByPosition: message<{ count: number; n: number }>(
    (a) => `原文 ${a.count} 个单元格（模板 ${a.n} 列，空格消失），按各值在行中的位置确定所属的列`,
    (a) => `${a.count} source cells for ${a.n} columns (blank cells vanished), placed by their position on the line`,
  ),
  noteSurplus: message<{ count: number; n: number }>(
    (a) => `原文 ${a.count} 个单元格（模板 ${a.n} 列），按本行合计确定属于本行的 ${a.n} 个`,
    (a) => `${a.count} source cells for ${a.n} columns; the row’s total tells which ${a.n} belong to it`,
  ),
  noteRunSplit: message<{ run: string; count: number; n: number }>(
    (a) => `原文数字连写“${a.run}”，拆为 ${a.count} 个数${a.count < a.n ? '（其余为空）' : ''}：唯一符合列数和合计的拆法`,
    (a) =>
      `run-together digits “${a.run}” cut into ${a.count} numbers${a.count < a.n ? ' (the rest blank)' : ''}: the only cut that fits the columns and the sums`,
  ),
  noteByColumns: message(
    () => '由各列合计确定',
    () => 'decided by the column sums',
  ),
  noteBlankRow: message(
    () => '原文此行只有标签、没有数值（空白行）',
    () => 'the source prints this row’s label with no values (a blank row)',
  ),
  noteAssembled: message<{ lines: string }>(
    (a) => `部分单元格取自第 ${a.lines} 行无标签的数值（按所在列；各种分配方式结果相同）`,
    (a) =>
      `cells taken from the unlabelled values on lines ${a.lines} (by their columns; every way of handing them out gives the same values)`,
  ),
  noteExchanged: message(
    () => '按上下文放入的两行按各列合计对调',
    () => 'exchanged with another row placed by the text around it, as the column sums require',
  ),
  noteMerged: message<{ column: string }>(
    (a) => `${a.column}：合并单元格`,
    (a) => `${a.column}: merged cell`,
  ),
  noteSurplusCells: message<{ cells: string }>(
    (a) => `原文多出的单元格：${a.cells}`,
    (a) => `surplus source cells: ${a.cells}`,
  ),
  noteThousands: message<{ column: string; raw: string }>(
    (a) => `${a.column}：原文“${a.raw}”（千位分隔符）`,
    (a) => `${a.column}: the source reads “${a.raw}” (thousands separators)`,
  ),
  noteReadAs: message<{ column: string; raw: string }>(
    (a) => `${a.column}：原文“${a.raw}”`,
    (a) => `${a.column}: the source reads “${a.raw}”`,
  ),
  notePublishedLabel: message<{ label: string }>(
    (a) => `原文行标签“${a.label}”`,
    (a) => `published label “${a.label}”`,
  ),

  // The YAML's header and section comments.
  headerSource: message<{ name: string; layout: string }>(
    (a) => `来源：${a.name}（nianbao import 导入，${a.layout}；原样保留发布时的错误）`,
    (a) => `Source: ${a.name} (imported by nianbao import, ${a.layout}; published errors kept as published)`,
  ),
  headerCoverage: message<{ coverage: string; mixed: string }>(
    (a) => `读取：${a.coverage || '没有读到表格'}${a.mixed ? '；新旧模板混用' : ''}`,
    (a) => `Read: ${a.coverage || 'no table'}${a.mixed ? '; old and new templates mixed' : ''}`,
  ),
  headerFindings: message<{ count: number }>(
    (a) =>
      `导入发现 ${a.count} 条（nianbao check 在“导入发现”下单独列出；对照原文核对并补正后，删除对应的 nianbao-import 注释行）：`,
    (a) =>
      `${a.count} import finding(s) (nianbao check lists them apart under “import findings”; once checked against the source and fixed, delete the nianbao-import comment line):`,
  ),
  headerNotes: message<{ count: number }>(
    (a) => `导入说明 ${a.count} 条：`,
    (a) => `${a.count} import note(s):`,
  ),
  headerMore: message<{ count: number }>(
    (a) => `……另有 ${a.count} 条`,
    (a) => `… ${a.count} more`,
  ),
  atLine: message<{ line: number }>(
    (a) => `第 ${a.line} 行：`,
    (a) => `line ${a.line}: `,
  ),
  quoted: message<{ text: string }>(
    (a) => `（原文：${a.text}）`,
    (a) => ` (source: ${a.text})`,
  ),
  preamble: message(
    () => '正文前的导语（不属于任何一节），原文如下：',
    () => 'Opening text before the first section (part of no section), as published:',
  ),
  noSectionComment: message<{ key: string; title: string }>(
    (a) => `${a.key}：原文没有“${a.title}”一节`,
    (a) => `${a.key}: the source has no section “${a.title}”`,
  ),
  publishedHeading: message<{ heading: string }>(
    (a) => `原文标题：“${a.heading}”`,
    (a) => `published heading: “${a.heading}”`,
  ),
  locatedComment: message<{ title: string }>(
    (a) => `原文没有“${a.title}”标题，按表格内容定位`,
    (a) => `the source has no heading “${a.title}”; the table was found by its content`,
  ),
  noTableComment: message<{ key: string; title: string }>(
    (a) => `${a.key}：没有读到“${a.title}”的表格`,
    (a) => `${a.key}: no table read for “${a.title}”`,
  ),
  signature: message<{ text: string }>(
    (a) => `落款：${a.text}`,
    (a) => `signature: ${a.text}`,
  ),
  groupAbsent: message<{ key: string; label: string }>(
    (a) => `${a.key}：原文缺少“${a.label}”各行`,
    (a) => `${a.key}: the source lacks the rows of “${a.label}”`,
  ),
  rowAbsent: message<{ key: string; label: string }>(
    (a) => `${a.key}：原文缺少此行（${a.label}）`,
    (a) => `${a.key}: the source lacks this row (${a.label})`,
  ),
  strayComment: message<{ line: number; text: string }>(
    (a) => `未能归位的原文（第 ${a.line} 行）：${a.text}`,
    (a) => `source text that fits no cell (line ${a.line}): ${a.text}`,
  ),
  organFromSignature: message(
    () => '取自落款',
    () => 'from the signature',
  ),
  organFromTitle: message(
    () => '取自标题',
    () => 'from the title',
  ),
  organFromBody: message(
    () => '取自开头',
    () => 'from the opening lines',
  ),
  organMissing: message(
    () => '报告中找不到机关名称',
    () => 'no organ name found in the report',
  ),
  organKindInferred: message(
    () => '按机关名称推断',
    () => 'inferred from the organ’s name',
  ),
  periodInferred: message(
    () => '报告未写明统计期限，按年度推定',
    () => 'the report states no period: taken from the year',
  ),
  publishedOn: message(
    () => '落款日期',
    () => 'the signature’s date',
  ),

  // The CLI's closing line.
  summary: message<{ file: string; format: string; coverage: string; findings: number; notes: number; complete: string }>(
    (a) =>
      `${a.file}：格式 ${a.format}；读取 ${a.coverage || '无表格'}；导入发现 ${a.findings} 条，说明 ${a.notes} 条${a.complete ? '' : '；有单元格未能读取或放入（退出码 1）'}`,
    (a) =>
      `${a.file}: format ${a.format}; read ${a.coverage || 'no table'}; ${a.findings} import finding(s), ${a.notes} note(s)${a.complete ? '' : '; some cells could not be read or placed (exit code 1)'}`,
  ),
};

/** How the source was laid out, for the YAML's header. */
export const LAYOUTS = {
  cells: message(
    () => '纯文本，每格一行',
    () => 'plain text, one cell per line',
  ),
  pdf: message(
    () => 'PDF 文本，制表符分隔单元格',
    () => 'PDF text, cells separated by tabs',
  ),
  pipe: message(
    () => '纯文本，竖线表格',
    () => 'plain text, pipe tables',
  ),
  prose: message(
    () => '纯文本，每行一行表格或无表格标记',
    () => 'plain text, a table row per line or no table markup',
  ),
  runs: message(
    () => '网页文字，全文一行、单元格连写',
    () => 'web page text, the whole report on one line with cells run together',
  ),
  html: message(
    () => 'HTML',
    () => 'HTML',
  ),
  docx: message(
    () => 'DOCX（经 mammoth 转为 HTML）',
    () => 'DOCX (through mammoth’s HTML)',
  ),
  'pdf-geometry': message(
    () => 'PDF（按版面几何读取）',
    () => 'PDF (read by its geometry)',
  ),
};
