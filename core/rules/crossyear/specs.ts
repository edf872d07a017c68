/**
 * X-CARRY, X-INFORCE, X-ITEMS-19, X-19-CUM, X-REUSE: this year's report against the same organ's
 * report for the year before (paired by organ identity, core/facts/organ.ts).
 */
import { both, message } from '../../messages/define';
import { rule } from '../spec';

export interface CrossYearData {
  /** This year's cell. */
  path: string;
  /** Last year's cell. */
  lastPath: string;
  thisYear?: number;
  lastYear?: number;
  year: number;
  previousYear: number;
  lastFile?: string;
  lastUri?: string;
  /** The value this year's cell should have (absent for X-19-CUM). */
  expected?: number;
  soft?: boolean;
  atLeast?: number;
}

const WHERE = both(
  '需要上年度的报告：命令行中一并给出（同一机关、上一年度，按机关名称或 `meta.organ_id` 配对），编辑器中在工作区内（见设置 `nianbao.index.include`）。',
  'Needs last year’s report: given on the same command line (same organ, previous year; paired by organ name or `meta.organ_id`), or in the editor’s workspace (see the `nianbao.index.include` setting).',
);

export const X_CARRY = rule<CrossYearData>()({
  code: 'X-CARRY',
  severity: 'warning',
  title: both('上年结转与上年度报告“结转下年度继续办理”不一致', "Carried over ≠ last year's carried forward"),
  explain: {
    fires: both(
      `跨年度检查：本年表三“二、上年结转政府信息公开申请数量”与同一机关上年度报告的“四、结转下年度继续办理”逐列不一致。${WHERE['zh-CN']}`,
      `Cross-year: this year’s Table 3 “carried over from last year” differs, column by column, from “carried forward to next year” in the same organ’s previous report. ${WHERE.en}`,
    ),
    fix: both(
      '快速修复改为上年度的数值；若上年度报告有误，应更正上年度报告。',
      'The quick fix uses last year’s value; if last year’s report is wrong, correct that report instead.',
    ),
  },
});

export const X_INFORCE = rule<CrossYearData>()({
  code: 'X-INFORCE',
  severity: 'warning',
  title: both('现行有效件数与上年度不衔接', "In-force count does not follow from last year's"),
  explain: {
    fires: both(
      '跨年度检查（两年均为 2021 格式）：现行有效件数 ≠ 上年度现行有效件数 + 本年制发件数 − 本年废止件数。差额在本年制发件数范围内时只作提示，因为制发件数可能包含对现行文件的修订。',
      'Cross-year (both years in the 2021 format): documents in force ≠ last year’s in force + issued this year − repealed this year. When the gap is within the number issued it is only information, since issued documents may be amendments of ones already in force.',
    ),
    fix: both(
      '核对三个数和上年度报告；快速修复给出按上年度推算的数值。',
      'Check the three figures and last year’s report; the quick fix offers the value computed from last year.',
    ),
  },
});

export const X_ITEMS_19 = rule<CrossYearData>()({
  code: 'X-ITEMS-19',
  severity: 'warning',
  title: both('上一年项目数量与上年度报告不衔接', "Previous-year item count does not follow from last year's report"),
  explain: {
    fires: both(
      '跨年度检查（两年均为 2019 格式）：本年“上一年项目数量”≠ 上年度报告的“上一年项目数量 + 本年增/减”。',
      'Cross-year (both years in the 2019 format): this year’s “previous year’s items” ≠ last year’s “previous year’s items + change this year”.',
    ),
    fix: both(
      '快速修复给出按上年度推算的数值；若上年度报告有误，应更正上年度报告。',
      'The quick fix offers the value computed from last year; if last year’s report is wrong, correct that one.',
    ),
  },
});

export const X_19_CUM = rule<CrossYearData>()({
  code: 'X-19-CUM',
  severity: 'info',
  title: both('对外公开总数量小于上年度', 'Total published is below last year'),
  explain: {
    fires: both(
      '跨年度检查（两年均为 2019 格式）：对外公开总数量是累计数，本年却小于上年度报告的数值。',
      'Cross-year (both years in the 2019 format): the total published is cumulative, yet this year’s is below last year’s.',
    ),
    fix: both('核对累计数是否误填成本年数。', 'Check whether the cumulative column holds this year’s figure instead.'),
  },
});

export interface ReuseData {
  /** The section: `overview`, `problems` or `other_matters`. */
  path: string;
  /** A sub-part of 一 (its heading numeral, e.g. （三）) judged on its own; absent for the whole section. */
  part?: string;
  lastPath: string;
  year: number;
  previousYear: number;
  /** Percent of the section's normalised characters repeated from last year's (rounded). */
  share: number;
  threshold: number;
  /** Normalised characters of this year's section, and of the longest repeated passage. */
  chars: number;
  longest: number;
  /** The longest repeated passage as written this year and last year. */
  passage: string;
  lastPassage: string;
  lastFile?: string;
  lastUri?: string;
}

export const X_REUSE = rule<ReuseData>()({
  code: 'X-REUSE',
  severity: 'warning',
  title: both('正文大段沿用上年度报告', "The text largely repeats last year's report"),
  explain: {
    fires: both(
      `跨年度检查：“一、总体情况”（有（一）（二）…分项时也逐项）、“五、存在的主要问题及改进情况”或“六、其他需要报告的事项”与同一机关上年度报告的同一部分重复超过阈值（默认 50%，按字数计）。比较前去掉空白和标点，年份和数字一律视为相同（沿用时改动的正是这些），连续 12 字以上相同才算重复；少于 100 字的部分不判断。问题标在本年最长的重复段落上，相关信息指向上年度报告中的同一段落。2021 格式把“内容雷同”列为问题，有的考评细则对重复超过 50% 的年报扣分。阈值可在设置 \`nianbao.reuse\` 或命令行配置文件的 \`reuse\` 中修改。${WHERE['zh-CN']}`,
      `Cross-year: section 1 (and each of its sub-parts （一）（二）… where both years have them), section 5 or section 6 repeats the same section of the organ’s previous report beyond a threshold (50 % of its characters by default). Whitespace and punctuation are ignored and years and figures count as equal (copying changes exactly those); a passage counts from 12 characters in common; parts under 100 characters are not judged. The finding underlines this year’s longest repeated passage, with last year’s as related information. The 2021 format names 内容雷同 (copied content) as a fault; evaluators deduct points above 50 %. Change the threshold in the \`nianbao.reuse\` setting or the CLI config’s \`reuse\`. ${WHERE.en}`,
    ),
    fix: both(
      '按本年度的实际工作重写该部分；确需沿用的制度性表述，可在审核记录中说明（`nianbao review dismiss`）。',
      'Rewrite the section from this year’s work; where standing wording must stay, record why (`nianbao review dismiss`).',
    ),
  },
});

export const messages = {
  carry: message<{ cell: string; value: number; lastYear: number; lastCell: string; expected: number }>(
    (a) => `${a.cell} 为 ${a.value}，但上年度（${a.lastYear}年）报告的${a.lastCell} 为 ${a.expected}`,
    (a) => `${a.cell} is ${a.value} but last year's (${a.lastYear}) ${a.lastCell} is ${a.expected}`,
  ),
  inforce: message<{
    cell: string;
    value: number;
    lastYear: number;
    last: number;
    issuedName: string;
    issued: number;
    repealedName: string;
    repealed: number;
    expected: number;
    soft?: number;
  }>(
    (a) =>
      `${a.cell} 为 ${a.value}，按上年度（${a.lastYear}年）${a.last} + ${a.issuedName} ${a.issued} − ${a.repealedName} ${a.repealed} 应为 ${a.expected}${a.soft ? '（制发件数可能含修订，差额在其范围内，请核实）' : ''}`,
    (a) =>
      `${a.cell} is ${a.value}; last year's ${a.last} + issued ${a.issued} − repealed ${a.repealed} = ${a.expected}${a.soft ? ' (issued may include amendments; please verify)' : ''}`,
  ),
  items19: message<{
    cell: string;
    value: number;
    lastYear: number;
    prevName: string;
    last: number;
    deltaName: string;
    delta: number;
    expected: number;
  }>(
    (a) =>
      `${a.cell} 为 ${a.value}，按上年度（${a.lastYear}年）报告 ${a.prevName} ${a.last} + ${a.deltaName} ${a.delta} 应为 ${a.expected}`,
    (a) => `${a.cell} is ${a.value}; last year's (${a.lastYear}) items ${a.last} + change ${a.delta} = ${a.expected}`,
  ),
  cum19: message<{ cell: string; value: number; lastYear: number; last: number; column: string }>(
    (a) => `${a.cell} 为 ${a.value}，小于上年度（${a.lastYear}年）报告的 ${a.last}（${a.column}是累计数）`,
    (a) => `${a.cell} is ${a.value}, below last year's ${a.last} (a cumulative count)`,
  ),
  relatedLast: message<{ year: number; cell: string; path: string; value: string }>(
    (a) => `${a.year}年报告：${a.cell} = ${a.value}`,
    (a) => `${a.year} report: ${a.path} = ${a.value}`,
  ),
  relatedHere: message<{ cell: string; path: string; value: string }>(
    (a) => `${a.cell} = ${a.value}`,
    (a) => `${a.path} = ${a.value}`,
  ),
  reuse: message<{
    section: string;
    part?: string;
    share: number;
    threshold: number;
    lastYear: number;
    longest: number;
    excerpt: string;
  }>(
    (a) =>
      `“${a.section}”${a.part ? `${a.part}部分` : ''}与上年度（${a.lastYear}年）报告重复 ${a.share}%（超过 ${a.threshold}%），最长的重复段落 ${a.longest} 字：“${a.excerpt}”`,
    (a) =>
      `${a.part ? `Part ${a.part} of s` : 'S'}ection “${a.section}” repeats ${a.share}% of last year's (${a.lastYear}) report (over ${a.threshold}%); longest repeated passage ${a.longest} characters: “${a.excerpt}”`,
  ),
  reuseRelated: message<{ year: number; section: string }>(
    (a) => `${a.year}年报告“${a.section}”中的同一段落`,
    (a) => `The same passage in the ${a.year} report's “${a.section}”`,
  ),
  // Fix titles.
  useLast: message<{ value: number }>(
    (a) => `改为上年数值 ${a.value}`,
    (a) => `Use last year's value ${a.value}`,
  ),
  useComputed: message<{ cell: string; value: number }>(
    (a) => `将${a.cell} 改为 ${a.value}`,
    (a) => `Change ${a.cell} to ${a.value}`,
  ),
};

/** The family's rules, in the order docs/RULES.md lists them. */
export const RULES = [X_CARRY, X_INFORCE, X_ITEMS_19, X_19_CUM, X_REUSE] as const;
