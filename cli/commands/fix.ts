/**
 * `nianbao fix [--dry-run] PATH...`: applies fix-all and prints what changed.
 *
 * A file is written back in the encoding and with the BOM it was read in, and only when that
 * is lossless: decoding then encoding the file as read must give back its bytes exactly (so
 * every byte outside the edited tokens stays as it was), else the file is left untouched and
 * the refusal is an error on stderr (exit 2). The new bytes are checked to decode to the fixed
 * text, then written to a temporary file beside the original and renamed over it, so a failed
 * write never leaves half a report.
 */
import { chmodSync, realpathSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import {
  decodeBytes,
  ENCODING_LABEL,
  encodeText,
  firstDifference,
  fixAll,
  type CheckOptions,
  type DecodedText,
  type Locale,
} from '../../core';
import { UsageError } from '../args';
import { U } from '../messages';
import { ioReason } from '../files';
import { sanitize } from '../output/sanitize';
import { reportIo } from '../batch';
import { checkFiles } from './check';

export function runFix(
  paths: string[],
  dryRun: boolean,
  locale: Locale,
  options: CheckOptions,
  out: (s: string) => void,
  err: (s: string) => void,
): number {
  if (!paths.length) throw new UsageError(U.needsPath, { command: 'fix' });
  const run = checkFiles(paths, options);
  reportIo(run, err);
  const { results } = run;
  let failed = run.ioErrors.length > 0;
  let remainingErrors = false;
  const en = locale === 'en';
  for (const r of results) {
    const name = sanitize(r.file);
    if (!r.bytes || !r.decoded || r.text === undefined) {
      // Not read (too large): its finding says why; nothing to fix.
      for (const d of r.diags) out(`${name}: ${d.code} ${sanitize(d.message[locale])}`);
      if (r.diags.some((d) => d.severity === 'error')) remainingErrors = true;
      continue;
    }
    const refusal = cannotWriteBack(r.bytes, r.decoded, en);
    const fixed = fixAll(r.text, options);
    if (refusal && fixed.applied.length) {
      err(`nianbao: ${name}: ${refusal}`);
      failed = true;
      remainingErrors ||= r.diags.some((d) => d.severity === 'error');
      continue;
    }
    for (const a of fixed.applied) out(`${name}:${a.line + 1} ${a.code} ${sanitize(a.title[locale])}`);
    if (fixed.applied.length && !dryRun) {
      const problem = writeBack(r.file, fixed.text, r.decoded);
      if (problem) {
        err(`nianbao: ${name}: ${problem}`);
        failed = true;
        continue;
      }
    }
    const left = fixed.result.diagnostics.filter((d) => d.severity === 'error');
    if (left.length) remainingErrors = true;
    out(
      en
        ? `${name}: ${fixed.applied.length} fix(es) ${dryRun ? 'would be ' : ''}applied, ${left.length} error(s) left`
        : `${name}：${dryRun ? '将' : '已'}应用 ${fixed.applied.length} 处修复，剩余 ${left.length} 个错误`,
    );
  }
  if (failed) return 2;
  return remainingErrors ? 1 : 0;
}

/** Why the file could not be written back without changing bytes it should not touch; undefined when it can. */
function cannotWriteBack(bytes: Uint8Array, decoded: DecodedText, en: boolean): string | undefined {
  const label = ENCODING_LABEL[decoded.encoding];
  if (decoded.invalidAt !== undefined)
    return en
      ? `not changed: from byte ${decoded.invalidAt} the file is neither UTF-8, UTF-16 nor GB18030, so it cannot be written back without loss`
      : `未修改：文件从第 ${decoded.invalidAt} 字节起既不是 UTF-8、UTF-16 也不是 GB18030 编码，无法无损写回`;
  const at = firstDifference(bytes, decoded);
  if (at < 0) return undefined;
  return en
    ? `not changed: the file is ${label}, but its bytes from offset ${at} would not be written back exactly as they are (a character with two encodings); fix it in an editor or save it as UTF-8`
    : `未修改：文件为 ${label} 编码，但第 ${at} 字节起的内容无法原样写回（该字符有两种编码）；请在编辑器中修改或另存为 UTF-8`;
}

/** Writes `text` in the file's encoding, atomically (temporary file + rename); returns an error text or undefined. */
function writeBack(file: string, text: string, decoded: DecodedText): string | undefined {
  const bytes = encodeText(text, decoded);
  // Belt and braces: the bytes must read back as the same text in the same encoding.
  const again = decodeBytes(bytes);
  if (again.text !== text || again.encoding !== decoded.encoding || again.bom !== decoded.bom)
    return `not changed: the fixed text does not survive encoding as ${ENCODING_LABEL[decoded.encoding]}`;
  let target: string;
  try {
    target = realpathSync(file); // a symlink stays a symlink: the file it points to is replaced
  } catch (e) {
    return `cannot write: ${ioReason(e)}`;
  }
  const tmp = join(dirname(target), `.${basename(target)}.nianbao-${process.pid}.tmp`);
  try {
    writeFileSync(tmp, bytes, { flag: 'wx' });
    chmodSync(tmp, statSync(target).mode & 0o7777);
    renameSync(tmp, target);
    return undefined;
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      /* never created */
    }
    return `cannot write: ${ioReason(e)}`;
  }
}
