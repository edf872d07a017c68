/**
 * A finding's fingerprint: a short, stable name for "this rule, about this organ's report of this
 * year, at this subject", so a reviewer's decision (core/review/ledger.ts) still applies after the
 * report is edited elsewhere. It is a hash of
 *
 *   code · organ identity · year · subject path (`data.path`) [· discriminator]
 *
 * - organ identity: `meta.organ_id` when given, else the organ's bucket and normalised name
 *   (core/facts/organ.ts), so the same report spelt with or without spaces or full-width brackets
 *   keeps its fingerprints; a report without a usable organ or year falls back to its file name.
 * - no line numbers and no values: moving lines or changing a figure keeps the fingerprint (a
 *   dismissed X-CARRY stays dismissed when the carried-over count is corrected by one).
 * - a discriminator only where two findings of one code share a subject path (META-YEAR's
 *   `found` year, a YAML error's parser code, X-REUSE's sub-part), and an occurrence number
 *   after that only when they still coincide.
 *
 * Used alike by the CLI (JSON, SARIF `partialFingerprints`, CSV, the ledger) and the language
 * server (diagnostic data, the dismiss code action).
 */
import { createHash } from 'node:crypto';
import type { ReportIdentity } from '../crossyear/index';
import { normaliseOrgan, organBucket } from '../facts/organ';
import type { Diagnostic } from '../types';

/** Hex characters kept of the sha-256: 64 bits, no collision in any realistic set of findings. */
const FINGERPRINT_HEX = 16;

/** The data fields that tell apart two findings of one code on one subject, tried in this order. */
const DISCRIMINATING_FIELDS = ['found', 'where', 'part', 'kind', 'yamlCode', 'relation', 'column'] as const;

/** Whose report a finding is about: the report's identity, or (no usable meta) its file name. */
export interface FingerprintSubject {
  identity?: Pick<ReportIdentity, 'organ' | 'id' | 'year'>;
  /** Used when there is no identity: the report's file name (base name, so moving the folder keeps it). */
  fallback?: string;
}

/** The organ part of a fingerprint: `#id`, or bucket + normalised name. */
export function organKey(organ: { organ?: string; id?: string }): string {
  if (organ.id?.trim()) return `#${normaliseOrgan(organ.id)}`;
  const name = normaliseOrgan(organ.organ ?? '');
  return `${organBucket({ name }) ?? ''}|${name}`;
}

/** The hash of a key (a JSON array of the fingerprint's parts). */
function hash(key: string): string {
  return createHash('sha256').update(key).digest('hex').slice(0, FINGERPRINT_HEX);
}

/**
 * What a finding is about: a roster finding names its own organ and year in `data` (its path, the
 * roster entry's index, would change when the roster is reordered); any other finding is about its
 * report.
 */
function subjectOf(
  d: Diagnostic,
  s: FingerprintSubject,
  own: string | undefined,
): { organ: string; year: number | string; path: string } {
  if (d.code === 'ROSTER-MISSING')
    return { organ: organKey({ organ: d.data.organ, id: d.data.organId }), year: d.data.year, path: '' };
  if (s.identity) return { organ: own ?? organKey(s.identity), year: s.identity.year, path: d.data.path };
  return { organ: `file:${s.fallback ?? ''}`, year: '', path: d.data.path };
}

function discriminator(d: Diagnostic): string {
  const data = d.data as unknown as Record<string, unknown>;
  for (const f of DISCRIMINATING_FIELDS) if (data[f] !== undefined) return `${f}=${String(data[f])}`;
  return '';
}

/**
 * Fingerprints of a report's findings, in the order given (pass the findings in document order,
 * suppressed ones included, so occurrence numbers are stable).
 */
export function fingerprintsOf(diags: readonly Diagnostic[], subject: FingerprintSubject): string[] {
  // The report's own organ key, normalised once for all its findings.
  const own = subject.identity ? organKey(subject.identity) : undefined;
  const base = diags.map((d) => {
    const { organ, year, path } = subjectOf(d, subject, own);
    return [d.code, organ, year, path] as (string | number)[];
  });
  const keyOf = (parts: (string | number)[]) => JSON.stringify(parts);
  const baseKeys = base.map(keyOf);
  const count = new Map<string, number>();
  for (const k of baseKeys) count.set(k, (count.get(k) ?? 0) + 1);
  // Only findings that share a subject get a discriminator.
  const withDisc = base.map((b, i) => (count.get(baseKeys[i])! > 1 ? [...b, discriminator(diags[i])] : b));
  const keys = withDisc.map((b, i) => (b === base[i] ? baseKeys[i] : keyOf(b)));
  const seen = new Map<string, number>();
  const again = new Map<string, number>();
  for (const k of keys) again.set(k, (again.get(k) ?? 0) + 1);
  return withDisc.map((b, i) => {
    const k = keys[i];
    if (again.get(k)! === 1) return hash(k);
    const n = seen.get(k) ?? 0;
    seen.set(k, n + 1);
    return hash(n ? keyOf([...b, `#${n}`]) : k);
  });
}

/** A fingerprint as typed by a person: 16 lower-case hex digits. */
export const FINGERPRINT_RE = /^[0-9a-f]{16}$/;
