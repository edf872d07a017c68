/**
 * `nianbao/import` ({uri | path | data}) → {yaml, warnings}: runs import/ in the server (text,
 * HTML, DOCX, PDF; a file that cannot be imported at all is ResponseError 4 with `data: {code, message}`),
 * which reads the file (the client sends the bytes for files the server cannot reach).
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ResponseError, type Connection } from 'vscode-languageserver';
import { importBytes, isImportFailure } from '../import';
import { IMPORT_REQUEST, type ImportParams, type ImportResponse } from '../protocol/importPreview';

/** Largest file the import reads (published reports are far smaller). */
const MAX_BYTES = 20 * 1024 * 1024;

export async function importRequest(params: ImportParams): Promise<ImportResponse> {
  let bytes: Uint8Array;
  let name = params.name;
  if (typeof params.data === 'string') {
    bytes = Buffer.from(params.data, 'base64');
  } else {
    const path =
      typeof params.path === 'string' && params.path
        ? params.path
        : typeof params.uri === 'string' && params.uri.startsWith('file:')
          ? fileURLToPath(params.uri)
          : undefined;
    if (!path) throw new ResponseError(1, 'nianbao/import needs a file: URI, a path or the data');
    bytes = await readFile(path);
    name ??= basename(path);
  }
  if (bytes.byteLength > MAX_BYTES) throw new ResponseError(2, `file too large (${bytes.byteLength} bytes)`);
  let res: Awaited<ReturnType<typeof importBytes>>;
  try {
    res = await importBytes(bytes, name ?? 'report');
  } catch (e) {
    // No text layer, over a limit, damaged: the code and both messages for the client.
    if (isImportFailure(e)) throw new ResponseError(4, `${e.text['zh-CN']} / ${e.text.en}`, { code: e.code, message: e.text });
    throw e;
  }
  return {
    yaml: res.yaml,
    warnings: res.warnings.map((w) => ({ line: w.line, severity: w.severity, code: w.code, message: w.message, text: w.text })),
    format: res.format,
    ok: res.ok,
    complete: res.complete,
    coverage: res.coverage,
    tables: res.tables.map((t) => ({ name: t.name, format: t.format, cells: t.cells })),
  };
}

export function registerImport(connection: Connection): void {
  connection.onRequest(IMPORT_REQUEST, async (params: ImportParams) => {
    try {
      return await importRequest(params ?? {});
    } catch (e) {
      if (e instanceof ResponseError) throw e;
      connection.console.error(`[nianbao] import failed: ${(e as Error)?.stack ?? e}`);
      throw new ResponseError(3, (e as Error)?.message ?? String(e));
    }
  });
}
