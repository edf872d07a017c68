/**
 * The only file that talks to pdf.js (pdfjs-dist, legacy build for Node 20): PDF bytes → pages of
 * pieces and ruling lines. pdf.js runs in-process through its "fake worker" (the worker module
 * is handed over as `globalThis.pdfjsWorker`), with no network, no font loading, no canvas, no
 * eval. The work is bounded by the limits below; failures are ImportFailures.
 *
 * pdfjs-dist is pinned to 5.0.375: later 5.x versions create a DOMMatrix when the module loads,
 * which needs the optional native canvas package in Node; 5.0 does not.
 */
import { ImportFailure } from '../failure';
import { bodySize, type Box, type Piece } from './geometry';
import { type OpCodes, rulesOf, TooManyPathOps } from './paths';
import { piecesOf, type TextItemLike } from './pieces';

/** Reports run to 5–30 pages; a 200-page file is something else (a gazette, a yearbook). */
export const MAX_PAGES = 200;
/** Text items in the whole file: a dense report page has under 2,000 even at one per character. */
export const MAX_TEXT_ITEMS = 200_000;
/** Path coordinates per page: a ruled table page has a few thousand; maps and charts can have millions. */
export const MAX_PATH_COORDS = 400_000;
/** Fewer characters than this per page on average: the pages are images (a scan) with no text layer. */
export const MIN_CHARS_PER_PAGE = 10;
export interface PdfLimits {
  maxPages: number;
  maxTextItems: number;
  maxPathCoords: number;
}

/** The limits in force; tests pass smaller ones to see them trigger. */
export const PDF_LIMITS: PdfLimits = { maxPages: MAX_PAGES, maxTextItems: MAX_TEXT_ITEMS, maxPathCoords: MAX_PATH_COORDS };

/** A ruling line is at most this thick (em of the page's body text): thicker fills are backgrounds. */
const RULE_MAX_THICKNESS_EM = 0.4;
/** A ruling line is at least this long (em): shorter boxes are corner joints and dots. */
const RULE_MIN_LENGTH_EM = 0.5;

export interface PdfPage {
  /** 1-based page number. */
  number: number;
  width: number;
  height: number;
  pieces: Piece[];
  rules: Box[];
}

type PdfjsModule = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjsLoaded: Promise<PdfjsModule> | undefined;

/**
 * pdf.js complains on load (with console.log, i.e. on stdout, where the CLI writes YAML and the
 * server may speak LSP) that it cannot find the optional canvas package; nothing here renders.
 */
const LOAD_NOISE = /^Warning: Cannot (access the `require` function|polyfill|load "@napi-rs\/canvas")/;

function pdfjs(): Promise<PdfjsModule> {
  pdfjsLoaded ??= (async () => {
    const { log, warn } = console;
    console.log = (...args: unknown[]) => {
      if (!LOAD_NOISE.test(String(args[0]))) log(...args);
    };
    console.warn = (...args: unknown[]) => {
      if (!LOAD_NOISE.test(String(args[0]))) warn(...args);
    };
    try {
      const lib = await import('pdfjs-dist/legacy/build/pdf.mjs');
      const worker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
      (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
      return lib;
    } finally {
      console.log = log;
      console.warn = warn;
    }
  })();
  return pdfjsLoaded;
}

const tooLarge = (name: string, value: number, zh: string, en: string) =>
  new ImportFailure('IMPORT-TOO-LARGE', { 'zh-CN': zh, en }, { name, value });

function unreadable(e: unknown): ImportFailure {
  const name = (e as { name?: string })?.name;
  if (name === 'PasswordException') {
    return new ImportFailure('IMPORT-UNREADABLE', {
      'zh-CN': 'PDF 文件已加密（需要密码），无法读取',
      en: 'The PDF is encrypted (password-protected) and cannot be read',
    });
  }
  const msg = String((e as Error)?.message ?? e)
    .split('\n')[0]
    .slice(0, 200);
  return new ImportFailure('IMPORT-UNREADABLE', {
    'zh-CN': `不是可读取的 PDF 文件（文件损坏或不完整）：${msg}`,
    en: `Not a readable PDF (damaged or incomplete file): ${msg}`,
  });
}

export async function readPdf(bytes: Uint8Array, limits: PdfLimits = PDF_LIMITS): Promise<PdfPage[]> {
  const lib = await pdfjs();
  const task = lib.getDocument({
    // pdf.js may transfer (detach) the buffer it is given, and wants a plain Uint8Array: a copy.
    data: new Uint8Array(bytes),
    verbosity: lib.VerbosityLevel.ERRORS,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    enableXfa: false,
    stopAtErrors: false,
  });
  let doc: Awaited<typeof task.promise>;
  try {
    doc = await task.promise;
  } catch (e) {
    await task.destroy().catch(() => undefined);
    throw unreadable(e);
  }
  try {
    if (doc.numPages > limits.maxPages) {
      throw tooLarge(
        'MAX_PAGES',
        limits.maxPages,
        `PDF 有 ${doc.numPages} 页，超过导入上限 ${limits.maxPages} 页（MAX_PAGES）`,
        `The PDF has ${doc.numPages} pages, over the import limit of ${limits.maxPages} (MAX_PAGES)`,
      );
    }
    const pages: PdfPage[] = [];
    let items = 0;
    let chars = 0;
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const viewport = page.getViewport({ scale: 1 });
      const vt = viewport.transform as number[];
      const content = await page.getTextContent();
      const pieces: Piece[] = [];
      for (const it of content.items) {
        if (!('str' in it)) continue;
        items++;
        if (items > limits.maxTextItems) {
          throw tooLarge(
            'MAX_TEXT_ITEMS',
            limits.maxTextItems,
            `PDF 的文字片段超过导入上限 ${limits.maxTextItems} 个（MAX_TEXT_ITEMS）`,
            `The PDF has more than ${limits.maxTextItems} text items, the import limit (MAX_TEXT_ITEMS)`,
          );
        }
        pieces.push(...piecesOf(it as TextItemLike, vt, items));
      }
      chars += pieces.reduce((s, p) => s + p.text.length, 0);
      // Ruling lines only matter where there is text to put into cells; skipping the operator
      // list of image-only pages also spares decoding their images.
      let rules: Box[] = [];
      if (pieces.length) {
        const ops = await page.getOperatorList();
        const em = bodySize(pieces);
        try {
          rules = rulesOf(ops.fnArray, ops.argsArray, lib.OPS as unknown as OpCodes, vt, {
            maxThickness: RULE_MAX_THICKNESS_EM * em,
            minLength: RULE_MIN_LENGTH_EM * em,
            maxCoords: limits.maxPathCoords,
          });
        } catch (e) {
          if (!(e instanceof TooManyPathOps)) throw e;
          throw tooLarge(
            'MAX_PATH_COORDS',
            limits.maxPathCoords,
            `PDF 第 ${n} 页的图形路径超过导入上限 ${limits.maxPathCoords} 个坐标（MAX_PATH_COORDS）`,
            `Page ${n} of the PDF draws more than ${limits.maxPathCoords} path coordinates, the import limit (MAX_PATH_COORDS)`,
          );
        }
      }
      pages.push({ number: n, width: viewport.width, height: viewport.height, pieces, rules });
      page.cleanup();
    }
    if (chars < MIN_CHARS_PER_PAGE * doc.numPages) {
      throw new ImportFailure('IMPORT-NO-TEXT', {
        'zh-CN': `PDF 没有文字层（${doc.numPages} 页共 ${chars} 个字符，可能是扫描件）：请先做文字识别（OCR）或使用原始文档`,
        en: `The PDF has no text layer (${chars} characters on ${doc.numPages} page(s), probably a scan): run OCR first or use the original document`,
      });
    }
    return pages;
  } catch (e) {
    if (e instanceof ImportFailure) throw e;
    throw unreadable(e);
  } finally {
    await doc.destroy().catch(() => undefined);
  }
}
