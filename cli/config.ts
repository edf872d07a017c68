/** `--config FILE`: a JSON file with the same settings as the editor (severity, deadlines, X-REUSE's threshold). */
import { readFileSync } from 'node:fs';
import type { CheckOptions } from '../core';
import { UsageError } from './args';

export function loadConfig(file: string): CheckOptions {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new UsageError(`cannot read config ${file}: ${(e as Error).message}`);
  }
  const c = raw as { severity?: CheckOptions['severity']; deadlines?: CheckOptions['deadlines']; reuse?: unknown };
  return { severity: c.severity, deadlines: c.deadlines, ...(c.reuse !== undefined ? { reuse: reuseOf(c.reuse, file) } : {}) };
}

/** `reuse: {threshold: 1–100 (percent), minChars: ≥ 1}` (X-REUSE). */
function reuseOf(v: unknown, file: string): CheckOptions['reuse'] {
  const r = (typeof v === 'object' && v !== null ? v : {}) as { threshold?: unknown; minChars?: unknown };
  const out: NonNullable<CheckOptions['reuse']> = {};
  if (r.threshold !== undefined) {
    if (typeof r.threshold !== 'number' || r.threshold < 1 || r.threshold > 100)
      throw new UsageError(`config ${file}: reuse.threshold is a percentage, 1 to 100`);
    out.threshold = r.threshold;
  }
  if (r.minChars !== undefined) {
    if (typeof r.minChars !== 'number' || !Number.isInteger(r.minChars) || r.minChars < 1)
      throw new UsageError(`config ${file}: reuse.minChars is a whole number of characters`);
    out.minChars = r.minChars;
  }
  return out;
}
