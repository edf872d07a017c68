/**
 * Organ identity and organ kind (SPEC.md §6.1), the one home of both: the cross-year pairing,
 * rosters, the summary's grouping, the importer and the New Report dialog all ask here.
 *
 * Identity: two names denote the same organ when they are equal after normalisation (full-
 * and half-width forms, whitespace, bracket styles) and after removing leading
 * administrative-region prefixes that the other name lacks (江苏省, 淮安市 …:
 * 淮安市洪泽区人民政府 = 洪泽区人民政府), unless what remains differs. An explicit organ id
 * (e.g. the 统一社会信用代码 in `meta.organ_id`) wins over names.
 */

/** Whitespace of every kind, including U+3000 and NBSP (PDF letter spacing, padding). */
const WS = /[\s\u00a0\u3000\u200b\ufeff]+/g;

/** The comparison form of a name: NFKC (full-width → half-width), no whitespace, one bracket style. */
export function normaliseOrgan(name: string): string {
  return name
    .normalize('NFKC')
    .replace(WS, '')
    .replace(/[〔【［[]/g, '(')
    .replace(/[〕】］\]]/g, ')');
}

/**
 * Administrative units a name may start with, longest suffixes first. A unit is a short place
 * name plus one of these; the place name has at least one character (市场监督管理局 does not
 * start with a unit 市).
 */
const UNIT_SUFFIXES = [
  '特别行政区',
  '自治区',
  '自治州',
  '自治县',
  '自治旗',
  '新区',
  '地区',
  '街道',
  '省',
  '市',
  '州',
  '盟',
  '县',
  '区',
  '旗',
  '乡',
  '镇',
];
/** Words that end in a unit suffix but are not places (城市管理局, 社区…). */
const NOT_PLACES = new Set([
  '城市',
  '社区',
  '园区',
  '景区',
  '小区',
  '城区',
  '市区',
  '郊区',
  '辖区',
  '山区',
  '牧区',
  '林区',
  '矿区',
  '库区',
]);
/** A place name before its suffix: 1–8 characters, none of them one that marks an organ or a list. */
const PLACE = /^[^()（）、，,:：]{1,8}?/;

/** Splits the leading administrative units off a normalised name: 淮安市洪泽区人民政府 → [淮安市, 洪泽区], 人民政府. */
export function regionUnits(name: string): { units: string[]; rest: string } {
  const units: string[] = [];
  let rest = name;
  for (;;) {
    const unit = leadingUnit(rest);
    if (!unit) break;
    units.push(unit);
    rest = rest.slice(unit.length);
  }
  return { units, rest };
}

function leadingUnit(s: string): string | undefined {
  let best: string | undefined;
  for (const suffix of UNIT_SUFFIXES) {
    for (let at = s.indexOf(suffix, 1); at > 0 && at <= 8; at = s.indexOf(suffix, at + 1)) {
      const unit = s.slice(0, at + suffix.length);
      if (!PLACE.test(unit.slice(0, at)) || NOT_PLACES.has(unit)) continue;
      // The shortest unit that leaves a name behind: 洪泽区人民政府 → 洪泽区, not the whole name.
      if (unit.length < s.length && (!best || unit.length < best.length)) best = unit;
      break;
    }
  }
  // A one-character suffix right after it belongs to the same unit: 广州 + 市, 通州 + 区.
  while (best && best.length < s.length - 1 && SINGLE_SUFFIX.has(s[best.length])) best = s.slice(0, best.length + 1);
  return best;
}

const SINGLE_SUFFIX = new Set(['省', '市', '州', '盟', '县', '区', '旗', '乡', '镇']);

export interface OrganRef {
  name?: string;
  /** An explicit identifier (meta.organ_id); compared exactly when both sides have one. */
  id?: string;
}

/** Do two references denote the same organ? */
export function sameOrgan(a: OrganRef, b: OrganRef): boolean {
  if (a.id && b.id) return normaliseOrgan(a.id) === normaliseOrgan(b.id);
  if (!a.name || !b.name) return false;
  const x = normaliseOrgan(a.name);
  const y = normaliseOrgan(b.name);
  if (!x || !y) return false;
  if (x === y) return true;
  const rx = regionUnits(x);
  const ry = regionUnits(y);
  if (rx.rest !== ry.rest) return false;
  // One list of units must end the other: the longer name only adds prefixes.
  const [short, long] = rx.units.length <= ry.units.length ? [rx.units, ry.units] : [ry.units, rx.units];
  if (!short.length) return false; // 人民政府 alone names no organ
  return short.every((u, i) => long[long.length - short.length + i] === u);
}

/**
 * A key under which the same organ's reports meet: the normalised name without region
 * prefixes, which every spelling of one organ shares (two different organs may share it too:
 * 淮安市洪泽区人民政府 and 宿迁市洪泽区人民政府 — confirm with `sameOrgan`). The id when given.
 */
export function organBucket(ref: OrganRef): string | undefined {
  if (ref.id) return `#${normaliseOrgan(ref.id)}`;
  if (!ref.name) return undefined;
  const n = normaliseOrgan(ref.name);
  if (!n) return undefined;
  const { units, rest } = regionUnits(n);
  return units.length ? `${units[units.length - 1]}${rest}` : rest;
}

/** The organ kinds of `meta.organ_kind` (the schema's enum; see labels in the schema). */
export type OrganKind =
  | 'department'
  | 'county_government'
  | 'city_government'
  | 'province_government'
  | 'township_government'
  | 'subdistrict_office'
  | 'other';

const MUNICIPALITIES = new Set(['北京市', '天津市', '上海市', '重庆市']);

/**
 * The organ kind a name implies, or undefined when it does not say. Governments by their last
 * unit (乡/镇 township; 县/区/旗 county; 市/州/盟 city, but the four municipalities are
 * provincial; 省/自治区 province; 地区行政公署 city level); 街道办事处 subdistrict office; names
 * ending in an office word (局, 委员会, 办公室 …) departments.
 */
export function organKindOf(name: string): OrganKind | undefined {
  const n = normaliseOrgan(name).replace(/\([^()]*\)$/, '');
  if (!n) return undefined;
  if (/街道(?:办事处)?$/.test(n)) return 'subdistrict_office';
  if (/行政公署$/.test(n)) return 'city_government';
  const gov = /^(.*?)(?:人民政府|政府)$/.exec(n);
  if (gov) {
    // The government's own unit is the last one: what regionUnits leaves after the prefixes
    // (贵南县沙沟乡 → 沙沟乡, 淮安市洪泽区 → 洪泽区; 青禾县 alone → 青禾县).
    const { units, rest } = regionUnits(gov[1]);
    const last = rest || units[units.length - 1];
    if (!last) return undefined;
    if (MUNICIPALITIES.has(gov[1])) return 'province_government';
    if (/(?:乡|镇)$/.test(last)) return 'township_government';
    if (/(?:省|自治区|特别行政区)$/.test(last)) return 'province_government';
    if (/(?:自治州|市|州|盟|地区)$/.test(last)) return 'city_government';
    if (/(?:自治县|自治旗|县|区|旗|新区)$/.test(last)) return 'county_government';
    return undefined;
  }
  if (/(?:局|委员会|委|厅|办公室|办|署|中心|部|处|院|所|站|队|会)$/.test(n)) return 'department';
  return undefined;
}
