/**
 * DOCX → HTML with mammoth (tables keep their merged cells as colspan/rowspan), then the
 * HTML path. Line numbers of a DOCX import count paragraphs and table rows: the HTML is
 * broken before every paragraph, heading and row so that "line N" means "the Nth one".
 *
 * Before mammoth sees the file, `inspectDocx` reads the zip's central directory itself: the
 * number of entries and their declared sizes are checked against the limits (import/limits.ts),
 * every XML part is inflated with a cap on its output (a zip bomb stops at the cap whatever its
 * headers claim), a DTD anywhere is refused (Word never writes one; entities are how XML bombs
 * and XXE work), and the main document's paragraphs, rows, cells and element nesting are
 * counted. Only then does mammoth read the (now known to be bounded) parts.
 */
import { inflateRawSync } from 'node:zlib';
import mammoth from 'mammoth';
import { Deadline, LIMITS, tooLarge, unreadable, within } from './limits';

export async function docxToHtml(bytes: Uint8Array, deadline = new Deadline()): Promise<{ html: string; messages: string[] }> {
  inspectDocx(bytes, deadline);
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let result: Awaited<ReturnType<typeof mammoth.convertToHtml>>;
  try {
    result = await mammoth.convertToHtml(
      { buffer },
      {
        externalFileAccess: false,
        ignoreEmptyParagraphs: false,
        convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
      },
    );
  } catch (e) {
    const detail = String((e as Error)?.message ?? e).split('\n')[0];
    throw unreadable(`DOCX 文件已损坏或不是 Word 文档（${detail}）`, `the DOCX is damaged or not a Word document (${detail})`);
  }
  deadline.check();
  const html = result.value.replace(/<(p|h[1-6]|tr|table|li)([\s>])/g, '\n<$1$2');
  return { html, messages: result.messages.map((m) => `${m.type}: ${m.message}`) };
}

/** Is this a ZIP (a DOCX) by its magic number? */
export function isZip(bytes: Uint8Array): boolean {
  return bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

export interface DocxStats {
  entries: number;
  declaredBytes: number;
  paragraphs: number;
  rows: number;
  cells: number;
  depth: number;
}

const damaged = (why: string, whyEn: string) => unreadable(`DOCX 压缩包已损坏（${why}）`, `the DOCX zip is damaged (${whyEn})`);

/** The zip's central directory (no data is unpacked): every entry's name, method and sizes. */
export function zipEntries(bytes: Uint8Array): ZipEntry[] {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record: in the last 22 + 65535 (comment) bytes.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw damaged('找不到中央目录', 'no central directory');
  const count = buf.readUInt16LE(eocd + 10);
  within('zipEntries', count);
  const cdSize = buf.readUInt32LE(eocd + 12);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (cdOffset + cdSize > eocd) throw damaged('中央目录位置无效', 'central directory out of bounds');
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > eocd || buf.readUInt32LE(p) !== 0x02014b50) throw damaged('中央目录条目无效', 'bad central directory entry');
    const n = buf.readUInt16LE(p + 28);
    const x = buf.readUInt16LE(p + 30);
    const c = buf.readUInt16LE(p + 32);
    entries.push({
      name: buf.toString('utf8', p + 46, p + 46 + n),
      method: buf.readUInt16LE(p + 10),
      compressedSize: buf.readUInt32LE(p + 20),
      size: buf.readUInt32LE(p + 24),
      localOffset: buf.readUInt32LE(p + 42),
    });
    p += 46 + n + x + c;
  }
  return entries;
}

/**
 * An entry's bytes, inflated with at most its declared size of output (and never more than
 * `budget`): a part that inflates beyond what its header says stops there.
 */
function entryBytes(buf: Buffer, e: ZipEntry, budget: number): Buffer {
  if (e.size > budget) throw tooLarge('uncompressedBytes', LIMITS.uncompressedBytes.max - budget + e.size);
  const h = e.localOffset;
  if (h + 30 > buf.length || buf.readUInt32LE(h) !== 0x04034b50)
    throw damaged(`“${e.name}”的文件头无效`, `bad local header of ${e.name}`);
  const start = h + 30 + buf.readUInt16LE(h + 26) + buf.readUInt16LE(h + 28);
  const end = start + e.compressedSize;
  if (end > buf.length) throw damaged(`“${e.name}”超出文件末尾`, `${e.name} runs past the end of the file`);
  const data = buf.subarray(start, end);
  if (e.method === 0) return data;
  if (e.method !== 8)
    throw damaged(`“${e.name}”使用了不支持的压缩方式 ${e.method}`, `${e.name} uses compression method ${e.method}`);
  try {
    return inflateRawSync(data, { maxOutputLength: Math.max(1, e.size) });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE')
      throw damaged(`“${e.name}”解压后超过目录中声明的 ${e.size} 字节`, `${e.name} inflates beyond its declared ${e.size} bytes`);
    throw damaged(`“${e.name}”无法解压`, `${e.name} does not inflate`);
  }
}

/** Checks a DOCX against the limits before it is converted; throws ImportError. */
export function inspectDocx(bytes: Uint8Array, deadline = new Deadline()): DocxStats {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const entries = zipEntries(bytes);
  const declaredBytes = entries.reduce((s, e) => s + e.size, 0);
  within('uncompressedBytes', declaredBytes);
  const stats: DocxStats = { entries: entries.length, declaredBytes, paragraphs: 0, rows: 0, cells: 0, depth: 0 };
  let budget = LIMITS.uncompressedBytes.max;
  let main: string | undefined;
  for (const e of entries) {
    if (!/\.(xml|rels)$/i.test(e.name)) continue; // images are never read (convertImage ignores them)
    const data = entryBytes(buf, e, budget);
    budget -= data.length;
    if (data.length !== e.size) throw damaged(`“${e.name}”的大小与目录不符`, `${e.name} does not match its declared size`);
    const xml = data.toString('utf8');
    if (/<!DOCTYPE|<!ENTITY/i.test(xml))
      throw unreadable(
        `“${e.name}”含有 DTD 声明（<!DOCTYPE>/<!ENTITY>）：Word 文档不含 DTD，此类声明可用于实体炸弹或读取外部文件，已拒绝`,
        `${e.name} holds a DTD (<!DOCTYPE>/<!ENTITY>): Word never writes one, and entities are how XML bombs and XXE work; refused`,
      );
    if (e.name === 'word/document.xml') main = xml;
    deadline.check();
  }
  if (main === undefined)
    throw unreadable('不是 Word 文档（缺少 word/document.xml）', 'not a Word document (no word/document.xml)');
  scanXml(main, stats);
  deadline.check();
  return stats;
}

/**
 * Counts `w:p`, `w:tr`, `w:tc` and the element nesting of WordprocessingML in one linear pass
 * over its tags, throwing as soon as a limit is passed.
 */
export function scanXml(xml: string, stats: DocxStats): void {
  let depth = 0;
  for (let i = xml.indexOf('<'); i >= 0; i = xml.indexOf('<', i + 1)) {
    const c = xml.charCodeAt(i + 1);
    if (c === 47 /* </ */) {
      depth--;
      continue;
    }
    if (c === 33 /* <! */ || c === 63 /* <? */) {
      if (xml.startsWith('<![CDATA[', i)) {
        const e = xml.indexOf(']]>', i);
        if (e < 0) return;
        i = e;
      } else if (xml.startsWith('<!--', i)) {
        const e = xml.indexOf('-->', i);
        if (e < 0) return;
        i = e;
      }
      continue;
    }
    const end = xml.indexOf('>', i);
    if (end < 0) return;
    if (xml.charCodeAt(end - 1) !== 47 /* /> */) {
      if (++depth > stats.depth) {
        stats.depth = depth;
        within('nesting', depth);
      }
    }
    if (c === 119 /* w */ && xml.charCodeAt(i + 2) === 58 /* : */) {
      if (xml.charCodeAt(i + 3) === 112 /* p */ && isEnd(xml.charCodeAt(i + 4))) within('paragraphs', ++stats.paragraphs);
      else if (xml.startsWith('tr', i + 3) && isEnd(xml.charCodeAt(i + 5))) within('rows', ++stats.rows);
      else if (xml.startsWith('tc', i + 3) && isEnd(xml.charCodeAt(i + 5))) within('cells', ++stats.cells);
    }
    i = end;
  }
}

function isEnd(k: number): boolean {
  return k === 32 || k === 62 || k === 47 || k === 9 || k === 10 || k === 13;
}
