/**
 * Hostile published-report inputs for the importer (DOCX, HTML, TXT), built in memory: each
 * must end in a clear finding (IMPORT-TOO-LARGE naming its limit) or a one-line error, within
 * a bounded time, in the library, the CLI and the language server. Shared by the unit tests,
 * the protocol test and nothing else; sizes follow import/limits.ts so every limit is passed.
 */
import { deflateRawSync } from 'node:zlib';
import { LIMITS, type LimitName } from '../../import/limits';

export interface HostileDoc {
  name: string;
  bytes: () => Uint8Array;
  /** The limit it must hit (IMPORT-TOO-LARGE), or 'unreadable' for an ImportError without a code. */
  expect: LimitName | 'unreadable';
}

// ---- a minimal zip writer (stored or deflated entries, optional lying sizes) -----------------

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(buf: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < buf.length; i++) c = CRC_TABLE[(c ^ buf[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export interface ZipInput {
  name: string;
  data: Uint8Array | string;
  /** Size written into the headers instead of the real one (a lying zip bomb). */
  declaredSize?: number;
  store?: boolean;
}

export function makeZip(entries: ZipInput[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const raw = typeof e.data === 'string' ? Buffer.from(e.data, 'utf8') : Buffer.from(e.data);
    const data = e.store ? raw : deflateRawSync(raw);
    const name = Buffer.from(e.name, 'utf8');
    const size = e.declaredSize ?? raw.length;
    const crc = crc32(raw);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0, 6);
    local.writeUInt16LE(e.store ? 0 : 8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(size >>> 0, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, data);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE(20, 4);
    cd.writeUInt16LE(20, 6);
    cd.writeUInt16LE(e.store ? 0 : 8, 10);
    cd.writeUInt32LE(crc, 16);
    cd.writeUInt32LE(data.length, 20);
    cd.writeUInt32LE(size >>> 0, 24);
    cd.writeUInt16LE(name.length, 28);
    cd.writeUInt32LE(offset, 42);
    central.push(cd, name);
    offset += 30 + name.length + data.length;
  }
  const cdBuf = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cdBuf.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cdBuf, end]);
}

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

/** A minimal valid DOCX whose body is `body` (WordprocessingML inside w:body). */
export function makeDocx(body: string, extra: ZipInput[] = [], prolog = ''): Buffer {
  return makeZip([
    {
      name: '[Content_Types].xml',
      data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
    },
    {
      name: '_rels/.rels',
      data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
    },
    {
      name: 'word/document.xml',
      data: `<?xml version="1.0" encoding="UTF-8"?>${prolog}<w:document ${W}><w:body>${body}</w:body></w:document>`,
    },
    ...extra,
  ]);
}

const para = (t: string) => `<w:p><w:r><w:t>${t}</w:t></w:r></w:p>`;

/** A small, well-formed DOCX (the control: it imports). */
export function smallDocx(): Buffer {
  return makeDocx(`${para('某县人民政府2022年政府信息公开工作年度报告')}${para('一、总体情况')}${para('2022年，本机关……')}`);
}

// ---- the hostile inputs ------------------------------------------------------------------------

const over = (name: LimitName) => LIMITS[name].max + 1;

export const HOSTILE_DOCS: HostileDoc[] = [
  {
    name: 'corrupt zip (truncated central directory)',
    bytes: () => smallDocx().subarray(0, smallDocx().length - 30),
    expect: 'unreadable',
  },
  {
    name: 'corrupt zip (garbage after the magic number)',
    bytes: () => Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(4096, 0xa5)]),
    expect: 'unreadable',
  },
  {
    name: 'corrupt deflate data',
    bytes: () => {
      const z = smallDocx();
      const at = z.indexOf(Buffer.from('word/document.xml')) + 'word/document.xml'.length;
      for (let i = at; i < at + 16; i++) z[i] ^= 0xff;
      return z;
    },
    expect: 'unreadable',
  },
  { name: 'a zip that is not a DOCX', bytes: () => makeZip([{ name: 'a.txt', data: 'hello' }]), expect: 'unreadable' },
  {
    name: 'zip bomb (declared sizes over the limit)',
    bytes: () => makeDocx(para('x'), [{ name: 'word/bomb.xml', data: Buffer.alloc(over('uncompressedBytes'), 0x20) }]),
    expect: 'uncompressedBytes',
  },
  {
    name: 'zip bomb lying about its size',
    bytes: () =>
      makeDocx(para('x'), [{ name: 'word/styles.xml', data: Buffer.alloc(50 * 1024 * 1024, 0x20), declaredSize: 1024 }]),
    expect: 'unreadable',
  },
  {
    name: 'too many zip entries',
    bytes: () =>
      makeDocx(
        para('x'),
        Array.from({ length: over('zipEntries') }, (_, i) => ({ name: `media/${i}.bin`, data: 'x', store: true })),
      ),
    expect: 'zipEntries',
  },
  {
    name: '2 million paragraphs in a small DOCX',
    bytes: () => makeDocx('<w:p/>'.repeat(2_000_000)),
    expect: 'paragraphs',
  },
  {
    name: 'DTD entities (billion laughs)',
    bytes: () =>
      makeDocx(
        para('&lol9;'),
        [],
        `<!DOCTYPE w:document [<!ENTITY lol "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`).join('')}]>`,
      ),
    expect: 'unreadable',
  },
  {
    name: 'XXE (external entity)',
    bytes: () => makeDocx(para('&xxe;'), [], '<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'),
    expect: 'unreadable',
  },
  {
    name: '10,000-deep nested tables (DOCX)',
    bytes: () => makeDocx(`${'<w:tbl><w:tr><w:tc>'.repeat(10_000)}${para('x')}${'</w:tc></w:tr></w:tbl>'.repeat(10_000)}`),
    expect: 'nesting',
  },
  {
    name: 'too many table rows (DOCX)',
    bytes: () => makeDocx(`<w:tbl>${`<w:tr><w:tc>${para('0')}</w:tc></w:tr>`.repeat(over('rows'))}</w:tbl>`),
    expect: 'rows',
  },
  {
    name: '10,000-deep nested tables (HTML)',
    bytes: () =>
      Buffer.from(`<html><body>${'<table><tr><td>'.repeat(10_000)}x${'</td></tr></table>'.repeat(10_000)}</body></html>`),
    expect: 'nesting',
  },
  {
    name: 'unclosed tags (HTML divs)',
    bytes: () => Buffer.from(`<html><body>${'<div><span>'.repeat(50_000)}x`),
    expect: 'nesting',
  },
  {
    name: 'unclosed paragraphs (HTML)',
    bytes: () => Buffer.from(`<html><body>${'<p>年报'.repeat(over('paragraphs'))}`),
    expect: 'paragraphs',
  },
  {
    name: 'unclosed cells (HTML)',
    bytes: () => Buffer.from(`<html><body><table><tr>${'<td>0'.repeat(over('cells'))}`),
    expect: 'cells',
  },
  {
    name: 'too many rows (HTML)',
    bytes: () => Buffer.from(`<html><body><table>${'<tr><td>0</td></tr>'.repeat(over('rows'))}</table>`),
    expect: 'rows',
  },
  {
    name: 'huge single line (TXT)',
    bytes: () => Buffer.from('年'.repeat(over('lineChars'))),
    expect: 'lineChars',
  },
  {
    name: 'huge single cell (HTML)',
    bytes: () => Buffer.from(`<html><body><table><tr><td>${'0'.repeat(over('lineChars'))}</td></tr></table>`),
    expect: 'lineChars',
  },
  {
    name: 'too many lines (TXT)',
    bytes: () => Buffer.from('一\n'.repeat(over('paragraphs'))),
    expect: 'paragraphs',
  },
  {
    name: 'NUL bytes (TXT)',
    bytes: () => Buffer.concat([Buffer.from('政府信息公开工作年度报告\n'), Buffer.alloc(1024), Buffer.from('一、总体情况\n')]),
    expect: 'unreadable',
  },
  {
    name: 'bytes in no supported encoding (TXT)',
    bytes: () => Buffer.alloc(4096, 0xff),
    expect: 'unreadable',
  },
  {
    name: 'over the input size limit',
    bytes: () => Buffer.alloc(over('inputBytes'), 0x41),
    expect: 'inputBytes',
  },
];
