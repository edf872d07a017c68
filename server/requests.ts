/**
 * Custom requests (protocol/requests.ts): `nianbao/skeleton` returns a blank report's text;
 * `nianbao/status` the detected format and problem counts for the status item.
 * (`nianbao/preview` and `nianbao/import` are served by their own modules.)
 */
import type { SkeletonParams } from '../protocol/requests';
import type { StatusResult } from '../protocol/results';
import { ResponseError, ErrorCodes } from 'vscode-languageserver/node';
import { skeleton } from '../core';
import { fillProgress } from '../core/form/progress';
import { memo, type AnalysisStore } from './documents';
import type { LedgerStore } from './review';

export function skeletonRequest(params: SkeletonParams): string | ResponseError<void> {
  const format = String(params?.format ?? '2021');
  if (format !== '2019' && format !== '2021')
    return new ResponseError(ErrorCodes.InvalidParams, `unknown format ${format}: use 2019 or 2021`);
  const year = params.year === undefined || params.year === null ? undefined : Number(params.year);
  return skeleton({
    format,
    year: year !== undefined && Number.isInteger(year) ? year : undefined,
    organ: typeof params.organ === 'string' && params.organ ? params.organ : undefined,
    organKind: typeof params.organKind === 'string' && params.organKind ? params.organKind : undefined,
  });
}

export async function statusRequest(
  store: AnalysisStore,
  params: { uri: string },
  ledgers?: LedgerStore,
): Promise<StatusResult | null> {
  const a = await store.get(params?.uri);
  if (!a) return null;
  // Findings dismissed in the review ledger are hints now: they do not count.
  const dismissed = ledgers?.view(a).dismissed;
  const count = (s: string) => a.result.diagnostics.filter((d) => d.severity === s && !dismissed?.has(d)).length;
  return {
    uri: a.uri,
    version: a.version,
    format: a.result.format,
    declaredFormat: a.result.report.declaredFormat,
    errors: count('error'),
    warnings: count('warning'),
    infos: count('info'),
    progress: a.result.format ? memo(a, 'progress', () => fillProgress(a.result.report, a.format)) : [],
  };
}
