/** A small argument parser: `--flag value`, `--flag=value`, boolean flags, positionals. */
export interface Parsed { positionals: string[]; flags: Record<string, string | true> }

export class UsageError extends Error {}

export function parseArgs(argv: string[], valued: string[], booleans: string[]): Parsed {
  const out: Parsed = { positionals: [], flags: {} };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') { out.positionals.push(...argv.slice(i + 1)); break; }
    if (!a.startsWith('--') || a === '-') { out.positionals.push(a); continue; }
    const [name, inline] = a.slice(2).split(/=(.*)/s);
    if (booleans.includes(name)) { out.flags[name] = true; continue; }
    if (!valued.includes(name)) throw new UsageError(`unknown option --${name}`);
    const v = inline ?? argv[++i];
    if (v === undefined) throw new UsageError(`--${name} needs a value`);
    out.flags[name] = v;
  }
  return out;
}
