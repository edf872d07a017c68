/** S1-GOV, S5-EMPTY, S5-RECTIFY, S6-FEE: what the narrative sections must say. */
import { both, message } from '../../messages/define';
import { rule } from '../spec';

export const S5_EMPTY = rule<{ path: string; text: string | null }>()({
  code: 'S5-EMPTY',
  severity: 'warning',
  title: both('“五、存在的主要问题及改进情况”为空', 'Section 5 is empty'),
  explain: {
    fires: both(
      '“五、存在的主要问题及改进情况”为空或只写了“无”“暂无”。国办要求如实说明问题和改进措施。',
      'Section 5 (main problems and improvements) is empty or just says 无/暂无. The guidance requires a real account of problems and improvements.',
    ),
    fix: both(
      '写明上年度问题的整改情况、本年度存在的主要问题和改进措施。',
      'Describe last year’s problems and their follow-up, this year’s main problems and the planned improvements.',
    ),
  },
});

export const S1_GOV = rule<{ path: string; missing: string[] }>()({
  code: 'S1-GOV',
  severity: 'warning',
  title: both(
    '人民政府年报未报告工作考核、社会评议和责任追究结果情况',
    "A government's report lacks assessment, evaluation and accountability results",
  ),
  explain: {
    fires: both(
      '各级人民政府（含乡镇）的年报应包括工作考核、社会评议和责任追究结果情况（条例第五十条第（四）项），正文中未见其中一项或几项。',
      'A government’s report (including townships) must give its work assessment, public evaluation and accountability results (article 50 item (4)); the narrative lacks one or more of them.',
    ),
    fix: both(
      '在“一、总体情况”（或其他部分）中写明工作考核、社会评议和责任追究结果情况；没有发生的，也应说明。',
      'State the assessment, evaluation and accountability results in section 1 (or elsewhere); say so where there were none.',
    ),
  },
});

export const S5_RECTIFY = rule<{ path: string }>()({
  code: 'S5-RECTIFY',
  severity: 'warning',
  title: both('“五”未报告上年度问题整改情况', "Section 5 does not report rectification of last year's problems"),
  explain: {
    fires: both(
      '2021 格式的人民政府年报，“五、存在的主要问题及改进情况”没有提到上年度年报所提问题的整改情况。',
      'In a government’s 2021-format report, section 5 does not say how the problems named in last year’s report were rectified.',
    ),
    fix: both('在第五部分补写上年度问题的整改情况。', 'Add last year’s problems and their rectification to section 5.'),
  },
});

export const S6_FEE = rule<{ path: string; overdueFee?: number; notices?: number; missing?: string[] }>()({
  code: 'S6-FEE',
  severity: 'warning',
  title: both('“六”未完整报告信息处理费收取情况', 'Section 6 does not fully report information-processing fees'),
  explain: {
    fires: both(
      '2021 格式“六、其他需要报告的事项”未完整报告信息处理费收取情况（发出收费通知的件数和金额、实际收取的金额），或收费通知件数少于表三（六）中“申请人逾期未按收费通知要求缴纳费用”的件数。写明未收取（“未收取”“无收取”“没有收取”“未发出收费通知”等）即可。',
      'In the 2021 format, section 6 does not fully report information-processing fees (number and amount of fee notices, amount collected), or reports fewer notices than Table 3 (6) counts applications dropped for unpaid fees. Saying that none was charged (未收取, 无收取, 没有收取, 未发出收费通知 …) is enough.',
    ),
    fix: both(
      '写明发出收费通知的件数和总金额以及实际收取的总金额；未收费的写明“未收取”。',
      'State the number and total amount of fee notices and the amount collected; say so where none were collected.',
    ),
  },
});

export const messages = {
  s5Empty: message(
    () => '“五、存在的主要问题及改进情况”不能为空或只写“无”：请如实写明问题和改进措施',
    () => 'Section 5 must not be empty or just "无": describe the problems and the improvements',
  ),
  s1Gov: message<{ missing: string; missingEn: string }>(
    (a) => `各级人民政府的年报应包括工作考核、社会评议和责任追究结果情况（条例第五十条第（四）项），未见${a.missing}`,
    (a) =>
      `A government's report must give its assessment, public evaluation and accountability results (art. 50 (4)); missing: ${a.missingEn}`,
  ),
  s5Rectify: message<{ section: string }>(
    (a) => `“${a.section}”应报告上年度年报所提问题的整改情况`,
    () => "Section 5 should report how the problems in last year's report were rectified",
  ),
  feeNoCount: message<{ cell: string; value: number; section: string }>(
    (a) => `${a.cell} 为 ${a.value}，但“${a.section}”未报告发出收费通知的件数`,
    (a) => `${a.cell} is ${a.value} but section 6 gives no number of fee notices`,
  ),
  feeFewNotices: message<{ cell: string; value: number; notices: number }>(
    (a) => `发出收费通知 ${a.notices} 件，少于${a.cell} ${a.value} 件（逾期未缴费的申请都应先收到收费通知）`,
    (a) => `${a.notices} fee notice(s), fewer than ${a.cell} = ${a.value}`,
  ),
  feeIncomplete: message<{ missing: string; missingEn: string }>(
    (a) => `信息处理费收取情况不完整：未写${a.missing}`,
    (a) => `Fee report incomplete: missing ${a.missingEn}`,
  ),
};

/** The family's rules, in the order docs/RULES.md lists them. */
export const RULES = [S5_EMPTY, S1_GOV, S5_RECTIFY, S6_FEE] as const;
