/** `nianbao fix [--dry-run] PATH...`: applies fix-all and prints what changed. */
import { writeFileSync } from 'node:fs';
import { fixAll, type CheckOptions, type Locale } from '../../core';
import { UsageError } from '../args';
import { checkFiles } from './check';

export function runFix(
  paths: string[],
  dryRun: boolean,
  locale: Locale,
  options: CheckOptions,
  out: (s: string) => void,
  err: (s: string) => void,
): number {
  if (!paths.length) throw new UsageError('fix needs at least one file or folder');
  const { results, ioErrors } = checkFiles(paths, options);
  for (const e of ioErrors) err(e);
  let remainingErrors = false;
  for (const r of results) {
    const fixed = fixAll(r.text!, options);
    for (const a of fixed.applied) out(`${r.file}:${a.line + 1} ${a.code} ${a.title[locale]}`);
    if (fixed.applied.length && !dryRun) writeFileSync(r.file, fixed.text);
    const left = fixed.result.diagnostics.filter((d) => d.severity === 'error');
    if (left.length) remainingErrors = true;
    out(
      locale === 'en'
        ? `${r.file}: ${fixed.applied.length} fix(es) ${dryRun ? 'would be ' : ''}applied, ${left.length} error(s) left`
        : `${r.file}：${dryRun ? '将' : '已'}应用 ${fixed.applied.length} 处修复，剩余 ${left.length} 个错误`,
    );
  }
  if (ioErrors.length) return 2;
  return remainingErrors ? 1 : 0;
}
