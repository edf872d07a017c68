/** `--config FILE`: a JSON file with the same settings as the editor (severity, deadlines). */
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
  const c = raw as { severity?: CheckOptions['severity']; deadlines?: CheckOptions['deadlines'] };
  return { severity: c.severity, deadlines: c.deadlines };
}
