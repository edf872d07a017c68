/**
 * A reviewer's batch made from the example reports, shared by the batch benchmark and the
 * `--jobs` tests: organs × years, each report a template from examples/reports/ with its organ,
 * year and a few cells changed. Consecutive years of one organ pair across years (X-CARRY, X-REUSE
 * where both years use the same template's prose); some years spell the organ without its city
 * (淮安市洪泽区 / 洪泽区), so pairing goes through organ identity; changed cells break a few sums.
 * Deterministic: the same count gives the same files.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface CorpusFile {
  /** Relative path: `<year>/<organ number>.nianbao.yaml`. */
  name: string;
  text: string;
}

interface Template {
  text: string;
  organ: string;
  year: number;
}

const FORMAT_2019 = [
  'clean-2019',
  'seed-000-baji-2020',
  'seed-001-kuquan-2020',
  'seed-002-dacai-2020',
  'seed-003-shuangying-2020',
  'seed-004-shagou-2020',
];
const FORMAT_2021 = ['clean-2021', 'corpus-003-hongze-2023', 'corpus-004-hongze-2024'];
/** 2020 is written in the 2019 format, the later years in the 2021 format. */
const YEARS = [2020, 2021, 2022, 2023];
const CITIES = ['淮安市', '宿迁市', '长春市', '西宁市', '平潭县', '青禾市', '临川市', '安平市'];
const PLACE = '东南西北清河湖山平安永福德兴宁远';
const KINDS = [
  { suffix: '区人民政府', kind: 'county_government' },
  { suffix: '县人民政府', kind: 'county_government' },
  { suffix: '镇人民政府', kind: 'township_government' },
  { suffix: '县自然资源局', kind: 'department' },
];

function loadTemplates(root: string, names: string[]): Template[] {
  return names.map((n) => {
    const text = readFileSync(join(root, 'examples', 'reports', `${n}.nianbao.yaml`), 'utf8');
    const organ = /^\s+organ:\s*(\S+)/m.exec(text)?.[1] ?? '';
    const year = Number(/^\s+year:\s*(\d{4})/m.exec(text)?.[1]);
    return { text, organ, year };
  });
}

/** A small deterministic generator (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `count` reports (organs × YEARS, the last organ possibly with fewer years); `root` is the repository. */
export function makeCorpus(root: string, count: number): CorpusFile[] {
  const t2019 = loadTemplates(root, FORMAT_2019);
  const t2021 = loadTemplates(root, FORMAT_2021);
  const rnd = random(20_260_101);
  const out: CorpusFile[] = [];
  for (let organ = 0; out.length < count; organ++) {
    const city = CITIES[organ % CITIES.length];
    const place = `${PLACE[organ % PLACE.length]}${PLACE[Math.floor(organ / PLACE.length) % PLACE.length]}${organ}`;
    const { suffix, kind } = KINDS[organ % KINDS.length];
    for (const year of YEARS) {
      if (out.length >= count) break;
      const pool = year < 2021 ? t2019 : t2021;
      // Two consecutive 2021-format years often share a template: their prose repeats (X-REUSE).
      const template = pool[(organ + Math.floor(year / 2)) % pool.length];
      // Every third report drops the city: the same organ by its short name.
      const name = (organ + year) % 3 === 0 ? `${place}${suffix}` : `${city}${place}${suffix}`;
      out.push({
        name: `${year}/o${String(organ).padStart(5, '0')}.nianbao.yaml`,
        text: variant(template, name, kind, year, rnd),
      });
    }
  }
  return out;
}

function variant(t: Template, organ: string, kind: string, year: number, rnd: () => number): string {
  const shift = year - t.year;
  let text = t.text
    .replace(new RegExp(escapeRe(t.organ), 'g'), organ)
    .replace(/(?<!\d)(20[12]\d)(?!\d)/g, (y) => String(Number(y) + shift))
    .replace(/^(\s+organ_kind:\s*)\w+/m, `$1${kind}`);
  // A few numeric cells of flow maps changed (a sum or a carry-over may then fail, as in real batches).
  const changes = Math.floor(rnd() * 4);
  for (let i = 0; i < changes; i++) {
    const at = Math.floor(rnd() * text.length);
    const m = /(\{[^}\n]*?: )(\d+)/g;
    m.lastIndex = at;
    const hit = m.exec(text);
    if (!hit) continue;
    const start = hit.index + hit[1].length;
    text = `${text.slice(0, start)}${Number(hit[2]) + 1 + Math.floor(rnd() * 5)}${text.slice(start + hit[2].length)}`;
  }
  return text;
}
