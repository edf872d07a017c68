/**
 * The language server's import worker (bundled as dist/importWorker.js): one `nianbao/import`
 * in a worker thread, so a hostile document can use up the worker's heap (resourceLimits) or
 * its time (terminated at the deadline, server/import.ts) but never the server's. Posts one
 * message: the response, or the ImportFailure (code, localized text, limit) — never a stack.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { asImportFailure, importBytes } from '../import';
import type { ImportFailureCode } from '../import/failure';
import type { ImportResponse } from '../protocol/importPreview';

export interface ImportJob {
  bytes: Uint8Array;
  name: string;
}

export type ImportOutcome =
  | { ok: true; response: ImportResponse }
  | { ok: false; code: ImportFailureCode; limit?: { name: string; value: number }; text: { 'zh-CN': string; en: string } };

async function run(job: ImportJob): Promise<ImportOutcome> {
  try {
    const res = await importBytes(job.bytes, job.name);
    return {
      ok: true,
      response: {
        yaml: res.yaml,
        warnings: res.warnings.map((w) => ({
          line: w.line,
          severity: w.severity,
          code: w.code,
          message: w.message,
          text: w.text,
        })),
        format: res.format,
        ok: res.ok,
        complete: res.complete,
        coverage: res.coverage,
        tables: res.tables.map((t) => ({ name: t.name, format: t.format, cells: t.cells })),
      },
    };
  } catch (e) {
    const ie = asImportFailure(e);
    return { ok: false, code: ie.code, limit: ie.limit, text: ie.text };
  }
}

if (parentPort) {
  const port = parentPort;
  void run(workerData as ImportJob).then((outcome) => port.postMessage(outcome));
}
