/** A small argument parser: `--flag value`, `--flag=value`, boolean flags, positionals. */
import type { Locale } from '../core';
import { render, type Args, type Message } from '../core/messages/define';
import { U } from './messages';

export interface Parsed {
  positionals: string[];
  flags: Record<string, string | true>;
}

/**
 * A mistake in the command line or in a file it names (exit 2). It carries a catalog message
 * (cli/messages.ts) and its arguments, not a text: cli/main.ts prints it in the help's language.
 */
/**
 * import and export are lazy bundles (dist/export.js …) with their own copy of this class, so
 * `instanceof` in cli/main.ts cannot see their errors: a registry-wide symbol marks every copy.
 */
const BRAND = Symbol.for('nianbao.UsageError');

export class UsageError<A extends Args = Args> extends Error {
  readonly [BRAND] = true;

  /** `showUsage`: print the usage text after the message (not for a bad config file: one line names the problem). */
  constructor(
    readonly usage: Message<A>,
    readonly args: A,
    readonly showUsage = true,
  ) {
    // English in `message` for whoever logs the error object itself (a stack trace with NIANBAO_DEBUG).
    super(render(usage, args).en);
  }

  /** The message in one locale (long arguments cut, as for every catalog message). */
  in(locale: Locale): string {
    return render(this.usage, this.args)[locale];
  }
}

export function parseArgs(argv: string[], valued: string[], booleans: string[]): Parsed {
  const out: Parsed = { positionals: [], flags: {} };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      out.positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!a.startsWith('--') || a === '-') {
      out.positionals.push(a);
      continue;
    }
    const [name, inline] = a.slice(2).split(/=(.*)/s);
    if (booleans.includes(name)) {
      out.flags[name] = true;
      continue;
    }
    if (!valued.includes(name)) throw new UsageError(U.unknownOption, { name });
    const v = inline ?? argv[++i];
    if (v === undefined) throw new UsageError(U.needsValue, { name });
    out.flags[name] = v;
  }
  return out;
}

/** One input file and an optional output from `FILE [-o OUT]` (or `--output OUT`). */
export function fileAndOutput(
  positionals: string[],
  flags: Record<string, string | true>,
  command: string,
): { file: string; out?: string } {
  const files: string[] = [];
  let out = typeof flags.output === 'string' ? flags.output : undefined;
  for (let i = 0; i < positionals.length; i++) {
    if (positionals[i] === '-o') {
      out = positionals[++i];
      if (!out) throw new UsageError(U.outputNeedsFile, {});
      continue;
    }
    files.push(positionals[i]);
  }
  if (files.length !== 1) throw new UsageError(U.oneFile, { command });
  return { file: files[0], out };
}

/** Takes `-o OUT` out of the positionals (`--output OUT` is a flag already). */
export function takeOutput(positionals: string[], flags: Record<string, string | true>): { rest: string[]; out?: string } {
  const rest: string[] = [];
  let out = typeof flags.output === 'string' ? flags.output : undefined;
  for (let i = 0; i < positionals.length; i++) {
    if (positionals[i] === '-o') {
      out = positionals[++i];
      if (!out) throw new UsageError(U.outputNeedsFile, {});
    } else rest.push(positionals[i]);
  }
  return { rest, out };
}

/** A UsageError from this bundle or a lazily loaded one. */
export function isUsageError(e: unknown): e is UsageError {
  return typeof e === 'object' && e !== null && BRAND in e;
}
