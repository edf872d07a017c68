/**
 * JSON output: `{ files, findings, roster?, ledgers? }` with zero-based LSP positions.
 *
 * - `files`: one entry per file checked — organ, year, counts, and (several files) `pairing`:
 *   which report of the year before it was compared with (`previous`, null when none), every
 *   file that could have been (`candidates`, the chosen one first) and `status`
 *   (`paired` | `none` | `unidentified`).
 * - `findings`: every finding, flat: the ones that count, those silenced by a suppression
 *   comment (`suppressed`) and those dismissed in the review ledger (`review.status` =
 *   `dismissed`); each has a stable `fingerprint` (core/review/fingerprint.ts).
 * - `roster`: with `--roster`, each listed organ and the files of its report.
 * - `ledgers`: the review ledgers read, with their entries whose finding has gone (`stale`).
 */
import { categoryOf, type Category, type Diagnostic, type Locale, type Pairing, type Review, type Suppressed } from '../../core';
import type { BatchRun, FileResult } from '../batch';

export interface JsonFinding {
  file: string;
  code: string;
  /** Whose finding: the report's own, the importer's (IMPORT-*, recorded by `nianbao import`), or a reviewer's. */
  category: Category;
  severity: Diagnostic['severity'];
  message: string;
  range: Diagnostic['range'];
  data: Diagnostic['data'];
  fingerprint: string;
  /** Set for a finding silenced by a suppression comment (it does not count in the exit code). */
  suppressed?: { line: number; codes: string[] };
  /** The reviewer's decision from the ledger; `dismissed` findings do not count. */
  review?: Review;
  /** Related cells: the operands of a sum, or last year's cell (in `file`) for a cross-year finding. */
  related: { file: string; range: Diagnostic['range']; message: string }[];
}

export interface JsonFile {
  file: string;
  kind: FileResult['kind'];
  organ: string | null;
  organ_id?: string;
  year: number | null;
  errors: number;
  warnings: number;
  infos: number;
  suppressed: number;
  dismissed: number;
  /** Import findings (IMPORT-*): counted apart from errors, warnings and infos. */
  imports: number;
  pairing?: Pairing;
}

export function findingsOf(r: FileResult, locale: Locale): JsonFinding[] {
  const one = (d: Diagnostic, extra: { by?: Suppressed['directive']; review?: Review }): JsonFinding => ({
    file: r.file,
    code: d.code,
    category: categoryOf(d.code),
    severity: d.severity,
    message: d.message[locale],
    range: d.range,
    data: d.data,
    fingerprint: r.fingerprints.get(d) ?? '',
    related: (d.related ?? []).map((x) => ({ file: x.file ?? r.file, range: x.range, message: x.message[locale] })),
    ...(extra.by ? { suppressed: { line: extra.by.line - 1, codes: extra.by.codes } } : {}),
    ...(extra.review ? { review: extra.review } : {}),
  });
  return [
    ...r.diags.map((d) => one(d, { review: r.reviews.get(d) })),
    ...r.suppressed.map((s) => one(s.diagnostic, { by: s.directive, review: r.reviews.get(s.diagnostic) })),
    ...r.dismissed.map((x) => one(x.diagnostic, { review: x.review })),
  ];
}

/** A file's finding counts, as its JSON entry gives them (what the batch keeps of a file checked in a worker). */
export type FileCounts = Pick<JsonFile, 'errors' | 'warnings' | 'infos' | 'suppressed' | 'dismissed' | 'imports'>;

export function countsOf(r: Pick<FileResult, 'diags' | 'suppressed' | 'dismissed'>): FileCounts {
  const own = r.diags.filter((d) => categoryOf(d.code) !== 'import');
  const count = (s: string) => own.filter((d) => d.severity === s).length;
  return {
    errors: count('error'),
    warnings: count('warning'),
    infos: count('info'),
    suppressed: r.suppressed.length,
    dismissed: r.dismissed.length,
    imports: r.diags.length - own.length,
  };
}

export function fileOf(r: FileResult): JsonFile {
  return fileEntry(r, countsOf(r));
}

/** A file's JSON entry from its counts. */
export function fileEntry(
  r: Pick<FileResult, 'file' | 'kind' | 'organ' | 'identity' | 'year' | 'pairing'>,
  counts: FileCounts,
): JsonFile {
  return {
    file: r.file,
    kind: r.kind,
    organ: r.organ ?? null,
    ...(r.identity?.id ? { organ_id: r.identity.id } : {}),
    year: r.year ?? null,
    ...counts,
    ...(r.pairing ? { pairing: r.pairing } : {}),
  };
}

/** The whole JSON document of a run (without the summary). */
export function toJson(run: Pick<BatchRun, 'results' | 'roster' | 'ledgers'>, locale: Locale): object {
  return jsonDocument(
    run.results.map(fileOf),
    run.results.flatMap((r) => findingsOf(r, locale)),
    run,
  );
}

/** The JSON document from its parts (its findings may stand for pieces written in their place, cli/output/stream.ts). */
export function jsonDocument(files: JsonFile[], findings: unknown[], run: Pick<BatchRun, 'roster' | 'ledgers'>): object {
  return {
    files,
    findings,
    ...(run.roster ? { roster: rosterJson(run.roster) } : {}),
    ...(run.ledgers.length
      ? { ledgers: run.ledgers.map((l) => ({ file: l.file, entries: l.entries, stale: l.stale.map((e) => e.fingerprint) })) }
      : {}),
  };
}

export function rosterJson(roster: NonNullable<BatchRun['roster']>) {
  return {
    file: roster.file,
    year: roster.roster.year,
    organs: roster.status.map((s) => ({
      name: s.organ.name,
      ...(s.organ.id ? { id: s.organ.id } : {}),
      ...(s.organ.kind ? { kind: s.organ.kind } : {}),
      files: s.files,
    })),
  };
}
