/** A small argument parser: `--flag value`, `--flag=value`, boolean flags, positionals. */
export interface Parsed {
  positionals: string[];
  flags: Record<string, string | true>;
}

export class UsageError extends Error {
  /** Print the usage text after the message (not for a bad config file: one line names the problem). */
  constructor(
    message: string,
    readonly showUsage = true,
  ) {
    super(message);
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
    if (!valued.includes(name)) throw new UsageError(`unknown option --${name}`);
    const v = inline ?? argv[++i];
    if (v === undefined) throw new UsageError(`--${name} needs a value`);
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
      if (!out) throw new UsageError('-o needs a file name');
      continue;
    }
    files.push(positionals[i]);
  }
  if (files.length !== 1) throw new UsageError(`${command} needs exactly one FILE`);
  return { file: files[0], out };
}

/** Takes `-o OUT` out of the positionals (`--output OUT` is a flag already). */
export function takeOutput(positionals: string[], flags: Record<string, string | true>): { rest: string[]; out?: string } {
  const rest: string[] = [];
  let out = typeof flags.output === 'string' ? flags.output : undefined;
  for (let i = 0; i < positionals.length; i++) {
    if (positionals[i] === '-o') {
      out = positionals[++i];
      if (!out) throw new UsageError('-o needs a file name');
    } else rest.push(positionals[i]);
  }
  return { rest, out };
}
