/** A report's organ and year, as pairing across years reads them (SPEC §6.1). */
import { organBucket, sameOrgan } from '../facts/organ';
import { metaOf } from '../model/meta';
import type { Report } from '../model/report';

export interface ReportIdentity {
  organ: string;
  /** meta.organ_id, when given: wins over the name. */
  id?: string;
  /** The organ's bucket: equal for every spelling of one organ. */
  key: string;
  year: number;
}

/** meta.organ (or organ_id) and meta.year of a loaded report, when usable. */
export function identityOf(report: Report): ReportIdentity | undefined {
  if (report.fatal) return undefined;
  const { organ, organId, year } = metaOf(report);
  if (year === undefined || (!organ?.trim() && !organId?.trim())) return undefined;
  const key = organBucket({ name: organ, id: organId });
  return key ? { organ: organ ?? organId ?? '', ...(organId ? { id: organId } : {}), key, year } : undefined;
}

/** Do two identities name the same organ (years aside)? */
export function sameIdentity(a: ReportIdentity, b: ReportIdentity): boolean {
  return a.key === b.key && sameOrgan({ name: a.organ, id: a.id }, { name: b.organ, id: b.id });
}
