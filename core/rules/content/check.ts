/**
 * Content the 条例 and the 2021 format ask of the narrative:
 * S5-EMPTY — 五 is empty or just 无;
 * S1-GOV — governments report 工作考核、社会评议和责任追究结果情况 (条例第五十条第（四）项);
 * S5-RECTIFY — governments (2021 format) report how last year's problems were rectified;
 * S6-FEE — 2021 format: 信息处理费 notices and amounts in 六 (and at least as many notices as
 * applications dropped for unpaid fees in 表三（六）2).
 */
import { isEmptyNarrative } from '../../facts/lexicon';
import { known } from '../../model/cells';
import { pathKey } from '../../model/cellReader';
import { topMap, topText } from '../../model/meta';
import { keySpanAt, locate, spanOf } from '../../model/report';
import { cellName, labelAt } from '../../schema/labels';
import { tableOf } from '../../schema/tables';
import { narrativeOf, sourceSpan } from '../../text/narrative';
import { NUMBER_SOURCE, parseNumeral } from '../../text/numerals';
import type { Span } from '../../types';
import type { CheckContext } from '../context';
import { S1_GOV, S5_EMPTY, S5_RECTIFY, S6_FEE, messages } from './specs';

const TOPICS: { id: string; zh: string; re: RegExp }[] = [
  { id: 'assessment', zh: '工作考核', re: /考核/ },
  { id: 'evaluation', zh: '社会评议', re: /评议|测评/ },
  { id: 'accountability', zh: '责任追究', re: /责任追究|追究[^，。；]{0,10}责任|问责/ },
];

const isGovernment = (kind: string | undefined) => kind?.endsWith('_government') === true;

/** A section's text when it says something (empty or 无 is S5-EMPTY's business). */
function sectionText(ctx: CheckContext, key: string): string | undefined {
  const v = topText(ctx.report, key);
  return isEmptyNarrative(v) ? undefined : v;
}

export function checkContent(ctx: CheckContext): void {
  checkProblemsEmpty(ctx);
  if (isGovernment(ctx.meta.organKind)) {
    checkGov(ctx);
    if (ctx.format === '2021') checkRectify(ctx);
  }
  if (ctx.format === '2021') checkFee(ctx);
}

function checkProblemsEmpty(ctx: CheckContext): void {
  const loc = locate(ctx.report, ['problems']);
  if (!loc) return; // a missing section is STRUCT-SECTIONS
  const text = topText(ctx.report, 'problems');
  if (!isEmptyNarrative(text ?? '')) return;
  const valueSpan = spanOf(loc.value);
  const bare = (text ?? '').replace(/[\s\u3000。.．]/g, '');
  ctx.emit(S5_EMPTY, messages.s5Empty, {}, valueSpan && bare !== '' ? valueSpan : loc.keySpan!, {
    path: 'problems',
    text: text ?? null,
  });
}

function checkGov(ctx: CheckContext): void {
  const overview = sectionText(ctx, 'overview');
  if (!overview) return;
  // The 2021 format puts it in 总体情况 (监督保障); the 条例 lists it with 问题及改进: read both.
  const all = [overview, sectionText(ctx, 'problems') ?? '', sectionText(ctx, 'other_matters') ?? ''].join('\n');
  const missing = TOPICS.filter((t) => !t.re.test(all));
  if (!missing.length) return;
  ctx.emit(
    S1_GOV,
    messages.s1Gov,
    { missing: missing.map((t) => `“${t.zh}”`).join('、'), missingEn: missing.map((t) => t.id).join(', ') },
    keySpanAt(ctx.report, ['overview']),
    { path: 'overview', missing: missing.map((t) => t.id) },
  );
}

function checkRectify(ctx: CheckContext): void {
  const problems = sectionText(ctx, 'problems');
  if (!problems) return;
  const year = ctx.meta.year;
  const prev = year !== undefined ? new RegExp(`${year - 1}年`) : /$^/;
  if (/整改|上一?年度?|去年|以往|往年/.test(problems) || prev.test(problems)) return;
  ctx.emit(S5_RECTIFY, messages.s5Rectify, { section: labelAt(ctx.format, ['problems']) }, keySpanAt(ctx.report, ['problems']), {
    path: 'problems',
  });
}

const N = `(${NUMBER_SOURCE})`;
const FEE_COUNT = new RegExp(`收费通知(?:书)?(?:共计|合计|共|计)?${N}(?:件|份)|${N}(?:件|份)(?:信息处理费)?收费通知`);
const FEE_NOTICE_AMOUNT = /(?:通知|应收|应缴)[^。；]{0,12}?\d[\d,.]*(?:万)?元/;
/** A zero amount, not the end of 10元 / 2.0元. */
const ZERO_AMOUNT = '(?<![\\d.])(?:0|零)(?:\\.0+)?(?:万)?元';
/** Saying that nothing was collected: 未收取 / 无收取 / 没有收取 / 不收取 …, 免收, or an amount of 0元. */
const NONE_COLLECTED = `(?:未|无|没有|不|并未|均未)(?:向申请人)?(?:收取|收缴|征收)|免收|(?:收取|收缴|实收)[^。；]{0,20}?${ZERO_AMOUNT}`;
const FEE_COLLECTED = new RegExp(`(?:实际|实收|收取|收缴)[^。；]{0,16}?\\d[\\d,.]*(?:万)?元|${NONE_COLLECTED}`);
/**
 * The ways a report says no fee was charged: 未收取 / 无收取 / 没有收取 / 不收取 / 免收 /
 * 未发出收费通知 / 没有产生…信息处理费 / 收取…0元 / 信息处理费收取情况：无 (平潭 2021–2025:
 * “无收取信息处理费情况”; 洪泽 2023–2024: “全年收取政府信息公开信息处理费0元”).
 */
const FEE_NONE = new RegExp(
  [
    NONE_COLLECTED,
    '(?:未|无|没有|不|并未|均未)(?:产生|发生)',
    '无信息处理费',
    '未发生[^。；]{0,10}信息处理费',
    '不存在[^。；]{0,6}(?:收取|收费)',
    '(?:未|没有)(?:发出|开具|出具)[^。；]{0,6}收费通知',
    '信息处理费[^。；：:]{0,8}[：:]\\s*(?:无|没有|0|零)(?![\\d.])',
    `信息处理费(?:为|共计|合计|总额为?)${ZERO_AMOUNT}`,
  ].join('|'),
);

function checkFee(ctx: CheckContext): void {
  const fc = topMap(ctx.report, 'fee_collection');
  const fcNum = (k: string) => (fc && typeof fc[k] === 'number' ? (fc[k] as number) : undefined);
  const n = narrativeOf(ctx.report, 'other_matters');
  const text = n?.text ?? '';
  // The number of fee notices: structured block first, else the prose.
  let notices = fcNum('notices_count');
  let noticesSpan: Span | undefined =
    notices !== undefined ? spanOf(locate(ctx.report, ['fee_collection', 'notices_count'])?.value) : undefined;
  if (notices === undefined && n) {
    const m = FEE_COUNT.exec(text);
    const tok = m?.[1] ?? m?.[2];
    if (m && tok) {
      notices = parseNumeral(tok);
      const at = m.index + m[0].indexOf(tok);
      noticesSpan = sourceSpan(n, at, at + tok.length);
    }
  }
  // (a) Applications dropped for unpaid fees imply fee notices.
  const t3 = tableOf(ctx.format, 'applications');
  const feeRow = t3?.rows.find((r) => r.rel.length === 2 && r.rel[0] === 'other_handling' && r.rel[1] === 'overdue_fee');
  const totalKey = feeRow?.columns.find((c) => c.total)?.key;
  if (feeRow && totalKey && locate(ctx.report, [...feeRow.path, totalKey])) {
    const cell = ctx.reader.cell([...feeRow.path, totalKey]);
    if (known(cell) && cell.value! > 0) {
      const name = cellName(ctx.format, cell.path);
      const path = pathKey(cell.path);
      if (notices === undefined)
        ctx.emit(
          S6_FEE,
          messages.feeNoCount,
          { cell: name, value: cell.value!, section: labelAt(ctx.format, ['other_matters']) },
          cell.span,
          {
            path,
            overdueFee: cell.value,
          },
        );
      else if (notices < cell.value!)
        ctx.emit(S6_FEE, messages.feeFewNotices, { cell: name, value: cell.value!, notices }, noticesSpan ?? cell.span, {
          path,
          overdueFee: cell.value,
          notices,
        });
    }
  }
  // (b) Fees mentioned: all three figures are due, unless it says none was charged.
  if (!n || !/信息处理费|收费通知/.test(text)) return;
  if (fc && ['notices_count', 'notices_amount_yuan', 'collected_amount_yuan'].every((k) => fcNum(k) !== undefined)) return;
  const fees = text
    .split(/[。\n]/)
    .filter((s) => /信息处理费|收费通知/.test(s))
    .join('。');
  if (FEE_NONE.test(fees) && !/[1-9]\d*(?:\.\d+)?(?:万)?元/.test(fees.replace(/《[^》]*》/g, '')) && !(notices && notices > 0))
    return;
  const missing: string[] = [];
  if (notices === undefined) missing.push('count');
  if (!FEE_NOTICE_AMOUNT.test(fees) && fcNum('notices_amount_yuan') === undefined) missing.push('noticeAmount');
  if (!FEE_COLLECTED.test(fees) && fcNum('collected_amount_yuan') === undefined) missing.push('collected');
  if (!missing.length) return;
  const field: Record<string, string> = {
    count: 'notices_count',
    noticeAmount: 'notices_amount_yuan',
    collected: 'collected_amount_yuan',
  };
  const names = missing.map((m) => `“${labelAt(ctx.format, ['fee_collection', field[m]])}”`);
  ctx.emit(
    S6_FEE,
    messages.feeIncomplete,
    { missing: names.join('、'), missingEn: missing.join(', ') },
    keySpanAt(ctx.report, ['other_matters']),
    {
      path: 'other_matters',
      missing,
    },
  );
}
