/**
 * Bytes ↔ text for report files and imported documents, shared by the CLI, the language
 * server's workspace index and the importer. Pure: no file system.
 *
 * Reading: a byte-order mark decides (UTF-8, UTF-16LE, UTF-16BE); else UTF-16 without a BOM
 * when the bytes show its NUL pattern (ASCII keys as `k\0e\0y\0`); else strict UTF-8; else
 * strict GB18030 (a superset of GBK, the encoding of many Chinese Windows tools). Bytes that
 * none of these decode are decoded for reading only (U+FFFD in their place) and marked
 * `invalidAt`: such text is never written back.
 *
 * Writing: `encodeText` gives back the encoding and BOM that were read. GB18030 needs
 * iconv-lite (TextEncoder only writes UTF-8); `reversible` tells whether the original bytes come
 * back exactly from their decoded text (a few GB18030 byte pairs decode to characters whose
 * canonical encoding differs): callers refuse to write when they do not.
 */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface DecodedText {
  /** The text without its byte-order mark. */
  text: string;
  encoding: TextEncodingName;
  /** The bytes began with a byte-order mark. */
  bom: boolean;
  /** Byte offset of the first byte that no supported encoding could decode (the text then holds U+FFFD). */
  invalidAt?: number;
  /** Bytes dropped from the end: a UTF-8 character cut off there (only with `tolerateTruncatedUtf8`). */
  truncated?: number;
}

export interface DecodeOptions {
  /**
   * Accept UTF-8 whose last character is cut off (a download interrupted mid-character) by
   * dropping the incomplete bytes. For the importer, which never writes the bytes back.
   */
  tolerateTruncatedUtf8?: boolean;
}

/** How the encodings are named to people (messages, logs). */
export const ENCODING_LABEL: Record<TextEncodingName, string> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16LE',
  'utf-16be': 'UTF-16BE',
  gb18030: 'GB18030/GBK',
};

const BOMS: { encoding: TextEncodingName; bytes: number[] }[] = [
  { encoding: 'utf-8', bytes: [0xef, 0xbb, 0xbf] },
  { encoding: 'utf-16le', bytes: [0xff, 0xfe] },
  { encoding: 'utf-16be', bytes: [0xfe, 0xff] },
];

function strict(encoding: TextEncodingName, bytes: Uint8Array): string | undefined {
  try {
    // ignoreBOM: the BOM was handled by the caller; a second one is content.
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

export function decodeBytes(bytes: Uint8Array, opts: DecodeOptions = {}): DecodedText {
  for (const b of BOMS) {
    if (b.bytes.every((x, i) => bytes[i] === x)) {
      const body = bytes.subarray(b.bytes.length);
      const text = strict(b.encoding, body);
      if (text !== undefined) return { text, encoding: b.encoding, bom: true };
      return lossy(b.encoding, body, true, b.bytes.length);
    }
  }
  // Before UTF-8: ASCII-only UTF-16 is also valid UTF-8 (full of NULs).
  const wide = utf16ByNulPattern(bytes);
  if (wide) {
    const text = strict(wide, bytes);
    if (text !== undefined) return { text, encoding: wide, bom: false };
  }
  const utf8 = strict('utf-8', bytes);
  if (utf8 !== undefined) return { text: utf8, encoding: 'utf-8', bom: false };
  // UTF-8 whose last character is cut off (an interrupted download or copy): UTF-8 all the same —
  // GB18030 would often accept the bytes too, and read the whole file as mojibake.
  const cut = truncatedUtf8Tail(bytes);
  if (cut > 0) {
    const text = strict('utf-8', bytes.subarray(0, bytes.length - cut));
    if (text !== undefined) {
      if (opts.tolerateTruncatedUtf8) return { text, encoding: 'utf-8', bom: false, truncated: cut };
      return { text: `${text}\ufffd`, encoding: 'utf-8', bom: false, invalidAt: bytes.length - cut };
    }
  }
  const gb = strict('gb18030', bytes);
  if (gb !== undefined) return { text: gb, encoding: 'gb18030', bom: false };
  if (wide) return lossy(wide, bytes, false, 0);
  // Neither decodes: read it the way that loses least (fewest replacement characters).
  const a = lossy('utf-8', bytes, false, 0);
  const b = lossy('gb18030', bytes, false, 0);
  return replacements(b.text) < replacements(a.text) ? b : a;
}

function replacements(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\ufffd'); i >= 0; i = s.indexOf('\ufffd', i + 1)) n++;
  return n;
}

/** Undecodable bytes: decode with replacement characters for reading, and say where the first bad byte is. */
function lossy(encoding: TextEncodingName, body: Uint8Array, bom: boolean, offset: number): DecodedText {
  const text = new TextDecoder(encoding, { ignoreBOM: true }).decode(body);
  return { text, encoding, bom, invalidAt: offset + firstInvalidByte(encoding, body) };
}

/** Offset of the first byte where strict decoding fails (binary search on prefixes; a prefix may end mid-character). */
function firstInvalidByte(encoding: TextEncodingName, body: Uint8Array): number {
  // The longest prefix that decodes is at most 4 bytes short of the first bad byte.
  let lo = 0;
  let hi = body.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (decodesAsPrefix(encoding, body.subarray(0, mid))) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function decodesAsPrefix(encoding: TextEncodingName, prefix: Uint8Array): boolean {
  try {
    new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(prefix, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/** How many bytes at the end form the start of a UTF-8 sequence that is cut off (0 when none). */
function truncatedUtf8Tail(bytes: Uint8Array): number {
  for (let k = 1; k <= 3 && k <= bytes.length; k++) {
    const b = bytes[bytes.length - k];
    if ((b & 0xc0) === 0x80) continue; // continuation byte: look further back
    const need = b >= 0xf0 && b <= 0xf4 ? 4 : b >= 0xe0 ? 3 : b >= 0xc2 && b < 0xe0 ? 2 : 0;
    return need > k ? k : 0;
  }
  return 0;
}

/**
 * UTF-16 without a BOM: in a report (ASCII keys, indentation, digits) many code units have a
 * zero high byte. Looks at the first 4 KB: NULs concentrated on one parity of the byte offset
 * (text in UTF-8 or GB18030 has none).
 */
function utf16ByNulPattern(bytes: Uint8Array): TextEncodingName | undefined {
  if (bytes.length < 4 || bytes.length % 2 !== 0) return undefined;
  const n = Math.min(bytes.length, 4096);
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i++) if (bytes[i] === 0) i % 2 === 0 ? even++ : odd++;
  // Characters U+xx00 (一 is U+4E00) put a few NULs on the other parity too; binary data spreads them evenly.
  const units = n / 2;
  if (odd >= units * 0.1 && odd >= 4 * even) return 'utf-16le';
  if (even >= units * 0.1 && even >= 4 * odd) return 'utf-16be';
  return undefined;
}

/** Text → bytes in the given encoding, with the BOM when `bom` is set. */
export function encodeText(text: string, target: { encoding: TextEncodingName; bom: boolean }): Uint8Array {
  let body: Uint8Array;
  switch (target.encoding) {
    case 'utf-8':
      body = new TextEncoder().encode(text);
      break;
    case 'utf-16le':
    case 'utf-16be': {
      const buf = Buffer.alloc(text.length * 2);
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (target.encoding === 'utf-16le') buf.writeUInt16LE(c, i * 2);
        else buf.writeUInt16BE(c, i * 2);
      }
      body = buf;
      break;
    }
    case 'gb18030': {
      // Loaded here, not at the top: bundles that never write (the language server) leave it out.
      const iconv = require('iconv-lite') as typeof import('iconv-lite');
      body = iconv.encode(text, 'gb18030');
      break;
    }
  }
  if (!target.bom) return body;
  const bom = BOMS.find((b) => b.encoding === target.encoding)!.bytes;
  const out = new Uint8Array(bom.length + body.length);
  out.set(bom, 0);
  out.set(body, bom.length);
  return out;
}

/**
 * Whether writing the decoded text back reproduces `bytes` exactly. Every supported encoding is
 * stateless (each character encodes on its own), so when the whole text round-trips, text
 * edited in a few tokens is written back with every other byte unchanged.
 */
export function reversible(bytes: Uint8Array, decoded: DecodedText): boolean {
  if (decoded.invalidAt !== undefined || decoded.truncated) return false;
  return sameBytes(encodeText(decoded.text, decoded), bytes);
}

/** The first byte offset where encoding the decoded text back differs from `bytes` (-1 when none). */
export function firstDifference(bytes: Uint8Array, decoded: DecodedText): number {
  if (decoded.invalidAt !== undefined) return decoded.invalidAt;
  const back = encodeText(decoded.text, decoded);
  const n = Math.min(back.length, bytes.length);
  for (let i = 0; i < n; i++) if (back[i] !== bytes[i]) return i;
  return back.length === bytes.length ? -1 : n;
}

export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
