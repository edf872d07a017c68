/** META-*: the report as a document — its year, organ, dates and publication deadline. */
import { both, message } from '../../messages/define';
import { rule } from '../spec';

export const META_YEAR = rule<{ path: string; where: string; found: number | string; year: number }>()({
  code: 'META-YEAR',
  severity: 'error',
  title: both('年份前后不一致', 'Year inconsistent'),
  explain: {
    fires: both(
      '标题、统计期限（`meta.period`）或正文“统计期限自…至…”中的年份与 `meta.year` 不一致，常见于沿用上一年报告时漏改。',
      'The year in the title, in `meta.period`, or in the narrative’s statistical-period sentence differs from `meta.year`; typical when last year’s report is reused.',
    ),
    fix: both('统一改为报告年度。', 'Change them all to the report year.'),
  },
});

export const META_YEAR_TEXT = rule<{
  path: string;
  found: number;
  year: number;
  kind: 'opening' | 'self' | 'period' | 'as-of' | 'foreword';
}>()({
  code: 'META-YEAR-TEXT',
  severity: 'warning',
  title: both('正文用往年的年份说本年度', "The text gives another year for the report's own"),
  explain: {
    fires: both(
      '正文用别的年份说报告本身的年度，多是沿用往年报告时漏改：句首的“2022年，本机关……”（仅限往年；“2024年，我们将……”是计划）、“本年度（2022年）”、“2022年1月1日至2022年12月31日”、“截至2022年12月31日”、“现将……2022年度政府信息公开工作年度报告……”，而报告年度是 2023。比较和回顾不算：“较2022年”“2022年以来”“上年”“2022年度报告指出的问题”，以及含“以来”“同比”“整改”等或提到本年度年份的句子。“统计期限自…起至…止”一句由 META-YEAR 判断（错误级别），这里不重复报告。',
      'The text states the report’s own period with another year, usually left over from an earlier report: a sentence opening “2022年，本机关……” (past years only: “2024年，我们将……” is a plan), “本年度（2022年）”, “2022年1月1日至2022年12月31日”, “截至2022年12月31日” or “现将……2022年度政府信息公开工作年度报告……” in a 2023 report. Comparisons and history are not faults: “较2022年”, “2022年以来”, “上年”, “2022年度报告指出的问题”, and sentences that compare, look back or name the report’s own year. The statistics-period sentence (“统计期限自…起至…止”) is META-YEAR’s (an error) and is not reported again here.',
    ),
    fix: both(
      '改为报告年度，并通读该段是否还有沿用的内容。',
      'Change it to the report year, and read the paragraph for other carried-over text.',
    ),
  },
});

export const META_DEADLINE = rule<{
  path: string;
  published: string;
  deadline: string;
  organ_kind: string;
  /** The deadline came from a reviewer's roster (`--roster`), not from the report's own organ kind. */
  roster?: boolean;
}>()({
  code: 'META-DEADLINE',
  severity: 'warning',
  title: both('发布日期晚于法定期限', 'Published after the deadline'),
  explain: {
    fires: both(
      '`meta.published_on` 晚于法定发布期限：县级以上人民政府部门为次年 1 月 31 日前，县级以上地方人民政府为次年 3 月 31 日前（条例第四十九条）；乡镇、街道等由地方规定，默认按 3 月 31 日，可在设置 `nianbao.deadlines` 中按机关类型修改。给出名单（`--roster`）时，按名单上该机关的类型或期限判断。',
      '`meta.published_on` is after the statutory deadline: 31 January of the next year for government departments, 31 March for local governments (article 49); for townships, subdistricts and others it is set locally, 31 March by default, configurable per organ kind in `nianbao.deadlines`. With a roster (`--roster`), the organ’s kind or deadline on the roster decides.',
    ),
    fix: both(
      '核对发布日期和 `meta.organ_kind`；地方规定的期限不同时，在设置中修改 `nianbao.deadlines`。',
      'Check the publication date and `meta.organ_kind`; where local rules set another deadline, change `nianbao.deadlines`.',
    ),
  },
});

export const META_ORGAN = rule<{ path: string; where: string; found: string; organ: string; expected?: string }>()({
  code: 'META-ORGAN',
  severity: 'warning',
  title: both('机关名称前后不一致', 'Organ name inconsistent'),
  explain: {
    fires: both(
      '标题或正文中的机关名称与 `meta.organ` 不一致，如正文写“双营乡”，落款却是“双营子回族乡人民政府”，或沿用了其他机关的报告。',
      'The organ named in the title or the narrative differs from `meta.organ`, e.g. the text says 双营乡 while the organ is 双营子回族乡人民政府, or another organ’s report was reused.',
    ),
    fix: both(
      '统一使用机关全称（或其规范简称），核对是否误用了其他机关的报告。',
      'Use the organ’s full (or standard short) name throughout; check that no other organ’s report was copied.',
    ),
  },
});

export const META_DATE = rule<{ path: string; published: string; periodEnd: string }>()({
  code: 'META-DATE',
  severity: 'info',
  title: both('落款日期早于统计期结束', 'Dated before the period ends'),
  explain: {
    fires: both(
      '`meta.published_on`（落款日期）不晚于统计期限截止日（通常为报告年度 12 月 31 日）：全年的报告不可能在年度结束前发布，多半是年份写错。',
      '`meta.published_on` is on or before the end of the statistical period (usually 31 December of the report year): a full-year report cannot be published before the year ends; usually the year is wrong.',
    ),
    fix: both(
      '核对落款日期，一般为报告年度次年的 1 至 3 月。',
      'Check the date; it is normally January to March of the following year.',
    ),
  },
});

export const messages = {
  yearTitle: message<{ found: string; year: number }>(
    (a) => `标题中的年份 ${a.found} 与报告年度 ${a.year} 不一致`,
    (a) => `The title says ${a.found} but the report year is ${a.year}`,
  ),
  yearPeriod: message<{ found: string; year: number }>(
    (a) => `统计期限 ${a.found} 不在报告年度 ${a.year} 内`,
    (a) => `The period ${a.found} is not in the report year ${a.year}`,
  ),
  yearProse: message<{ found: string; year: number }>(
    (a) => `正文写的是“${a.found}”，与报告年度 ${a.year} 不一致`,
    (a) => `The text says "${a.found}", not the report year ${a.year}`,
  ),
  deadline: message<{ published: string; deadline: string; kind: string; kindEn: string; basis: string; basisEn: string }>(
    (a) => `发布日期 ${a.published} 晚于${a.kind}的期限 ${a.deadline}（${a.basis}）`,
    (a) => `Published ${a.published}, after the deadline ${a.deadline} for ${a.kindEn} (${a.basisEn})`,
  ),
  yearText: message<{ snippet: string; found: number; year: number }>(
    (a) => `正文“${a.snippet}”写的是 ${a.found} 年，而报告年度是 ${a.year} 年：是否沿用了往年的报告？`,
    (a) => `The text "${a.snippet}" says ${a.found}, but the report year is ${a.year}: left over from an earlier report?`,
  ),
  deadlineRoster: message<{ published: string; deadline: string }>(
    (a) => `发布日期 ${a.published} 晚于名单规定的期限 ${a.deadline}`,
    (a) => `Published ${a.published}, after the roster's deadline ${a.deadline}`,
  ),
  organTitle: message<{ found: string; organ: string }>(
    (a) => `标题中的机关名称“${a.found}”与机关名称“${a.organ}”不一致`,
    (a) => `The title names "${a.found}" but the organ is "${a.organ}"`,
  ),
  organBody: message<{ found: string; organ: string; unit: string }>(
    (a) => `正文写作“${a.found}”，机关名称为“${a.organ}”（${a.unit}）：前后不一致`,
    (a) => `The text says "${a.found}" but the organ is "${a.organ}" (its own unit: "${a.unit}")`,
  ),
  dateEarly: message<{ published: string; end: string }>(
    (a) => `发布日期 ${a.published} 不晚于统计期限截止日 ${a.end}：全年报告不能在统计期结束前发布，请核对落款日期`,
    (a) => `Published ${a.published}, not after the period ends (${a.end}): check the date`,
  ),
};

/** The legal basis of a deadline, by kind of basis (core/facts/deadlines.ts). */
export const DEADLINE_BASIS = {
  art49p1: both('条例第四十九条第一款', 'art. 49 para. 1'),
  art49p2: both('条例第四十九条第二款', 'art. 49 para. 2'),
  local: both('地方规定，可在设置中修改', 'set locally; configurable'),
} as const;

/** The family's rules, in the order docs/RULES.md lists them. */
export const RULES = [META_YEAR, META_YEAR_TEXT, META_DEADLINE, META_ORGAN, META_DATE] as const;
