/**
 * Writes a batch's output from its files' pieces (cli/output/pieces.ts), in file order, a
 * megabyte at a time: the JSON and CSV that json.ts and csv.ts make of a whole run, byte for
 * byte, and the text output (its lines from text.ts), without ever holding it as one string (the
 * JSON of 100,000 reports is some 1.7 GB, past the longest string V8 can make).
 */
import { randomUUID } from 'node:crypto';
import { closeSync, openSync, writeSync } from 'node:fs';
import type { Locale, Pairing } from '../../core';
import type { BatchRun, FileResult } from '../batch';
import { BOM, csvHeader } from './csv';
import { fileEntry, jsonDocument } from './json';
import type { FilePieces, Rendering } from './pieces';
import { dismissedHeading, formatPairing, formatStale, totalsLine } from './text';

/** What the output says of a file besides its pieces. */
export type FileHead = Pick<FileResult, 'file' | 'kind' | 'organ' | 'identity' | 'year'> & { pairing?: Pairing };

/** A batch checked to its output pieces (cli/jobs.ts runBatchPieces). */
export interface PiecesRun extends Pick<BatchRun, 'ioErrors' | 'notes' | 'roster' | 'ledgers'> {
  /** In output order: the reports in the order given, the files too large to read, the roster. */
  files: { head: FileHead; pieces: FilePieces }[];
}

/** Where the output's bytes go (stdout, or a file with `-o`). */
export type Sink = (bytes: Uint8Array) => void;

/** Output gathered up to this many bytes before it is written. */
const FLUSH_AT = 1 << 20;

/** A sink that writes to a file (`-o FILE`), opened on first use; `close` when done. */
export function fileSink(path: string): { write: Sink; close(): void } {
  let fd: number | undefined;
  const open = () => (fd ??= openSync(path, 'w'));
  return {
    write: (b) => writeSync(open(), b),
    close: () => closeSync(open()),
  };
}

/**
 * The output gathered and passed on a megabyte at a time, as UTF-8: the pieces as they came from
 * the workers, the rest encoded here; each write ends with whole lines (when the pieces do).
 */
class Out {
  private parts: Uint8Array[] = [];
  private size = 0;

  constructor(private readonly sink: Sink) {}

  private add(piece: Uint8Array | string): void {
    const b = typeof piece === 'string' ? Buffer.from(piece, 'utf8') : piece;
    this.parts.push(b);
    this.size += b.length;
  }

  /** Adds a piece and the text after it (a newline, a comma and a newline), and writes when a megabyte is gathered. */
  line(piece: Uint8Array | string, after = '\n'): void {
    this.add(piece);
    this.add(after);
    if (this.size >= FLUSH_AT) this.flush();
  }

  flush(): void {
    if (this.parts.length) this.sink(Buffer.concat(this.parts));
    this.parts = [];
    this.size = 0;
  }
}

export function writePieces(run: PiecesRun, how: Rendering, sink: Sink): void {
  const out = new Out(sink);
  if (how.format === 'json') writeJson(run, out);
  else if (how.format === 'csv') writeCsv(run, how.locale, out);
  else writeText(run, how.locale, out);
  out.flush();
}

/** `{ files, findings, roster?, ledgers? }` as JSON.stringify(…, null, 2) writes it, and a newline (cli/output/json.ts). */
function writeJson(run: PiecesRun, out: Out): void {
  const files = run.files.map((f) => fileEntry(f.head, f.pieces.counts));
  const bodies = run.files.map((f) => f.pieces.body).filter((b) => b.length);
  if (!bodies.length) {
    out.line(JSON.stringify(jsonDocument(files, [], run), null, 2));
    return;
  }
  // The document with one placeholder element, cut where the findings go.
  const token = `nianbao:findings:${randomUUID()}`;
  const doc = JSON.stringify(jsonDocument(files, [token], run), null, 2);
  const marker = `\n    ${JSON.stringify(token)}\n`;
  const at = doc.indexOf(marker);
  out.line(doc.slice(0, at));
  for (const [i, b] of bodies.entries()) out.line(b, i < bodies.length - 1 ? ',\n' : '\n');
  out.line(doc.slice(at + marker.length));
}

/** The BOM, the header and every row, as cli/output/csv.ts writes them. */
function writeCsv(run: PiecesRun, locale: Locale, out: Out): void {
  out.line(`${BOM}${csvHeader(locale)}`, '\r\n');
  for (const f of run.files) if (f.pieces.body.length) out.line(f.pieces.body, '');
}

/** The text output: every file's findings, then the verified ones, the pairing, stale ledger entries and the totals. */
function writeText(run: PiecesRun, locale: Locale, out: Out): void {
  for (const f of run.files) if (f.pieces.body.length) out.line(f.pieces.body);
  const dismissed = run.files.flatMap((f) => f.pieces.dismissed);
  if (dismissed.length) {
    out.line(dismissedHeading(locale));
    for (const s of dismissed) out.line(s);
  }
  const pairing = formatPairing(
    run.files.map((f) => f.head),
    locale,
  );
  if (pairing) out.line(pairing);
  const stale = formatStale(run.ledgers, locale);
  if (stale) out.line(stale);
  out.line(
    totalsLine(
      run.files.map((f) => ({ kind: f.head.kind, counts: f.pieces.counts })),
      locale,
    ),
  );
}
