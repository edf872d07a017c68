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
import { message, say, text } from '../messages/define';
import type { LocalizedText, Span } from '../types';

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

/** What can be wrong with a roster, zh-CN and en (shown by the CLI as a usage error in its locale). */
const messages = {
  line: message<{ line: number; problem: string }>(
    (a) => `第 ${a.line} 行：${a.problem}`,
    (a) => `line ${a.line}: ${a.problem}`,
  ),
  notMap: message(
    () => '名单应为含 `year` 和 `organs` 的映射',
    () => 'a roster is a mapping with `year` and `organs`',
  ),
  year: message(
    () => '`year` 应为年份，如 2024',
    () => '`year` must be a year, e.g. 2024',
  ),
  deadline: message(
    () => '`deadline` 应为 MM-DD 或 YYYY-MM-DD',
    () => '`deadline` must be MM-DD or YYYY-MM-DD',
  ),
  organs: message(
    () => '`organs` 应为机关名称的列表',
    () => '`organs` must be a list of organ names',
  ),
  entry: message(
    () => '机关应写成名称，或 {name, id?, kind?, deadline?}',
    () => 'an organ is a name or {name, id?, kind?, deadline?}',
  ),
  unknownField: message<{ fields: string }>(
    (a) => `未知字段 ${a.fields}（可用 name、id、kind、deadline）`,
    (a) => `unknown field ${a.fields} (use name, id, kind, deadline)`,
  ),
  name: message(
    () => '机关须有 `name`',
    () => 'an organ needs a `name`',
  ),
  kind: message<{ kinds: string }>(
    (a) => `\`kind\` 应为以下之一：${a.kinds}`,
    (a) => `\`kind\` must be one of ${a.kinds}`,
  ),
};

export type RosterParse = { roster: Roster; errors: [] } | { roster?: undefined; errors: LocalizedText[] };

/** A problem at a line of the roster (the line left out when the node has no position). */
function atLine(line: number | undefined, problem: LocalizedText): LocalizedText {
  if (line === undefined) return problem;
  return {
    'zh-CN': say('zh-CN', messages.line, { line, problem: problem['zh-CN'] }),
    en: say('en', messages.line, { line, problem: problem.en }),
  };
}

/** Reads a roster; `errors` are one line each (`line N: …`) in both languages, empty when the roster is usable. */
export function parseRoster(source: string): RosterParse {
  const doc = loadReport(source);
  const at = (node: Node | null | undefined, problem: LocalizedText) =>
    atLine(spanOf(node) ? doc.lines.position(spanOf(node)!.start).line + 1 : undefined, problem);
  if (doc.fatal || doc.diagnostics.some((d) => d.severity === 'error'))
    return { errors: doc.diagnostics.map((d) => atLine(d.range.start.line + 1, d.message)) };
  const root = doc.doc?.contents;
  if (!isMap(root)) return { errors: [text(messages.notMap)] };
  const errors: LocalizedText[] = [];
  const get = (key: string) => root.items.find((p) => isScalar(p.key) && p.key.value === key)?.value as Node | undefined;
  const yearNode = get('year');
  const year = isScalar(yearNode) ? Number(yearNode.value) : Number.NaN;
  if (!Number.isInteger(year)) errors.push(at(yearNode, text(messages.year)));
  const deadlineNode = get('deadline');
  const deadline = isScalar(deadlineNode) ? String(deadlineNode.value) : undefined;
  if (deadlineNode && (!deadline || !DEADLINE.test(deadline))) errors.push(at(deadlineNode, text(messages.deadline)));
  const list = get('organs');
  if (!isSeq(list)) return { errors: [...errors, at(list, text(messages.organs))] };
  const organs: RosterOrgan[] = [];
  list.items.forEach((item, i) => {
    const entry = readEntry(item as Node, `organs.${i}`);
    if ('problem' in entry) errors.push(at(item as Node, entry.problem));
    else organs.push(entry);
  });
  if (errors.length) return { errors };
  return { roster: { year, ...(deadline ? { deadline } : {}), organs, doc }, errors: [] };
}

function readEntry(item: Node, path: string): RosterOrgan | { problem: LocalizedText } {
  const span = spanOf(item) ?? { start: 0, end: 0 };
  if (isScalar(item) && typeof item.value === 'string' && item.value.trim()) return { name: item.value.trim(), path, span };
  if (!isMap(item)) return { problem: text(messages.entry) };
  const field = (k: string) => {
    const v = item.items.find((p) => isScalar(p.key) && p.key.value === k)?.value;
    // The source text: an 18-digit 统一社会信用代码 written without quotes is read as a number and would lose digits.
    return isScalar(v) && v.value !== null && v.value !== undefined ? String(v.source ?? v.value).trim() : undefined;
  };
  const unknown = item.items.map((p) => (isScalar(p.key) ? String(p.key.value) : '?')).filter((k) => !FIELDS.has(k));
  if (unknown.length) return { problem: text(messages.unknownField, { fields: unknown.join(', ') }) };
  const name = field('name');
  if (!name) return { problem: text(messages.name) };
  const kind = field('kind');
  if (kind !== undefined && !KINDS.includes(kind as OrganKind))
    return { problem: text(messages.kind, { kinds: KINDS.join(', ') }) };
  const deadline = field('deadline');
  if (deadline !== undefined && !DEADLINE.test(deadline)) return { problem: text(messages.deadline) };
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
