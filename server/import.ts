/**
 * `nianbao/import` ({uri | path | data}) → {yaml, warnings}: runs import/ in the server,
 * which reads the file (the client sends the bytes for files the server cannot reach).
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ResponseError, type Connection } from 'vscode-languageserver';
import { importBytes } from '../import';
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
  const res = await importBytes(bytes, name ?? 'report');
  return {
    yaml: res.yaml,
    warnings: res.warnings.map((w) => ({ line: w.line, severity: w.severity, message: w.message, text: w.text })),
    format: res.format,
    ok: res.ok,
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
