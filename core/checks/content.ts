/**
 * Content the 条例 and the 2021 format ask of the narrative:
 * S1-GOV — governments report 工作考核、社会评议和责任追究结果情况 (条例第五十条第（四）项);
 * S5-RECTIFY — governments (2021 format) report how last year's problems were rectified;
 * S6-FEE — 2021 format: 信息处理费 notices and amounts in 六 (and at least as many notices as
 * applications dropped for unpaid fees in 表三（六）2).
 * An empty section is left to S5-EMPTY / the structure rules.
 */
import { makeDiagnostic } from '../diagnostic';
import { known } from '../model/cells';
import { keySpanAt, locate, spanOf } from '../model/report';
import { cellName, labelAt } from '../schema/labels';
import { sectionsOf, tableOf } from '../schema/tables';
import { NUMBER_SOURCE, parseNumeral } from '../text/numerals';
import { narrativeOf, sourceSpan } from '../text/narrative';
import type { Span } from '../types';
import type { CheckContext } from './context';
import { pathKey } from './relations';

interface Meta {
  organ_kind?: unknown;
  year?: unknown;
}

const TOPICS: { id: string; zh: string; re: RegExp }[] = [
  { id: 'assessment', zh: '工作考核', re: /考核/ },
  { id: 'evaluation', zh: '社会评议', re: /评议|测评/ },
  { id: 'accountability', zh: '责任追究', re: /责任追究|追究[^，。；]{0,10}责任|问责/ },
];

/** The narrative sections, from the schema (x-nianbao.section). */
export function narrativeSections(ctx: CheckContext): string[] {
  return sectionsOf(ctx.format)
    .filter((s) => s.narrative)
    .map((s) => s.key);
}

const isGovernment = (kind: unknown) => typeof kind === 'string' && kind.endsWith('_government');

function sectionText(ctx: CheckContext, key: string): string | undefined {
  const v = (ctx.report.value as Record<string, unknown>)?.[key];
  if (typeof v !== 'string') return undefined;
  const bare = v.replace(/[\s\u3000。.．]/g, '');
  return bare && !['无', '暂无', '没有'].includes(bare) ? v : undefined; // empty or 无: S5-EMPTY's business
}

export function checkContent(ctx: CheckContext): void {
  const meta = (ctx.report.value as { meta?: Meta })?.meta;
  if (!meta) return;
  if (isGovernment(meta.organ_kind)) {
    checkGov(ctx);
    if (ctx.format === '2021') checkRectify(ctx, meta);
  }
  if (ctx.format === '2021') checkFee(ctx);
}

function checkGov(ctx: CheckContext): void {
  const overview = sectionText(ctx, 'overview');
  if (!overview) return;
  // The 2021 format puts it in 总体情况 (监督保障); the 条例 lists it with 问题及改进: read both.
  const all = [overview, sectionText(ctx, 'problems') ?? '', sectionText(ctx, 'other_matters') ?? ''].join('\n');
  const missing = TOPICS.filter((t) => !t.re.test(all));
  if (!missing.length) return;
  ctx.out.push(
    makeDiagnostic(
      ctx.report.lines,
      'S1-GOV',
      's1.gov',
      { missing: missing.map((t) => `“${t.zh}”`).join('、'), missingEn: missing.map((t) => t.id).join(', ') },
      keySpanAt(ctx.report, ['overview']),
      { missing: missing.map((t) => t.id) },
    ),
  );
}

function checkRectify(ctx: CheckContext, meta: Meta): void {
  const problems = sectionText(ctx, 'problems');
  if (!problems) return;
  const prev = typeof meta.year === 'number' ? new RegExp(`${meta.year - 1}年`) : /$^/;
  if (/整改|上一?年度?|去年|以往|往年/.test(problems) || prev.test(problems)) return;
  ctx.out.push(
    makeDiagnostic(
      ctx.report.lines,
      'S5-RECTIFY',
      's5.rectify',
      { section: labelAt(ctx.format, ['problems']) },
      keySpanAt(ctx.report, ['problems']),
      {},
    ),
  );
}

const N = `(${NUMBER_SOURCE})`;
const FEE_COUNT = new RegExp(`收费通知(?:书)?(?:共计|合计|共|计)?${N}(?:件|份)|${N}(?:件|份)(?:信息处理费)?收费通知`);
const FEE_NOTICE_AMOUNT = /(?:通知|应收|应缴)[^。；]{0,12}?\d[\d,.]*(?:万)?元/;
const FEE_COLLECTED = /(?:实际|实收|收取|收缴)[^。；]{0,16}?\d[\d,.]*(?:万)?元/;
const FEE_ZERO =
  /(?:收取|收缴|实收)[^。；]{0,20}?(?:0|零)(?:\.0+)?(?:万)?元|未收取|没有收取|无信息处理费|未发生[^。；]{0,10}信息处理费|未发出[^。；]{0,6}收费通知/;

function checkFee(ctx: CheckContext): void {
  const fc = (ctx.report.value as { fee_collection?: Record<string, unknown> })?.fee_collection;
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
      if (notices === undefined) {
        ctx.out.push(
          makeDiagnostic(
            ctx.report.lines,
            'S6-FEE',
            's6.feeNoCount',
            { cell: name, value: cell.value, section: labelAt(ctx.format, ['other_matters']) },
            cell.span,
            { path: pathKey(cell.path), overdueFee: cell.value },
          ),
        );
      } else if (notices < cell.value!) {
        ctx.out.push(
          makeDiagnostic(
            ctx.report.lines,
            'S6-FEE',
            's6.feeFewNotices',
            { cell: name, value: cell.value, notices },
            noticesSpan ?? cell.span,
            { path: pathKey(cell.path), overdueFee: cell.value, notices },
          ),
        );
      }
    }
  }
  // (b) Fees mentioned with figures: all three figures are due.
  if (!n || !/信息处理费|收费通知/.test(text)) return;
  if (fc && ['notices_count', 'notices_amount_yuan', 'collected_amount_yuan'].every((k) => fcNum(k) !== undefined)) return;
  const feeSentences = text.split(/[。\n]/).filter((s) => /信息处理费|收费通知/.test(s));
  const fees = feeSentences.join('。');
  if (FEE_ZERO.test(fees) && !/[1-9]\d*(?:\.\d+)?(?:万)?元/.test(fees.replace(/《[^》]*》/g, '')) && !(notices && notices > 0))
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
  ctx.out.push(
    makeDiagnostic(
      ctx.report.lines,
      'S6-FEE',
      's6.feeIncomplete',
      { missing: names.join('、'), missingEn: missing.join(', ') },
      keySpanAt(ctx.report, ['other_matters']),
      { missing },
    ),
  );
}
