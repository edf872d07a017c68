/**
 * Safety limits of the importer, shared by every input kind (text, HTML, DOCX, and PDF when it
 * comes). Published reports are small — about 20 KB of text, a few hundred paragraphs, three
 * tables of some 60 rows and 400 cells — so every limit sits orders of magnitude above a real
 * report and far below what exhausts memory or time. Exceeding one ends the import with the
 * import finding IMPORT-TOO-LARGE (an `ImportFailure`), naming the limit in both languages; input
 * that cannot be read at all (a corrupt zip, a DTD) ends in IMPORT-UNREADABLE.
 * Nothing is written in either case.
 *
 * The CLI imports in its own process: these limits, checked as the input is read, bound it. The
 * language server also runs each import in a worker thread with a heap limit (WORKER_HEAP_MB) and
 * terminates it at the time limit, so even an input that slipped past a count cannot block or
 * kill the server.
 */
import { render } from '../core/messages/define';
import { ImportFailure, messages } from './failure';

export interface Limit {
  max: number;
  /** What is counted, for the message. */
  zh: string;
  en: string;
  /** Why the limit is where it is. */
  whyZh: string;
  whyEn: string;
}

const limit = (max: number, zh: string, en: string, whyZh: string, whyEn: string): Limit => ({ max, zh, en, whyZh, whyEn });

export const LIMITS = {
  /** Bytes of the input file. */
  inputBytes: limit(
    20 * 1024 * 1024,
    '文件大小（字节）',
    'file size (bytes)',
    '已发布的年报 DOCX/HTML 通常小于 2 MB',
    'published reports are under 2 MB as DOCX or HTML',
  ),
  /** Zip entries of a DOCX (checked in the central directory before anything is unpacked). */
  zipEntries: limit(
    2_000,
    'DOCX 压缩包条目数',
    'entries in the DOCX zip',
    'Word 文档通常只有 10–50 个部件（另加图片）',
    'a Word document has 10–50 parts plus its images',
  ),
  /** Bytes of the DOCX parts once unpacked (declared sizes, and the XML parts' real sizes as they inflate). */
  uncompressedBytes: limit(
    64 * 1024 * 1024,
    'DOCX 解压后大小（字节）',
    'uncompressed DOCX size (bytes)',
    '年报的 DOCX 解压后通常小于 5 MB；更大的多为“压缩炸弹”',
    'a report DOCX unpacks to under 5 MB; more is a zip bomb',
  ),
  /** Paragraphs (DOCX `w:p`, HTML block elements) or lines of a text file. */
  paragraphs: limit(
    20_000,
    '段落或行数',
    'paragraphs or lines',
    '年报约有数百至两千个段落（表格每个单元格也算一段）',
    'a report has a few hundred to 2,000 paragraphs (each table cell holds one)',
  ),
  /** Table rows (DOCX `w:tr`, HTML `tr`). */
  rows: limit(5_000, '表格行数', 'table rows', '年报的三张表共约 60 行', 'the three tables of a report have about 60 rows'),
  /** Table cells (DOCX `w:tc`, HTML `td`/`th`). */
  cells: limit(50_000, '单元格数', 'table cells', '年报的表格共约 400 个单元格', 'the tables of a report have about 400 cells'),
  /** Element nesting (DOCX XML, HTML): bounds the recursion of every tree walker (mammoth's included). */
  nesting: limit(
    256,
    '元素嵌套层数',
    'element nesting depth',
    '真实文档嵌套不超过约 60 层；过深的嵌套会使递归处理溢出',
    'real documents nest under about 60 levels; deeper nesting overflows recursive walkers',
  ),
  /** Characters of one line, paragraph or cell. */
  lineChars: limit(
    200_000,
    '单行（段落、单元格）字符数',
    'characters in one line, paragraph or cell',
    '年报最长的段落也不过数千字',
    'the longest paragraph of a report has a few thousand characters',
  ),
  /** Wall-clock time of one import. */
  timeMs: limit(20_000, '耗时（毫秒）', 'time (ms)', '真实年报的导入不到 1 秒', 'importing a real report takes under a second'),
} satisfies Record<string, Limit>;

export type LimitName = keyof typeof LIMITS;

/** Heap of the language server's import worker (resourceLimits.maxOldGenerationSizeMb). */
export const WORKER_HEAP_MB = 512;

/** The IMPORT-TOO-LARGE error for `name` at `actual`. */
export function tooLarge(name: LimitName | 'workerHeap', actual: number | string): ImportFailure {
  const l: Limit =
    name === 'workerHeap'
      ? limit(
          WORKER_HEAP_MB,
          '内存（MB）',
          'memory (MB)',
          '导入进程的内存上限，保护语言服务器',
          "the import worker's memory limit, which protects the language server",
        )
      : LIMITS[name];
  const text = render(messages.tooLarge, {
    limitZh: l.zh,
    limitEn: l.en,
    actual,
    max: l.max,
    reasonZh: l.whyZh,
    reasonEn: l.whyEn,
  });
  return new ImportFailure('IMPORT-TOO-LARGE', text, { name, value: l.max });
}

/** Input that cannot be read (corrupt, hostile or not what its name says). */
export function unreadable(zh: string, en: string): ImportFailure {
  return new ImportFailure('IMPORT-UNREADABLE', render(messages.unreadable, { detailZh: zh, detailEn: en }));
}

/** Throws IMPORT-TOO-LARGE when `actual` is over the limit. */
export function within(name: LimitName, actual: number): void {
  if (actual > LIMITS[name].max) throw tooLarge(name, actual);
}

/** The import's clock: `check()` between stages and inside long loops. */
export class Deadline {
  private readonly start = Date.now();
  private readonly end: number;

  constructor(ms = LIMITS.timeMs.max) {
    this.end = this.start + ms;
  }

  check(): void {
    const now = Date.now();
    if (now > this.end) throw tooLarge('timeMs', now - this.start);
  }
}
