/**
 * Every handler runs through `timed`: it measures the handler, logs the slow ones (over
 * SLOW_MS, default 100 ms, overridable with NIANBAO_SLOW_MS) with the document uri and version,
 * and turns an exception into a logged error and a harmless fallback answer, so no input can
 * take the server down.
 */
import type { Connection } from 'vscode-languageserver/node';

export const SLOW_MS = Number(process.env.NIANBAO_SLOW_MS ?? 100);

export interface Timer {
  /** Runs `fn` timed and rethrows what it throws (for handlers whose errors are their answer). */
  measure<R>(name: string, where: () => string, fn: () => R | Promise<R>): Promise<R>;
  /** Runs `fn` timed; `where` names the document (uri and version) for the log line. */
  run<R>(name: string, where: () => string, fallback: R, fn: () => R | Promise<R>): Promise<R>;
  /** The same for synchronous work (the check itself, inside a handler). */
  runSync<R>(name: string, where: () => string, fallback: R, fn: () => R): R;
}

export function makeTimer(connection: Connection): Timer {
  const report = (name: string, where: () => string, ms: number) => {
    if (ms > SLOW_MS) connection.console.log(`[nianbao] ${name} took ${ms.toFixed(1)} ms (${safe(where)})`);
  };
  const fail = (name: string, where: () => string, e: unknown) => {
    const err = e as Error;
    connection.console.error(`[nianbao] ${name} failed (${safe(where)}): ${err?.stack ?? String(e)}`);
  };
  return {
    async measure(name, where, fn) {
      const t0 = performance.now();
      try {
        return await fn();
      } finally {
        report(name, where, performance.now() - t0);
      }
    },
    async run(name, where, fallback, fn) {
      const t0 = performance.now();
      try {
        return await fn();
      } catch (e) {
        fail(name, where, e);
        return fallback;
      } finally {
        report(name, where, performance.now() - t0);
      }
    },
    runSync(name, where, fallback, fn) {
      const t0 = performance.now();
      try {
        return fn();
      } catch (e) {
        fail(name, where, e);
        return fallback;
      } finally {
        report(name, where, performance.now() - t0);
      }
    },
  };
}

function safe(where: () => string): string {
  try {
    return where();
  } catch {
    return '?';
  }
}
