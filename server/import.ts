/**
 * `nianbao/import` ({uri | path | data}) → {yaml, warnings}: runs import/ for the client, which
 * sends a file: URI or path for the server to read, or the bytes of files it cannot reach.
 *
 * The import runs in a worker thread (dist/importWorker.js) with a heap limit and a deadline:
 * a hostile document (import/limits.ts stops most at a count; anything else runs out of heap or
 * time in the worker, which is then terminated) answers this request with an error while every
 * other request — hovers, diagnostics — goes on being answered by the server's own thread.
 * Errors: 1 bad parameters, 2 IMPORT-TOO-LARGE (data: {code, limit, message}), 3 unreadable input.
 *
 * Environment (for tests): NIANBAO_IMPORT_TIME_MS and NIANBAO_IMPORT_HEAP_MB lower the worker's
 * deadline and heap; NIANBAO_IMPORT_WORKER points at the worker bundle.
 */
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ResponseError, type RemoteConsole } from 'vscode-languageserver';
import type { Locale, LocalizedText } from '../core/types';
import { ImportFailure, isImportFailure } from '../import/failure';
import { LIMITS, tooLarge, unreadable, WORKER_HEAP_MB } from '../import/limits';
import type { ImportParams, ImportResponse } from '../protocol/importPreview';
import type { ImportJob, ImportOutcome } from './importWorker';

/** Beside the server bundle (dist/); NIANBAO_IMPORT_WORKER names another (tests that bundle this file elsewhere). */
export const importWorkerPath = () => process.env.NIANBAO_IMPORT_WORKER || join(__dirname, 'importWorker.js');

const envNumber = (name: string, fallback: number) => {
  const n = Number(process.env[name]);
  return Number.isFinite(n) && n > 0 ? n : fallback;
};
/** The worker's deadline: the import's own time limit, plus a second for the worker to start. */
const DEADLINE_MS = envNumber('NIANBAO_IMPORT_TIME_MS', LIMITS.timeMs.max + 1_000);
const HEAP_MB = envNumber('NIANBAO_IMPORT_HEAP_MB', WORKER_HEAP_MB);

export const IMPORT_ERRORS = { badParams: 1, tooLarge: 2, unreadable: 3, noText: 4 } as const;

const ERROR_OF: Record<ImportFailure['code'], number> = {
  'IMPORT-TOO-LARGE': IMPORT_ERRORS.tooLarge,
  'IMPORT-UNREADABLE': IMPORT_ERRORS.unreadable,
  'IMPORT-NO-TEXT': IMPORT_ERRORS.noText,
};

async function readParams(params: ImportParams): Promise<{ bytes: Uint8Array; name: string }> {
  if (typeof params.data === 'string') {
    // base64 is 4 characters per 3 bytes: refuse before decoding anything bigger than the limit.
    if (params.data.length > (LIMITS.inputBytes.max / 3) * 4 + 4)
      throw tooLarge('inputBytes', Math.floor((params.data.length * 3) / 4));
    return { bytes: Buffer.from(params.data, 'base64'), name: params.name ?? 'report' };
  }
  const path =
    typeof params.path === 'string' && params.path
      ? params.path
      : typeof params.uri === 'string' && params.uri.startsWith('file:')
        ? fileURLToPath(params.uri)
        : undefined;
  if (!path) throw new ResponseError(IMPORT_ERRORS.badParams, 'nianbao/import needs a file: URI, a path or the data');
  let size: number;
  try {
    const s = await stat(path);
    if (!s.isFile()) throw unreadable(`“${path}”不是普通文件`, `${path} is not a regular file`);
    size = s.size;
  } catch (e) {
    if (isImportFailure(e)) throw e;
    throw unreadable(`无法读取“${path}”（${(e as Error).message}）`, `cannot read ${path} (${(e as Error).message})`);
  }
  // Stat first: a file over the limit is never read into the server's memory.
  if (size > LIMITS.inputBytes.max) throw tooLarge('inputBytes', size);
  return { bytes: await readFile(path), name: params.name ?? basename(path) };
}

/** Imports run one at a time: a burst of hostile requests costs one worker's heap, not one each. */
let queue: Promise<unknown> = Promise.resolve();

/** Runs one import in a fresh worker (after the ones before it); rejects with an ImportFailure on a limit, a failure or the deadline. */
export function importInWorker(job: ImportJob, log: (s: string) => void = () => undefined): Promise<ImportResponse> {
  const run = queue.then(
    () => runWorker(job, log),
    () => runWorker(job, log),
  );
  queue = run.catch(() => undefined);
  return run;
}

function runWorker(job: ImportJob, log: (s: string) => void): Promise<ImportResponse> {
  const file = importWorkerPath();
  if (!existsSync(file))
    return Promise.reject(unreadable('导入模块缺失（importWorker.js）', `the import worker is missing (${file})`));
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const worker = new Worker(file, {
      workerData: job,
      resourceLimits: { maxOldGenerationSizeMb: HEAP_MB, maxYoungGenerationSizeMb: 32, stackSizeMb: 4 },
      // The worker's console must not reach stdout: on --stdio that is the protocol stream.
      stdout: true,
      stderr: true,
    });
    worker.stdout.on('data', (d: Buffer) => log(`[nianbao] import worker: ${d.toString().trimEnd()}`));
    worker.stderr.on('data', (d: Buffer) => log(`[nianbao] import worker: ${d.toString().trimEnd()}`));
    let done = false;
    const finish = (fn: () => void) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      fn();
      void worker.terminate();
    };
    const timer = setTimeout(() => finish(() => reject(tooLarge('timeMs', Date.now() - started))), DEADLINE_MS);
    worker.once('message', (m: ImportOutcome) =>
      finish(() => {
        if (m.ok) resolve(m.response);
        else reject(new ImportFailure(m.code, m.text, m.limit));
      }),
    );
    worker.once('error', (e: Error & { code?: string }) =>
      finish(() =>
        reject(
          e.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? tooLarge('workerHeap', `> ${HEAP_MB}`)
            : unreadable(`导入出错（${e.message}）`, `the import failed (${e.message})`),
        ),
      ),
    );
    worker.once('exit', (code) =>
      finish(() => reject(unreadable(`导入进程意外退出（${code}）`, `the import worker exited unexpectedly (${code})`))),
    );
  });
}

/** One request, as the handler runs it (without the error mapping): for tests. */
export async function importRequest(params: ImportParams, log?: (s: string) => void): Promise<ImportResponse> {
  const { bytes, name } = await readParams(params ?? {});
  return importInWorker({ bytes, name }, log);
}

/**
 * The `nianbao/import` handler: the response, or a ResponseError whose data names the failure's code and limit.
 * @public loaded lazily by server/main.ts through `require`, which knip does not follow.
 */
export function importHandler(
  console: RemoteConsole,
  localeFor: (uri?: string) => Promise<Locale> = async () => 'zh-CN',
): (params: ImportParams) => Promise<ImportResponse> {
  return async (params) => {
    const p = params ?? {};
    try {
      return await importRequest(p, (s) => console.log(s));
    } catch (e) {
      if (e instanceof ResponseError) throw e;
      const ie = isImportFailure(e) ? e : unreadable(String((e as Error)?.message ?? e), String((e as Error)?.message ?? e));
      const locale = await localeFor(typeof p.uri === 'string' ? p.uri : undefined);
      console.log(`[nianbao] import of ${p.name ?? p.path ?? p.uri ?? 'data'} refused: ${ie.code} ${ie.text.en}`);
      throw new ResponseError<{ code?: string; limit?: string; message: LocalizedText }>(
        ERROR_OF[ie.code],
        `${ie.code}: ${ie.text[locale]}`,
        { code: ie.code, limit: ie.limit?.name, message: ie.text },
      );
    }
  };
}
