/**
 * A roster against the reports of a batch (SPEC.md §6.1): ROSTER-MISSING on the roster's entry of
 * each organ with no report of the roster's year, ROSTER-UNKNOWN on `meta.organ` of each report of
 * that year whose organ is not on it, and each listed organ's publication deadline (META-DEADLINE
 * from the roster's kind or date instead of the report's own `organ_kind`). Pure: the caller
 * (core/review/batch.ts) gives the loaded reports.
 */
import type { ReportIdentity } from '../../crossyear/index';
import { makeDiagnostic } from '../../diagnostic';
import { normaliseOrgan, organBucket, sameOrgan } from '../../facts/organ';
import { keySpanAt, locate, spanOf, type Report } from '../../model/report';
import type { Roster, RosterOrgan } from '../../review/roster';
import type { Diagnostic } from '../../types';
import type { DeadlineSource } from '../meta/check';
import { ROSTER_MISSING, ROSTER_UNKNOWN, messages } from './specs';

export interface RosterReport {
  file: string;
  report: Report;
  identity?: ReportIdentity;
}

/** One roster organ and what the batch holds for it. */
export interface RosterStatus {
  organ: RosterOrgan;
  /** The files of its report for the roster's year (more than one: duplicates). */
  files: string[];
}

/** What the roster does to one report of its year: ROSTER-UNKNOWN, or the deadline it decides. */
export interface RosterVerdict {
  /** ROSTER-UNKNOWN (before severity settings). */
  unknown?: Diagnostic;
  /** The roster decides this report's deadline, from this source. */
  deadline?: DeadlineSource;
}

/** Edit distance below which an unknown organ name is taken for a typo of a roster name. */
const TYPO_DISTANCE = 2;

/** The roster's entry for an organ (the first that names it), if any. */
function entryFor(roster: Roster, id: ReportIdentity): RosterOrgan | undefined {
  return roster.organs.find((o) => sameOrgan({ name: o.name, id: o.id }, { name: id.organ, id: id.id }));
}

/**
 * One report against the roster; undefined for a report of another year or without identity.
 * Needs only the report and the roster, so each can be judged where it was checked.
 */
export function rosterVerdict(roster: Roster, r: RosterReport): RosterVerdict | undefined {
  if (!r.identity || r.identity.year !== roster.year) return undefined;
  const id = r.identity;
  const hit = entryFor(roster, id);
  if (hit) {
    const source = deadlineSource(roster, hit);
    return source ? { deadline: source } : {};
  }
  const nearest = nearestName(roster, id.organ);
  const span = spanOf(locate(r.report, ['meta', 'organ'])?.value) ?? keySpanAt(r.report, ['meta', 'organ']);
  return {
    unknown: makeDiagnostic(
      r.report.lines,
      ROSTER_UNKNOWN,
      messages.unknown,
      { organ: id.organ, year: roster.year, nearest },
      span,
      {
        path: 'meta.organ',
        organ: id.organ,
        year: roster.year,
        ...(nearest ? { nearest } : {}),
      },
    ),
  };
}

/** Each roster organ with the files of its report, and ROSTER-MISSING (before severity settings) for those with none. */
export function rosterStatus(
  roster: Roster,
  reports: readonly { file: string; identity?: ReportIdentity }[],
): { status: RosterStatus[]; missing: Diagnostic[] } {
  const status: RosterStatus[] = roster.organs.map((organ) => ({ organ, files: [] }));
  for (const r of reports) {
    if (!r.identity || r.identity.year !== roster.year) continue;
    const hit = entryFor(roster, r.identity);
    if (hit) status[roster.organs.indexOf(hit)].files.push(r.file);
  }
  const missing = status
    .filter((s) => !s.files.length)
    .map((s) =>
      makeDiagnostic(
        roster.doc.lines,
        ROSTER_MISSING,
        messages.missing,
        { organ: s.organ.name, year: roster.year },
        s.organ.span,
        {
          path: s.organ.path,
          organ: s.organ.name,
          year: roster.year,
          ...(s.organ.id ? { organId: s.organ.id } : {}),
          ...(s.organ.kind ? { kind: s.organ.kind } : {}),
        },
      ),
    );
  return { status, missing };
}

/** The organ's own deadline, else its kind, else the roster's deadline for all; none: the report decides. */
function deadlineSource(roster: Roster, organ: RosterOrgan): DeadlineSource | undefined {
  if (organ.deadline) return { deadline: organ.deadline, ...(organ.kind ? { kind: organ.kind } : {}) };
  if (organ.kind) return { kind: organ.kind };
  if (roster.deadline) return { deadline: roster.deadline };
  return undefined;
}

/** A roster name the unknown name most likely means: the same organ under another region, or a typo. */
function nearestName(roster: Roster, name: string): string | undefined {
  const n = normaliseOrgan(name);
  const bucket = organBucket({ name });
  const same = roster.organs.find((o) => organBucket({ name: o.name }) === bucket);
  if (same) return same.name;
  let best: { name: string; d: number } | undefined;
  for (const o of roster.organs) {
    const d = distance(n, normaliseOrgan(o.name), TYPO_DISTANCE);
    if (d <= TYPO_DISTANCE && (!best || d < best.d)) best = { name: o.name, d };
  }
  return best?.name;
}

/** Levenshtein distance, given up (max + 1) once it exceeds `max`. */
function distance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let low = i;
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      low = Math.min(low, cur[j]);
    }
    if (low > max) return max + 1;
    prev = cur;
  }
  return prev[b.length];
}
