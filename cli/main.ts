/** The `nianbao` command line: check, fix, skeleton, lsp. */
import { join } from 'node:path';
import { VERSION, type CheckOptions, type Locale } from '../core';
import { isUsageError, parseArgs, takeOutput, UsageError } from './args';
import { runCheck } from './commands/check';
import { runFix } from './commands/fix';
import { runReview } from './commands/review';
import { runSkeleton } from './commands/skeleton';
import { loadConfig } from './config';
import { U } from './messages';
import { sanitize } from './output/sanitize';
import { helpLocale, usage } from './usage';
import type { Jobs } from './workerCount';

// bin/checkWorker.js starts a worker thread of `check --jobs N` from this bundle.
export { serveCheckTasks } from './checkWorker';

export async function main(argv: string[]): Promise<number> {
  quietOnClosedPipe(process.stdout);
  const out = (s: string) => process.stdout.write(`${s}\n`);
  const err = (s: string) => process.stderr.write(`${s}\n`);
  const [cmd, ...rest] = argv;
  if (cmd !== 'lsp') {
    // Last resort for a failure outside the awaited chain (a library's stray rejection): one line, exit 2.
    const last = (e: unknown) => {
      err(`nianbao: ${sanitize(String((e as Error)?.message ?? e).split('\n')[0])}`);
      process.exit(2);
    };
    process.once('uncaughtException', last);
    process.once('unhandledRejection', last);
  }
  try {
    switch (cmd) {
      case 'check': {
        const a = parseArgs(
          rest,
          ['format', 'locale', 'config', 'top', 'roster', 'ledger', 'output', 'jobs'],
          ['summary', ...DIRECTIVE_FLAGS],
        );
        const { rest: paths, out: output } = takeOutput(a.positionals, a.flags);
        return await runCheck(
          {
            paths,
            format: String(a.flags.format ?? 'text'),
            locale: locale(a.flags.locale),
            options: options(a.flags.config, a.flags),
            version: VERSION,
            summary: a.flags.summary === true,
            top: top(a.flags.top),
            roster: str(a.flags.roster),
            ledger: str(a.flags.ledger),
            output,
            jobs: jobs(a.flags.jobs),
          },
          out,
          err,
        );
      }
      case 'review': {
        const [action, ...more] = rest;
        const a = parseArgs(more, ['reason', 'by', 'ledger', 'roster', 'format', 'locale', 'config'], ['force']);
        return runReview(
          {
            action: action ?? '',
            positionals: a.positionals,
            reason: str(a.flags.reason),
            by: str(a.flags.by),
            ledger: str(a.flags.ledger),
            roster: str(a.flags.roster),
            force: a.flags.force === true,
            format: str(a.flags.format),
            locale: locale(a.flags.locale),
            options: options(a.flags.config),
          },
          out,
          err,
        );
      }
      case 'fix': {
        const a = parseArgs(rest, ['locale', 'config'], ['dry-run']);
        return runFix(a.positionals, a.flags['dry-run'] === true, locale(a.flags.locale), options(a.flags.config), out, err);
      }
      case 'skeleton':
        return runSkeleton(parseArgs(rest, ['format', 'year', 'organ', 'kind', 'fill'], []).flags, out);
      case 'import': {
        const a = parseArgs(rest, ['output', 'year', 'locale'], ['quiet']);
        // Loaded on demand: `nianbao check` never loads the importer's document libraries. Awaited
        // inside the try: a rejected import is caught below, never an unhandled rejection.
        const { importArgs, runImport } = await import('./commands/import');
        return await runImport(importArgs(a.positionals, a.flags, locale(a.flags.locale)), out, err);
      }
      case 'export': {
        const a = parseArgs(rest, ['output', 'locale', 'config'], ['html', 'docx', 'plain']);
        // Loaded on demand (dist/export.js): the renderer and the DOCX library only when exporting.
        const { exportArgs, runExport } = await import('./commands/export');
        return await runExport(exportArgs(a.positionals, a.flags, locale(a.flags.locale), options(a.flags.config)), out, err);
      }
      case 'lsp':
        // The server is its own bundle next to this one; it reads --stdio / --node-ipc itself.
        require(join(__dirname, 'server.js'));
        return new Promise<number>(() => undefined);
      case '--version':
      case '-v':
        out(VERSION);
        return 0;
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        out(usage(helpLocale(argv)));
        return cmd === undefined ? 2 : 0;
      default:
        throw new UsageError(U.unknownCommand, { command: cmd });
    }
  } catch (e) {
    if (isUsageError(e)) {
      const lang = helpLocale(argv);
      err(`nianbao: ${sanitize(e.in(lang))}${e.showUsage ? `\n\n${usage(lang)}` : ''}`);
      return 2;
    }
    // One line, never a stack trace (NIANBAO_DEBUG=1 shows it).
    err(`nianbao: ${sanitize(String((e as Error)?.message ?? e).split('\n')[0])}`);
    if (process.env.NIANBAO_DEBUG) err(String((e as Error)?.stack ?? e));
    return 2;
  }
}

function locale(v: string | true | undefined): Locale {
  if (v === undefined) return 'zh-CN';
  if (v === 'en' || v === 'zh-CN') return v;
  throw new UsageError(U.locale, {});
}

/** `--jobs N`: a whole number ≥ 1; default: as many as the batch repays (cli/workerCount.ts). */
function jobs(v: string | true | undefined): Jobs {
  if (v === undefined) return 'auto';
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(U.jobs, {});
  return n;
}

const str = (v: string | true | undefined): string | undefined => (typeof v === 'string' ? v : undefined);

function top(v: string | true | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(U.top, {});
  return n;
}

/** ESLint's names for the same jobs: ignore every suppression comment; report the ones that silence nothing. */
const DIRECTIVE_FLAGS = ['no-inline-config', 'report-unused-disable-directives'];

function options(config: string | true | undefined, flags: Record<string, string | true> = {}): CheckOptions {
  const base = typeof config === 'string' ? loadConfig(config) : {};
  return {
    ...base,
    ...(flags['no-inline-config'] === true ? { inlineConfig: false } : {}),
    ...(flags['report-unused-disable-directives'] === true ? { reportUnusedDirectives: true } : {}),
  };
}

let pipeGuarded = false;

/**
 * `nianbao check … | head`: when the reader closes the pipe, the next write fails with EPIPE.
 * That is the reader's choice, not an error: stop quietly with exit code 0, as `cat` does.
 */
export function quietOnClosedPipe(stream: NodeJS.WriteStream): void {
  if (pipeGuarded) return;
  pipeGuarded = true;
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
}
