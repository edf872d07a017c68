/**
 * The typed face of a report's plain value: `meta` fields with the types the checks need
 * (a field of the wrong type is simply absent; the schema rules report it), the sections'
 * text, and `extra_rows`. The rest of the code reads the report through these and the
 * key-path lookups of report.ts, instead of casting `report.value`.
 */
import { assumedFormat } from '../facts/formats';
import type { FormatId } from '../types';
import type { Report } from './report';

export interface ReportMeta {
  title?: string;
  organ?: string;
  /** An explicit organ identifier (e.g. 统一社会信用代码); wins over the name when pairing. */
  organId?: string;
  organKind?: string;
  year?: number;
  periodFrom?: string;
  periodTo?: string;
  publishedOn?: string;
  /** `meta.contact`'s filled-in values as text (phone, address, …), in the document's order. */
  contact: string[];
}

/** A row of `extra_rows`: one the template does not have, as the document gives it. */
export interface ExtraRow {
  /** The table it was found in (表二, 表三, 表四), when given. */
  table?: string;
  label: string;
  /** Its values (`values: [...]`, or `value:` alone). */
  values: unknown[];
}

/** A report value's top-level fields, as untrusted data. */
type Plain = Record<string, unknown>;

const isPlain = (v: unknown): v is Plain => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const int = (v: unknown): number | undefined => (typeof v === 'number' && Number.isInteger(v) ? v : undefined);
/** Dates come back from YAML as strings (the parser keeps `2021-01-20` as text) or numbers for ids. */
const id = (v: unknown): string | undefined => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined);

const cache = new WeakMap<Report, ReportMeta>();

export function metaOf(report: Report): ReportMeta {
  const hit = cache.get(report);
  if (hit) return hit;
  const root = isPlain(report.value) ? report.value : {};
  const m = isPlain(root.meta) ? root.meta : {};
  const period = isPlain(m.period) ? m.period : {};
  const contact = isPlain(m.contact) ? Object.values(m.contact) : [];
  const meta: ReportMeta = {
    title: str(m.title),
    organ: str(m.organ),
    organId: id(m.organ_id),
    organKind: str(m.organ_kind),
    year: int(m.year),
    periodFrom: str(period.from),
    periodTo: str(period.to),
    publishedOn: str(m.published_on),
    contact: contact.filter((v) => v !== null && v !== undefined && v !== '').map(String),
  };
  cache.set(report, meta);
  return meta;
}

/** A top-level field of the report (a section's value), untyped. */
export function topValue(report: Report, key: string): unknown {
  return isPlain(report.value) ? report.value[key] : undefined;
}

/** A top-level field as text, when it is text. */
export function topText(report: Report, key: string): string | undefined {
  return str(topValue(report, key));
}

/** A mapping under the root (e.g. `fee_collection`), as untrusted data; undefined when it is not a mapping. */
export function topMap(report: Report, key: string): Readonly<Plain> | undefined {
  const v = topValue(report, key);
  return isPlain(v) ? v : undefined;
}

/** `extra_rows`: each row's published label (an item that is not a `{label}` map is shown as text). */
export function extraRowLabels(report: Report): string[] | undefined {
  const v = topValue(report, 'extra_rows');
  if (!Array.isArray(v)) return undefined;
  return v.map((row) => (isPlain(row) ? String(row.label ?? '') : String(row)));
}

/** `extra_rows` as rows (an item that is not a mapping has no label and no values). */
export function extraRows(report: Report): ExtraRow[] | undefined {
  const v = topValue(report, 'extra_rows');
  if (!Array.isArray(v)) return undefined;
  return v.map((row): ExtraRow => {
    if (!isPlain(row)) return { label: '', values: [] };
    const values = Array.isArray(row.values) ? row.values : 'value' in row ? [row.value] : [];
    return { table: str(row.table), label: String(row.label ?? ''), values };
  });
}

/** The format a report is read in: as declared, else as its keys say, else as its year says (core/facts/formats.ts). */
export function formatOfReport(report: Report): FormatId {
  return assumedFormat({ format: report.format, year: metaOf(report).year });
}
