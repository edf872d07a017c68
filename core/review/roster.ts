/**
 * A reviewer's roster: the organs expected to publish a report for one year, as YAML.
 *
 *   year: 2024
 *   deadline: 03-31                  # optional: every organ's deadline (MM-DD of the next year, or a date)
 *   organs:
 *     - 淮安市洪泽区人民政府           # a name alone
 *     - {name: 洪泽区发展和改革委员会, kind: department}
 *     - {name: 洪泽区高良涧街道办事处, kind: subdistrict_office, deadline: 2025-02-28}
 *     - {name: 洪泽区教育局, id: 11320813MB1234567X}
 *
 * `kind` (an organ kind, as `meta.organ_kind`) or `deadline` decide the publication deadline the
 * organ's report is held to (META-DEADLINE), instead of what the report says of itself. Pure:
 * text in, model out; problems with the roster itself are returned as messages with their line.
 */
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import type { OrganKind } from '../facts/organ';
import { loadReport, spanOf, type Report } from '../model/report';
import type { Span } from '../types';

export interface RosterOrgan {
  name: string;
  id?: string;
  kind?: OrganKind;
  /** The deadline as written: `MM-DD` (of the year after the roster's year) or `YYYY-MM-DD`. */
  deadline?: string;
  /** `organs.<index>`: the finding's subject path in the roster file. */
  path: string;
  /** The entry in the roster text (its name, or the whole entry). */
  span: Span;
}

export interface Roster {
  year: number;
  deadline?: string;
  organs: RosterOrgan[];
  /** The roster as a loaded YAML document (for positions, suppression comments and severity settings). */
  doc: Report;
}

const KINDS: readonly OrganKind[] = [
  'department',
  'county_government',
  'city_government',
  'province_government',
  'township_government',
  'subdistrict_office',
  'other',
];
const DEADLINE = /^(?:\d{4}-)?\d\d-\d\d$/;

export type RosterParse = { roster: Roster; errors: [] } | { roster?: undefined; errors: string[] };

/** Reads a roster; `errors` are one line each (`line N: …`), empty when the roster is usable. */
export function parseRoster(text: string): RosterParse {
  const doc = loadReport(text);
  const at = (node: Node | null | undefined) =>
    spanOf(node) ? `line ${doc.lines.position(spanOf(node)!.start).line + 1}: ` : '';
  if (doc.fatal || doc.diagnostics.some((d) => d.severity === 'error'))
    return { errors: doc.diagnostics.map((d) => `line ${d.range.start.line + 1}: ${d.message.en}`) };
  const root = doc.doc?.contents;
  if (!isMap(root)) return { errors: ['a roster is a mapping with `year` and `organs`'] };
  const errors: string[] = [];
  const get = (key: string) => root.items.find((p) => isScalar(p.key) && p.key.value === key)?.value as Node | undefined;
  const yearNode = get('year');
  const year = isScalar(yearNode) ? Number(yearNode.value) : Number.NaN;
  if (!Number.isInteger(year)) errors.push(`${at(yearNode)}\`year\` must be a year, e.g. 2024`);
  const deadlineNode = get('deadline');
  const deadline = isScalar(deadlineNode) ? String(deadlineNode.value) : undefined;
  if (deadlineNode && (!deadline || !DEADLINE.test(deadline)))
    errors.push(`${at(deadlineNode)}\`deadline\` must be MM-DD or YYYY-MM-DD`);
  const list = get('organs');
  if (!isSeq(list)) return { errors: [...errors, `${at(list)}\`organs\` must be a list of organ names`] };
  const organs: RosterOrgan[] = [];
  list.items.forEach((item, i) => {
    const entry = readEntry(item as Node, `organs.${i}`);
    if (typeof entry === 'string') errors.push(`${at(item as Node)}${entry}`);
    else organs.push(entry);
  });
  if (errors.length) return { errors };
  return { roster: { year, ...(deadline ? { deadline } : {}), organs, doc }, errors: [] };
}

function readEntry(item: Node, path: string): RosterOrgan | string {
  const span = spanOf(item) ?? { start: 0, end: 0 };
  if (isScalar(item) && typeof item.value === 'string' && item.value.trim()) return { name: item.value.trim(), path, span };
  if (!isMap(item)) return 'an organ is a name or {name, id?, kind?, deadline?}';
  const field = (k: string) => {
    const v = item.items.find((p) => isScalar(p.key) && p.key.value === k)?.value;
    // The source text: an 18-digit 统一社会信用代码 written without quotes is read as a number and would lose digits.
    return isScalar(v) && v.value !== null && v.value !== undefined ? String(v.source ?? v.value).trim() : undefined;
  };
  const unknown = item.items.map((p) => (isScalar(p.key) ? String(p.key.value) : '?')).filter((k) => !FIELDS.has(k));
  if (unknown.length) return `unknown field ${unknown.join(', ')} (use name, id, kind, deadline)`;
  const name = field('name');
  if (!name) return 'an organ needs a `name`';
  const kind = field('kind');
  if (kind !== undefined && !KINDS.includes(kind as OrganKind)) return `\`kind\` must be one of ${KINDS.join(', ')}`;
  const deadline = field('deadline');
  if (deadline !== undefined && !DEADLINE.test(deadline)) return '`deadline` must be MM-DD or YYYY-MM-DD';
  const id = field('id');
  const nameNode = item.items.find((p) => isScalar(p.key) && p.key.value === 'name')?.value as Node | undefined;
  return {
    name,
    path,
    span: spanOf(nameNode) ?? span,
    ...(id ? { id } : {}),
    ...(kind ? { kind: kind as OrganKind } : {}),
    ...(deadline ? { deadline } : {}),
  };
}

const FIELDS = new Set(['name', 'id', 'kind', 'deadline']);
